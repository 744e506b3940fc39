import type { NoticeKind } from './home';
/** 会议与活动、签到的领域词汇与视图 */

export const EVENT_KINDS = [
  '中心组学习',
  '政协讲堂',
  '委员培训',
  '书香政协',
  '支部党员大会',
  '支委会',
  '党小组会',
  '党课',
  '主题党日',
  '组织生活会',
  '民主评议党员',
  '委员之家活动',
  '调研',
  '视察',
  '界别活动',
  '协商会',
  '全体会议',
  '常委会议',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** 全体会议、常委会议：缺席要扣履职分，只由政协办公室（管理员）举办、定案 */
export const PLENARY_KINDS: readonly EventKind[] = ['全体会议', '常委会议'];

/** 党内组织生活：只收参加对象里的中共党员（不收旁听，扫码、数字码、代签都一样） */
export const PARTY_ONLY_KINDS: readonly EventKind[] = ['支部党员大会', '支委会', '党小组会', '党课', '主题党日', '组织生活会', '民主评议党员'];

/**
 * 不在参加对象里的人能否到场签到：讲座、读书会、委员之家活动、培训、协商会欢迎旁听；组织生活（只限党员）、
 * 全体会议与常委会议（席位有数）、调研视察与界别活动（记五个一）、中心组学习不收。
 */
export const WALK_IN_KINDS: readonly EventKind[] = ['政协讲堂', '书香政协', '委员之家活动', '委员培训', '协商会'];

/** 这些角色能办的活动类型：管理员全部；支部书记只有本支部的组织生活 */
export function eventKindsFor(roles: readonly string[]): readonly EventKind[] {
  if (roles.includes('admin')) return EVENT_KINDS;
  if (roles.includes('secretary')) return PARTY_ONLY_KINDS;
  return [];
}

/** 新建活动时默认选中的类型：书记最常办的是主题党日 */
export function defaultEventKindFor(roles: readonly string[]): EventKind | null {
  if (roles.includes('admin')) return '中心组学习';
  if (roles.includes('secretary')) return '主题党日';
  return null;
}

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
  /** 签到时是否核对在会场附近（会场坐标只给组织者，成员这里只知道要不要核对） */
  locationCheck: boolean;
  /** 开始后才建的补录记录；backfillConfirmed 为 false 时还在等办公室确认，签到暂不记分 */
  backfill: boolean;
  backfillConfirmed: boolean;
  /** 会议记录的抬头（可空） */
  agenda: string | null;
  hostName: string | null;
  recorderName: string | null;
}

/** 成员视角的活动：我的状态 */
export interface MyEventView extends EventView {
  expected: boolean;
  myAttendance: { checkedInAt: string; late: boolean; method: CheckinMethod } | null;
  /** 最近一次未撤回的请假 */
  myLeave: { id: string; status: 'pending' | 'approved' | 'refused'; reason: string; answer: string | null } | null;
  myNote: { content: string; updatedAt: string } | null;
}

export interface CheckinResult {
  eventId: string;
  eventTitle: string;
  already: boolean;
  checkedInAt: string;
  late: boolean;
  /** 这次签到记的分（已签过、或还在等确认时为空） */
  points: Array<{ track: string; ruleName: string; points: number }>;
  /** 分还在等谁确认：offline 扫码后很久才送达（组织者确认），backfill 补录活动（办公室确认）；null 已记分 */
  pending: AttendancePending;
}

export type AttendancePending = 'offline' | 'backfill' | null;
export const PENDING_LABELS: Record<'offline' | 'backfill', string> = { offline: '离线补交待确认', backfill: '补录待办公室确认' };

/** 签到已记下、分还在等确认时给本人的一句话 */
export function pendingSentence(p: 'offline' | 'backfill'): string {
  return p === 'offline' ? '这次扫码送达得晚，已记为离线补交，组织者确认后记分。' : '这是事后补录的活动，已记下签到，政协办公室确认后记分。';
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
  leave: { id: string; status: 'pending' | 'approved' | 'refused'; reason: string; answer: string | null; decidedAt: string | null } | null;
  rollCalled: boolean;
  /** 这条签到的分还在等确认（见 CheckinResult.pending）；离线补交时 receivedAt 是送达时间 */
  pending: AttendancePending;
  receivedAt: string | null;
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
  status: LeaveStatus;
  answer: string | null;
  createdAt: string;
}

/** 请假：待批、已批、未批；审批前本人可撤回 */
export type LeaveStatus = 'pending' | 'approved' | 'refused' | 'withdrawn';
export const LEAVE_STATUS_LABELS: Record<LeaveStatus, string> = { pending: '待审批', approved: '已批准', refused: '未批准', withdrawn: '已撤回' };

/** 会议记录：抬头、随机点名与发言要点（三会一课的记录） */
export interface MeetingRecordView {
  eventId: string;
  agenda: string | null;
  hostName: string | null;
  recorderName: string | null;
  speeches: Array<{ id: string; memberId: string | null; speakerName: string; content: string; updatedAt: string }>;
  /** 随机点名（按点名次序）与当时记下的发言要点 */
  rollCalls: Array<{ memberId: string; name: string; order: number; note: string | null }>;
}

/** 定案的结果：真实的人数，以及这类活动是否扣分 */
export interface FinalizeResult {
  expected: number;
  checkedIn: number;
  excused: number;
  absentees: number;
  /** 这次定案扣了分（只有全体会议、常委会议的缺席扣分） */
  deducted: boolean;
  /** 一句话的定案说明，如“应到 40 人，实到 35 人，请假 3 人，缺席 2 人；这类活动缺席不扣分” */
  summary: string;
}

export interface NotificationView {
  id: string;
  kind: NoticeKind;
  title: string;
  body: string;
  eventId: string | null;
  /** 点开去的页面 */
  link: string | null;
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
