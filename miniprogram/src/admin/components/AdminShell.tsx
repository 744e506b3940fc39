import type { ReactNode } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useAppStore } from '../../store'
import { LOCAL_MODE } from '../../localMode'
import { DevIdentityBar } from '../../components/DevIdentityBar'
import { useManager, type Manager } from '../shared/useManager'
import '../../components/PageShell.scss'
import './controls.scss'
import './AdminShell.scss'

export interface AdminShellProps {
  /** 页面标题（与 index.config 的 navigationBarTitleText 一致）；H5 没有原生标题栏，由外壳画出 */
  title: string
  /** 只有管理员能用的页面（导入、组织结构、审计日志、新增成员） */
  adminOnly?: boolean
  /** 角色确认后再画页面内容 */
  children: (manager: Manager) => ReactNode
}

/**
 * 管理页的外壳：与 PageShell 相同的大字模式与演示身份条（电脑浏览器里同样居中、最宽约 860 像素），
 * H5 另画标题栏与返回键；先确认本人是管理员或书记，再画内容。
 */
/** H5 没有小程序那样的标题栏和返回键：画一条大号的，电脑上也好点 */
function H5TitleBar({ title }: { title: string }) {
  const back = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
    else void Taro.reLaunch({ url: '/pages/mine/index' })
  }
  return (
    <View className='title-bar'>
      <Button className='title-bar__back' onClick={back}>
        ‹ 返回
      </Button>
      <Text className='title-bar__title'>{title}</Text>
    </View>
  )
}

export function AdminShell({ title, adminOnly = false, children }: AdminShellProps) {
  const elderMode = useAppStore((s) => s.elderMode)
  const { state, retry } = useManager(adminOnly)
  return (
    <View className={elderMode ? 'page page--elder page--admin' : 'page page--admin'}>
      {LOCAL_MODE && <DevIdentityBar />}
      {process.env.TARO_ENV === 'h5' && <H5TitleBar title={title} />}
      {state.status === 'loading' && <Text className='state-text'>正在确认您的身份…</Text>}
      {state.status === 'needs-identity' && <Text className='state-text'>请先在页面顶部选择一个演示身份。</Text>}
      {state.status === 'denied' && <Text className='state-text'>{state.message}</Text>}
      {state.status === 'error' && (
        <View className='admin-card'>
          <Text className='admin-card__title'>{state.message}</Text>
          <Button className='btn btn--primary btn--block' onClick={retry}>
            重试
          </Button>
        </View>
      )}
      {state.status === 'ready' && children(state.manager)}
    </View>
  )
}
