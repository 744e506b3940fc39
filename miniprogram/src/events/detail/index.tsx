import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { MyEventView } from '@tongxin/shared-types'
import { BRANCH_MANAGER_DUTIES as MANAGER_DUTIES } from '@tongxin/shared-types/src/domain'
import { CHECKIN_METHOD_LABELS } from '@tongxin/shared-types/src/events'
import { PageShell } from '../../components/PageShell'
import { LOCAL_MODE } from '../../localMode'
import { callFunction } from '../../services/cloud'
import { useAppStore } from '../../store'
import { clockTime, dateTimeLabel, eventTimeLabel, timeNear } from '../../utils/time'
import { EVENT_PAGES, myStatus } from '../../pages/index/myStatus'
import { useLoad } from '../../hooks/useLoad'
import { CheckinPanel } from './CheckinPanel'
import { LeaveCard } from './LeaveCard'
import { NoteCard } from './NoteCard'
import { Button } from '../../components/Button'
import { Card, InfoRow } from '../../components/Card'
import { Notice } from '../../components/Notice'
import { RemindMe } from '../../components/RemindMe'
import { LoadStatus, StateText } from '../../components/PageState'
import './index.scss'

function Header({ event }: { event: MyEventView }) {
  return (
    <Card>
      <Text className='detail__kind'>{event.kind}</Text>
      <Text className='detail__title'>{event.title}</Text>
      {event.status === 'cancelled' && <Notice kind='error'>活动已取消{event.cancelReason ? `：${event.cancelReason}` : ''}</Notice>}
      {event.backfill && (
        <Notice kind='info'>
          {event.backfillConfirmed ? '这是事后补录的活动，已经政协办公室确认。' : '这是事后补录的活动：签到照常记录，积分等政协办公室确认后才记。'}
        </Notice>
      )}
      <InfoRow label='时间' value={eventTimeLabel(event.startsAt, event.endsAt)} />
      <InfoRow label='地点' value={event.place} />
      <InfoRow label='签到' value={`${timeNear(event.checkinOpensAt, event.startsAt)} 开始签到，${timeNear(event.lateAfter, event.startsAt)} 以后算迟到`} />
      <InfoRow label='参加对象' value={event.audience.map((a) => a.name).join('、')} />
      <InfoRow label='组织者' value={event.ownerBranch ? `${event.ownerBranch.name} ${event.organiserName}` : event.organiserName} />
      {event.status === 'scheduled' && Date.now() < Date.parse(event.startsAt) && <RemindMe label='提醒我（会前 24 小时、1 小时）' block />}
    </Card>
  )
}

/** 我的签到：状态一句话；还没签到、签到未截止时给出签到方式 */
function MyCheckin({ event, reload }: { event: MyEventView; reload: () => void }) {
  const status = myStatus(event)
  const a = event.myAttendance
  const now = Date.now()
  const open = event.status === 'scheduled' && !a && now <= Date.parse(event.checkinClosesAt)
  return (
    <Card title='我的签到'>
      <Text className={`detail__status detail__status--${status.tone}`}>{status.label}</Text>
      {a && (
        <Text className='detail__line'>
          {clockTime(a.checkedInAt)} 签到（{CHECKIN_METHOD_LABELS[a.method]}）
        </Text>
      )}
      {!a && event.status === 'scheduled' && now > Date.parse(event.checkinClosesAt) && <Text className='detail__line'>签到已经截止。</Text>}
      {open && now < Date.parse(event.checkinOpensAt) && <Text className='detail__line'>签到从 {dateTimeLabel(event.checkinOpensAt)} 开始。</Text>}
      {(open || a) && <CheckinPanel event={event} onCheckedIn={reload} hideForms={!open} />}
    </Card>
  )
}

function OrganiserLinks({ eventId }: { eventId: string }) {
  const go = (url: string) => void Taro.navigateTo({ url })
  return (
    <Card title='组织者'>
      <View className='ui-btn-row'>
        <Button onClick={() => go(EVENT_PAGES.screen(eventId))}>签到大屏</Button>
        <Button onClick={() => go(EVENT_PAGES.attendance(eventId))}>签到名单</Button>
        <Button onClick={() => go(`/events/reminders/index?id=${encodeURIComponent(eventId)}`)}>提醒送达情况</Button>
        <Button onClick={() => go(EVENT_PAGES.edit(eventId))}>修改活动</Button>
      </View>
    </Card>
  )
}

/** 此刻是哪一段：签到开始前（先请假）、签到中（先签到）、会后（先写心得） */
export function actionPhase(event: Pick<MyEventView, 'checkinOpensAt' | 'checkinClosesAt' | 'endsAt'>, now: number): 'before' | 'during' | 'after' {
  if (now < Date.parse(event.checkinOpensAt)) return 'before'
  return now <= Date.parse(event.checkinClosesAt) && now < Date.parse(event.endsAt) ? 'during' : 'after'
}

export default function EventDetailPage() {
  const id = useRouter().params.id ?? ''
  const devOpenid = useAppStore((s) => s.devIdentity?.openid ?? null)
  // 只取引用不变的值：选择器每次返回新数组会让 zustand 无限重渲染
  const profile = useAppStore((s) => s.profile)
  const needsIdentity = LOCAL_MODE && !devOpenid
  const ev = useLoad(needsIdentity || !id ? null : () => callFunction('event', 'get', { eventId: id }), [id, devOpenid])

  const event = ev.data
  const now = Date.now()
  const body = (() => {
    if (!id) return <StateText>没有指明是哪一场活动。</StateText>
    if (needsIdentity) return <StateText>请先在页面顶部选择一个演示身份。</StateText>
    if (!event) return <LoadStatus loaded={ev} what='活动详情' />
    const attended = Boolean(event.myAttendance)
    // 组织者入口只给办这场活动的人（办公室，或主办支部的书记）：别的支部的书记点进名单只会被拒绝
    const organiser = Boolean(
      profile &&
      (profile.roles.includes('admin') ||
        (event.ownerBranch &&
          profile.roles.includes('secretary') &&
          profile.branches.some((b) => b.branchId === event.ownerBranch!.id && MANAGER_DUTIES.includes(b.duty)))),
    )
    // 先给此刻能办的事：签到开始前是请假，签到时是签到，会后是学习心得；活动信息随后
    const phase = actionPhase(event, now)
    const checkin = <MyCheckin key='checkin' event={event} reload={ev.reload} />
    const leave =
      !attended && event.status === 'scheduled' && now < Date.parse(event.endsAt) ? <LeaveCard key='leave' event={event} onChanged={ev.reload} /> : null
    const note = attended && now >= Date.parse(event.startsAt) ? <NoteCard key='note' event={event} /> : null
    const order = phase === 'before' ? [leave, checkin, note] : phase === 'during' ? [checkin, leave, note] : [note, checkin, leave]
    return (
      <>
        {ev.error && <Notice kind='error'>{ev.error.message}</Notice>}
        {event.status === 'cancelled' && <Header event={event} />}
        {event.status !== 'cancelled' && order}
        {event.status !== 'cancelled' && <Header event={event} />}
        {organiser && <OrganiserLinks eventId={event.id} />}
      </>
    )
  })()
  return <PageShell>{body}</PageShell>
}
