import Taro from '@tarojs/taro'
import { Button as TaroButton, Text, View } from '@tarojs/components'
import { Button, ButtonRow } from '../../components/Button'
import type { NotificationView } from '@tongxin/shared-types'
import { dateTimeLabel } from '../../utils/time'
import { EVENT_PAGES } from './myStatus'

export interface NoticeListProps {
  notices: NotificationView[]
  onRead: (ids: string[]) => void
}

/** 未读通知：活动变更、取消、请假答复。看过点「知道了」 */
export function NoticeList({ notices, onRead }: NoticeListProps) {
  if (notices.length === 0) return null
  return (
    <View className='home-section'>
      <View className='home-section__head'>
        <Text className='home-section__title'>新通知（{notices.length}）</Text>
        {notices.length > 1 && (
          <TaroButton className='home-link' onClick={() => onRead(notices.map((n) => n.id))}>
            全部标为已读
          </TaroButton>
        )}
      </View>
      {notices.map((n) => (
        <View key={n.id} className='home-card notice-item'>
          <Text className='notice-item__title'>{n.title}</Text>
          <Text className='notice-item__body'>{n.body}</Text>
          <Text className='notice-item__time'>{dateTimeLabel(n.createdAt)}</Text>
          <ButtonRow>
            {n.eventId && <Button onClick={() => void Taro.navigateTo({ url: EVENT_PAGES.detail(n.eventId!) })}>查看活动</Button>}
            <Button onClick={() => onRead([n.id])}>知道了</Button>
          </ButtonRow>
        </View>
      ))}
    </View>
  )
}
