import Taro from '@tarojs/taro'
import { Button as TaroButton, Text, View } from '@tarojs/components'
import type { LoadError } from '../../services/refusal'
import { EmptyState, ErrorState, Skeleton } from '../../components/PageState'
import type { MyEventView } from '@tongxin/shared-types'
import { eventTimeLabel } from '../../utils/time'
import { EVENT_PAGES, groupByWhen, myStatus } from './myStatus'

export interface EventListProps {
  events: MyEventView[] | null
  loading: boolean
  error: LoadError | null
  includePast: boolean
  onTogglePast: () => void
  onRetry: () => void
}

function EventCard({ event }: { event: MyEventView }) {
  const status = myStatus(event)
  return (
    <TaroButton className='event-card' onClick={() => void Taro.navigateTo({ url: EVENT_PAGES.detail(event.id) })}>
      <View className='event-card__head'>
        <Text className='event-card__kind'>{event.kind}</Text>
        <Text className={`event-card__status event-card__status--${status.tone}`}>{status.label}</Text>
      </View>
      <Text className='event-card__title'>{event.title}</Text>
      <Text className='event-card__line'>时间：{eventTimeLabel(event.startsAt, event.endsAt)}</Text>
      <Text className='event-card__line'>地点：{event.place}</Text>
      <Text className='event-card__more'>查看详情、请假 ›</Text>
    </TaroButton>
  )
}

/** 我的活动：我应参加的近期会议与活动，及我的签到状态；按今天、本周、以后分组，刚结束的放在最后 */
export function EventList({ events, loading, error, includePast, onTogglePast, onRetry }: EventListProps) {
  // data-ready：列表已取到（哪怕是空的）；速度基准（ui.h5_first_content_ms）以它区分真内容与加载中的占位
  return (
    <View className='home-section' data-ready={events ? 'events' : undefined}>
      <View className='home-section__head'>
        <Text className='home-section__title'>{includePast ? '最近的活动（含已结束）' : '我的活动'}</Text>
        <TaroButton className='home-link' onClick={onTogglePast}>
          {includePast ? '只看近期' : '看已结束的'}
        </TaroButton>
      </View>
      {error && <ErrorState error={error} onRetry={onRetry} />}
      {!events && loading && !error && <Skeleton what='活动' />}
      {events && events.length === 0 && (
        <EmptyState
          message={includePast ? '最近 90 天没有您参加的活动。' : '近期没有需要您参加的会议和活动。'}
          next={includePast ? '点上面的「只看近期」回到近期活动。' : '新的会议通知发布后会出现在这里；已结束的活动可点「看已结束的」查看。'}
        />
      )}
      {events && includePast && events.map((e) => <EventCard key={e.id} event={e} />)}
      {events &&
        !includePast &&
        groupByWhen(events, new Date()).map(({ group, events: inGroup }) => (
          <View key={group} className={`home-when home-when--${group === '已结束' ? 'past' : 'ahead'}`}>
            <Text className='home-when__title'>{group}</Text>
            {inGroup.map((e) => (
              <EventCard key={e.id} event={e} />
            ))}
          </View>
        ))}
    </View>
  )
}
