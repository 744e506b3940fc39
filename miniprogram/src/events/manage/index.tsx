import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { EventView } from '@tongxin/shared-types'
import { PageShell } from '../../components/PageShell'
import { callFunction } from '../../services/cloud'
import { eventTimeLabel } from '../../utils/time'
import { EVENT_PAGES } from '../../pages/index/myStatus'
import { Card, Notice, offClass, StateText } from '../shared/controls'
import { useLoad } from '../shared/useLoad'
import { useOrganiser } from '../shared/useOrganiser'
import { useReturnRefresh } from '../shared/useReturnRefresh'
import { eventNoticeText } from '../shared/notice'
import './index.scss'

const PAGE_SIZE = 20
const go = (url: string) => void Taro.navigateTo({ url })

type Listed = EventView & { counts: { expected: number; checkedIn: number } }

function EventItem({ event }: { event: Listed }) {
  const cancelled = event.status === 'cancelled'
  const [copied, setCopied] = useState<string | null>(null)
  const copyNotice = async () => {
    try {
      await Taro.setClipboardData({ data: eventNoticeText(event) })
      setCopied('已复制通知文字，可以粘贴到微信群')
    } catch {
      setCopied('没能复制，请再试一次')
    }
  }
  return (
    <Card className='manage-item'>
      <View className='manage-item__head'>
        <Text className='manage-item__kind'>{event.kind}</Text>
        {cancelled && <Text className='ev-tag ev-tag--closed'>已取消</Text>}
        {event.finalizedAt && <Text className='ev-tag ev-tag--none'>已定案</Text>}
      </View>
      <Text className='manage-item__title'>{event.title}</Text>
      <Text className='manage-item__line'>{eventTimeLabel(event.startsAt, event.endsAt)}</Text>
      <Text className='manage-item__line'>
        {event.place}
        {event.ownerBranch ? ` · ${event.ownerBranch.name}` : ''}
      </Text>
      <Text className='manage-item__count'>
        已签到 {event.counts.checkedIn} / 应到 {event.counts.expected}
      </Text>
      <View className='ev-row'>
        {!cancelled && (
          <Button className='ev-btn ev-btn--primary' onClick={() => go(EVENT_PAGES.screen(event.id))}>
            签到大屏
          </Button>
        )}
        <Button className='ev-btn' onClick={() => go(EVENT_PAGES.attendance(event.id))}>
          签到名单
        </Button>
        {!cancelled && (
          <Button className='ev-btn' onClick={() => go(EVENT_PAGES.edit(event.id))}>
            修改
          </Button>
        )}
        <Button className='ev-btn' onClick={() => go(EVENT_PAGES.copy(event.id))}>
          {cancelled ? '改期重办' : '照此再办一场'}
        </Button>
        <Button className='ev-btn' onClick={() => void copyNotice()}>
          {cancelled ? '复制取消通知' : '复制会议通知'}
        </Button>
      </View>
      {copied && <Notice kind='info'>{copied}</Notice>}
    </Card>
  )
}

/** 组织活动：我能管理的活动（管理员全部，书记本支部主办的），新建、大屏、名单、修改 */
export default function ManagePage() {
  const org = useOrganiser()
  const ready = org.status === 'ready'
  const [page, setPage] = useState(1)
  const [withCancelled, setWithCancelled] = useState(false)
  const list = useLoad(ready ? () => callFunction('event', 'list', { page, pageSize: PAGE_SIZE, includeCancelled: withCancelled }) : null, [ready, page, withCancelled])
  useReturnRefresh(list.reload)

  if (org.status === 'needs-identity') return <PageShell><StateText>请先在页面顶部选择组织者的演示身份。</StateText></PageShell>
  if (org.status === 'loading') return <PageShell><StateText>正在确认您的身份…</StateText></PageShell>
  if (org.status === 'denied') return <PageShell><Notice kind='error'>{org.message}</Notice></PageShell>

  const data = list.data
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1
  return (
    <PageShell>
      <Card>
        <Button className='ev-btn ev-btn--primary ev-btn--block ev-btn--big' onClick={() => go(EVENT_PAGES.edit())}>
          新建活动
        </Button>
        <Text className='ev-muted manage-scope'>
          {org.organiser.isAdmin ? '这里是本政协的全部活动。' : '这里是您所在支部主办的活动。'}
        </Text>
        <Button className='ev-chip manage-toggle' aria-pressed={withCancelled} onClick={() => {
            setWithCancelled(!withCancelled)
            setPage(1)
          }}>
          {withCancelled ? '✓ 含已取消的活动' : '含已取消的活动'}
        </Button>
      </Card>
      {list.error && <Notice kind='error'>{list.error}</Notice>}
      {!data && !list.error && <StateText>正在加载活动…</StateText>}
      {data && data.items.length === 0 && <StateText>还没有活动。点「新建活动」安排第一场。</StateText>}
      {data?.items.map((e) => <EventItem key={e.id} event={e} />)}
      {data && pages > 1 && (
        <View className='ev-card ev-row'>
          <Button className={offClass(page <= 1, 'ev-btn')} aria-disabled={page <= 1} onClick={() => page > 1 && setPage(page - 1)}>
            上一页
          </Button>
          <Text className='manage-page'>
            第 {page}/{pages} 页
          </Text>
          <Button className={offClass(page >= pages, 'ev-btn')} aria-disabled={page >= pages} onClick={() => page < pages && setPage(page + 1)}>
            下一页
          </Button>
        </View>
      )}
    </PageShell>
  )
}
