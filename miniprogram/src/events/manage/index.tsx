import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { EventView } from '@tongxin/shared-types'
import { PageShell } from '../../components/PageShell'
import { callFunction } from '../../services/cloud'
import { eventTimeLabel } from '../../utils/time'
import { EVENT_PAGES } from '../../pages/index/myStatus'
import { useLoad } from '../../hooks/useLoad'
import { useMyRoles, type MyRoles } from '../../hooks/useMyRoles'
import { RoleGate } from '../../components/RoleGate'
import { Pager } from '../../components/Pager'
import { ChoiceChips } from '../../components/Chips'
import { useReturnRefresh } from '../../hooks/useReturnRefresh'
import { eventNoticeText } from '../shared/notice'
import { type CardAction, cardActions } from './cardActions'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { Notice } from '../../components/Notice'
import { EmptyState, LoadStatus } from '../../components/PageState'
import './index.scss'

const PAGE_SIZE = 20
const go = (url: string) => void Taro.navigateTo({ url })

type Listed = EventView & { counts: { expected: number; checkedIn: number } }

const PAGE_OF: Record<Exclude<CardAction, 'notice'>, (id: string) => string> = {
  edit: (id) => EVENT_PAGES.edit(id),
  screen: (id) => EVENT_PAGES.screen(id),
  attendance: (id) => EVENT_PAGES.attendance(id),
  copy: (id) => EVENT_PAGES.copy(id),
}

function EventItem({ event }: { event: Listed }) {
  const cancelled = event.status === 'cancelled'
  const [copied, setCopied] = useState<string | null>(null)
  const { main, more } = cardActions(event, Date.now())
  const copyNotice = async () => {
    try {
      await Taro.setClipboardData({ data: eventNoticeText(event) })
      setCopied('已复制通知文字，可以粘贴到微信群')
    } catch {
      setCopied('没能复制，请再试一次')
    }
  }
  const run = (action: CardAction) => (action === 'notice' ? void copyNotice() : go(PAGE_OF[action](event.id)))
  // 其余操作收在“更多”里：微信的操作菜单，H5 里 Taro 画同样的菜单
  const openMore = async () => {
    try {
      const { tapIndex } = await Taro.showActionSheet({ itemList: more.map((m) => m.label) })
      const picked = more[tapIndex]
      if (picked) run(picked.action)
    } catch {
      // 用户点了取消
    }
  }
  return (
    <Card className='manage-item'>
      <View className='manage-item__head'>
        <Text className='manage-item__kind'>{event.kind}</Text>
        {cancelled && <Text className='ui-tag ui-tag--closed'>已取消</Text>}
        {event.finalizedAt && <Text className='ui-tag ui-tag--none'>已定案</Text>}
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
      <View className='manage-item__actions'>
        <Button kind='primary' className='manage-item__main' onClick={() => run(main.action)}>
          {main.label}
        </Button>
        <Button className='manage-item__more' ariaLabel={`更多操作：${more.map((m) => m.label).join('、')}`} onClick={() => void openMore()}>
          更多…
        </Button>
      </View>
      {copied && <Notice kind='info'>{copied}</Notice>}
    </Card>
  )
}

/** 组织活动：我能管理的活动（管理员全部，书记本支部主办的），新建、大屏、名单、修改 */
export default function ManagePage() {
  const { state, retry } = useMyRoles()
  return (
    <PageShell>
      <RoleGate state={state} retry={retry} need='manager'>
        {(me) => <EventManager me={me} />}
      </RoleGate>
    </PageShell>
  )
}

function EventManager({ me }: { me: MyRoles }) {
  const [page, setPage] = useState(1)
  const [withCancelled, setWithCancelled] = useState(false)
  const list = useLoad(() => callFunction('event', 'list', { page, pageSize: PAGE_SIZE, includeCancelled: withCancelled }), [page, withCancelled])
  useReturnRefresh(list.reload)

  const data = list.data
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1
  return (
    <>
      <Card>
        <Button kind='primary' size='big' block onClick={() => go(EVENT_PAGES.edit())}>
          新建活动
        </Button>
        <Text className='ui-muted manage-scope'>{me.isAdmin ? '这里是本政协的全部活动。' : '这里是您所在支部主办的活动。'}</Text>
        <ChoiceChips
          label='显示哪些活动'
          options={[
            { value: 'current', label: '未取消的' },
            { value: 'all', label: '含已取消的' },
          ]}
          value={withCancelled ? 'all' : 'current'}
          onChange={(v) => {
            setWithCancelled(v === 'all')
            setPage(1)
          }}
        />
      </Card>
      <LoadStatus loaded={list} what='活动' />
      {data && data.items.length === 0 && <EmptyState message='还没有活动。' next='点上面的「新建活动」安排第一场。' />}
      {data?.items.map((e) => (
        <EventItem key={e.id} event={e} />
      ))}
      {data && pages > 1 && <Pager page={page} pages={pages} total={data.total} unit='场' busy={list.loading} onChange={setPage} />}
    </>
  )
}
