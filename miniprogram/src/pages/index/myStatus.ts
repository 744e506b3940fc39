import type { MyEventView } from '@tongxin/shared-types'
import { dateInputValue, todayIso } from '../../utils/time'

export type StatusTone = 'ok' | 'wait' | 'none' | 'closed'

/** 我在一场活动里的状态：已签到 / 请假待批 / 已请假 / 未签到（活动取消时写明已取消） */
export function myStatus(e: Pick<MyEventView, 'status' | 'myAttendance' | 'myLeave'>): { label: string; tone: StatusTone } {
  if (e.myAttendance) return { label: e.myAttendance.late ? '已签到（迟到）' : '已签到', tone: 'ok' }
  if (e.status === 'cancelled') return { label: '已取消', tone: 'closed' }
  if (e.myLeave?.status === 'approved') return { label: '已请假', tone: 'none' }
  if (e.myLeave?.status === 'pending') return { label: '请假待批', tone: 'wait' }
  return { label: '未签到', tone: 'none' }
}

/** events 分包里的页面地址（首页与签到页从主包跳过去） */
export const EVENT_PAGES = {
  detail: (id: string) => `/events/detail/index?id=${encodeURIComponent(id)}`,
  manage: '/events/manage/index',
  edit: (id?: string) => (id ? `/events/edit/index?id=${encodeURIComponent(id)}` : '/events/edit/index'),
  /** 照某场活动新建一场 */
  copy: (id: string) => `/events/edit/index?copy=${encodeURIComponent(id)}`,
  screen: (id: string) => `/events/screen/index?id=${encodeURIComponent(id)}`,
  attendance: (id: string) => `/events/attendance/index?id=${encodeURIComponent(id)}`,
} as const

/** 我的活动按时间分组：今天、本周（七天内）、以后；已结束的收到最后，不挡着要参加的 */
export type WhenGroup = '今天' | '本周' | '以后' | '已结束'
export const WHEN_GROUPS: readonly WhenGroup[] = ['今天', '本周', '以后', '已结束']

export function whenGroup(event: Pick<MyEventView, 'startsAt' | 'endsAt'>, now: Date): WhenGroup {
  if (Date.parse(event.endsAt) < now.getTime()) return '已结束'
  if (dateInputValue(event.startsAt) <= todayIso(now)) return '今天'
  return Date.parse(event.startsAt) - now.getTime() <= 7 * 86_400_000 ? '本周' : '以后'
}

export function groupByWhen<E extends Pick<MyEventView, 'startsAt' | 'endsAt'>>(events: readonly E[], now: Date): Array<{ group: WhenGroup; events: E[] }> {
  return WHEN_GROUPS.map((group) => ({ group, events: events.filter((e) => whenGroup(e, now) === group) })).filter((g) => g.events.length > 0)
}
