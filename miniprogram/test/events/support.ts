import type { CheckinResult, MemberProfile, MyEventView } from '@tongxin/shared-types'

export { callsTo, fail, held, offline, ok, routeCalls, type Handler } from '../calls'

export const TOKEN = 'AbCdEfGh00abcde0123456789abcdef'

export function checkinResult(overrides: Partial<CheckinResult> = {}): CheckinResult {
  return {
    eventId: 'e-1',
    eventTitle: '学习贯彻全会精神专题学习',
    already: false,
    checkedInAt: '2026-12-01T01:02:00.000Z',
    late: false,
    points: [{ track: '党员积分', ruleName: '集中学习', points: 2 }],
    pending: null,
    ...overrides,
  }
}

export function myEvent(overrides: Partial<MyEventView> = {}): MyEventView {
  return {
    id: 'e-1',
    kind: '中心组学习',
    title: '学习贯彻全会精神专题学习',
    place: '机关三楼会议室',
    startsAt: '2026-12-01T01:00:00.000Z',
    endsAt: '2026-12-01T03:30:00.000Z',
    checkinOpensAt: '2026-12-01T00:30:00.000Z',
    checkinClosesAt: '2026-12-01T03:30:00.000Z',
    lateAfter: '2026-12-01T01:10:00.000Z',
    rotateSeconds: 15,
    geo: null,
    locationCheck: false,
    backfill: false,
    backfillConfirmed: false,
    agenda: null,
    hostName: null,
    recorderName: null,
    status: 'scheduled',
    cancelReason: null,
    ownerBranch: null,
    organiserName: '周敏',
    audience: [{ kind: 'all', id: null, name: '全体成员' }],
    finalizedAt: null,
    expected: true,
    myAttendance: null,
    myLeave: null,
    myNote: null,
    ...overrides,
  }
}

/** 经济委功能型党支部的主题党日：北京时间 11月27日 14:00–16:30，提前 20 分钟开放签到，开始后 15 分钟算迟到 */
export function partyDay(overrides: Partial<MyEventView> = {}): MyEventView {
  return myEvent({
    kind: '主题党日',
    title: '十一月主题党日',
    place: '经济委会议室',
    startsAt: '2026-11-27T06:00:00.000Z',
    endsAt: '2026-11-27T08:30:00.000Z',
    checkinOpensAt: '2026-11-27T05:40:00.000Z',
    checkinClosesAt: '2026-11-27T08:30:00.000Z',
    lateAfter: '2026-11-27T06:15:00.000Z',
    ownerBranch: { id: 'b-2', name: '经济委功能型党支部' },
    audience: [{ kind: 'branch', id: 'b-2', name: '经济委功能型党支部' }],
    organiserName: '李建国',
    ...overrides,
  })
}

export const memberProfile: MemberProfile = {
  id: 'm-wang',
  orgId: 'org-1',
  orgName: '示例市政协',
  name: '王秀兰',
  phone: null,
  kind: 'committee_member',
  position: '委员',
  affiliation: '中共党员',
  sector: { id: 's-1', name: '经济界' },
  committees: [],
  roles: ['member'],
  branches: [],
}

export const adminProfile: MemberProfile = { ...memberProfile, id: 'm-zhou', name: '周敏', roles: ['staff', 'admin'] }
