import { Button, Text, View } from '@tarojs/components'
import type { LoadState } from '../shared/useLoad'

export interface LoadNoticeProps {
  state: Exclude<LoadState<unknown>, { status: 'ready' }>
  /** 正在加载什么，如「您的积分」 */
  what: string
  retry?: () => void
}

/** 加载中、出错（显示服务端的中文提示）、未选演示身份时的占位 */
export function LoadNotice({ state, what, retry }: LoadNoticeProps) {
  switch (state.status) {
    case 'loading':
      return <View className='pt-state'>正在加载{what}…</View>
    case 'needs-identity':
      return <View className='pt-state'>请先在页面顶部选择一个演示身份。</View>
    case 'error':
      return (
        <View className='pt-state'>
          <Text className='pt-state__text'>{state.message}</Text>
          {retry && (
            <Button className='pt-btn pt-btn--block' onClick={retry}>
              重试
            </Button>
          )}
        </View>
      )
  }
}
