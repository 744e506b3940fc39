/** 会议与活动、签到的领域词汇与视图 */

export const EVENT_KINDS = [
  '中心组学习', '政协讲堂', '委员培训', '书香政协',
  '支部党员大会', '支委会', '党小组会', '党课', '主题党日', '组织生活会', '民主评议党员',
  '委员之家活动', '调研', '视察', '界别活动', '协商会',
  '全体会议', '常委会议',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** 全体会议、常委会议：缺席要扣履职分 */
export const PLENARY_KINDS: readonly EventKind[] = ['全体会议', '常委会议'];

export const AUDIENCE_KINDS = ['all', 'branch', 'committee', 'sector', 'member'] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];
export const AUDIENCE_LABELS: Record<AudienceKind, string> = { all: '全体成员', branch: '支部', committee: '专委会', sector: '界别', member: '指定人员' };

export type CheckinMethod = 'scan' | 'code' | 'proxy';
export const CHECKIN_METHOD_LABELS: Record<CheckinMethod, string> = { scan: '扫码', code: '数字码', proxy: '代签' };

export type AttendanceStatus = 'on_time' | 'late' | 'on_leave' | 'absent' | 'leave_pending';
export const ATTENDANCE_STATUS_LABELS: Record<AttendanceStatus, string> = {
  on_time: '已签到',
  late: '迟到',
  on_leave: '请假',
  leave_pending: '请假待批',
  absent: '未到',
};

export interface AudienceTarget {
  kind: AudienceKind;
  id: string | null;
  name: string;
}

export interface EventView {
  id: string;
  kind: EventKind;
  title: string;
  place: string;
  startsAt: string;
  endsAt: string;
  checkinOpensAt: string;
  checkinClosesAt: string;
  lateAfter: string;
  rotateSeconds: number;
  geo: { lat: number; lng: number; radiusM: number } | null;
  status: 'scheduled' | 'cancelled';
  cancelReason: string | null;
  ownerBranch: { id: string; name: string } | null;
  organiserName: string;
  audience: AudienceTarget[];
  finalizedAt: string | null;
}

/** 成员视角的活动：我的状态 */
export interface MyEventView extends EventView {
  expected: boolean;
  myAttendance: { checkedInAt: string; late: boolean; method: CheckinMethod } | null;
  myLeave: { id: string; status: 'pending' | 'approved' | 'refused'; reason: string; answer: string | null } | null;
  myNote: { content: string; updatedAt: string } | null;
}

export interface CheckinResult {
  eventId: string;
  eventTitle: string;
  already: boolean;
  checkedInAt: string;
  late: boolean;
  /** 这次签到记的分（已签过时为空） */
  points: Array<{ track: string; ruleName: string; points: number }>;
}

export interface ScreenView {
  eventId: string;
  title: string;
  place: string;
  /** 当前令牌（≤ 32 字符，可作小程序码的 scene） */
  token: string;
  /** 二维码图片（data URL）；请求里带的 knownToken 仍是当前令牌时为 null（沿用已有的图，生产环境少画一次小程序码） */
  qrDataUrl: string | null;
  /** 扫码困难时的六位数字码 */
  fallbackCode: string;
  stepSeconds: number;
  /** 距下一次换码的毫秒数 */
  refreshInMs: number;
  window: 'not_open' | 'open' | 'closed';
  checkinOpensAt: string;
  checkinClosesAt: string;
  counts: AttendanceCounts;
  recent: Array<{ name: string; at: string; late: boolean }>;
}

export interface AttendanceCounts {
  expected: number;
  /** 应到人员中已签到的人数（不含不在名单里的到场者，他们另计 walkIns） */
  checkedIn: number;
  late: number;
  onLeave: number;
  absent: number;
  walkIns: number;
  /** 到会率：已签到的应到人员 ÷（应到 − 请假），百分比，一位小数 */
  rate: number;
}

export interface AttendanceRow {
  memberId: string;
  name: string;
  sector: string | null;
  expected: boolean;
  status: AttendanceStatus;
  checkedInAt: string | null;
  method: CheckinMethod | null;
  proxyReason: string | null;
  proxyByName: string | null;
  leave: { id: string; status: 'pending' | 'approved' | 'refused'; reason: string } | null;
  rollCalled: boolean;
}

export interface AttendanceList {
  event: EventView;
  counts: AttendanceCounts;
  rows: AttendanceRow[];
}

export interface RollCallView {
  memberId: string;
  name: string;
  order: number;
  calledAt: string;
  note: string | null;
  remaining: number;
}

export interface LeaveRequestView {
  id: string;
  eventId: string;
  eventTitle: string;
  memberId: string;
  memberName: string;
  reason: string;
  status: 'pending' | 'approved' | 'refused';
  answer: string | null;
  createdAt: string;
}

export interface NotificationView {
  id: string;
  title: string;
  body: string;
  eventId: string | null;
  createdAt: string;
  read: boolean;
}

export interface StudyNoteView {
  memberId: string;
  name: string;
  content: string;
  updatedAt: string;
}

export interface FileDownload {
  fileName: string;
  /** application/vnd.openxmlformats-officedocument.spreadsheetml.sheet */
  contentBase64: string;
}
