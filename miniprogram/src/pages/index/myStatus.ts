import type { MyEventView } from '@tongxin/shared-types'

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
