import type { AttendanceStatus, EventKind, FiveOneItem } from '@tongxin/shared-types';

/** 各类活动签到后记的分与五个一（规则代码见积分规则表） */
export const EVENT_EFFECTS: Record<EventKind, { rules: readonly string[]; fiveOne?: FiveOneItem }> = {
  中心组学习: { rules: ['party.study'] },
  政协讲堂: { rules: ['party.study'] },
  委员培训: { rules: ['party.study'] },
  书香政协: { rules: ['party.study'] },
  支部党员大会: { rules: ['party.meeting'] },
  支委会: { rules: ['party.meeting'] },
  党小组会: { rules: ['party.meeting'] },
  党课: { rules: ['party.meeting'] },
  组织生活会: { rules: ['party.meeting'] },
  民主评议党员: { rules: ['party.meeting'] },
  主题党日: { rules: ['party.theme_day'] },
  委员之家活动: { rules: ['duty.activity'] },
  协商会: { rules: ['duty.activity'] },
  调研: { rules: ['duty.activity'], fiveOne: 'research' },
  视察: { rules: ['duty.activity'], fiveOne: 'research' },
  界别活动: { rules: ['duty.activity'], fiveOne: 'sector_activity' },
  全体会议: { rules: ['duty.plenary'] },
  常委会议: { rules: ['duty.plenary'] },
};

/** 算作组织生活的活动类型（双重组织生活导出用） */
export const PARTY_LIFE_KINDS: readonly EventKind[] = ['支部党员大会', '支委会', '党小组会', '党课', '组织生活会', '民主评议党员', '主题党日'];

export type WindowState = 'not_open' | 'open' | 'closed';
export function windowState(at: Date, opensAt: Date, closesAt: Date): WindowState {
  if (at < opensAt) return 'not_open';
  return at <= closesAt ? 'open' : 'closed';
}

/** 两点间的球面距离（米）。位置只用来判断是否在会场附近，不保存 */
export function distanceMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/** 一个人在一场活动里的状态 */
export function attendanceStatus(input: { checkedIn: boolean; late: boolean; leave: 'pending' | 'approved' | 'refused' | null }): AttendanceStatus {
  if (input.checkedIn) return input.late ? 'late' : 'on_time';
  if (input.leave === 'approved') return 'on_leave';
  if (input.leave === 'pending') return 'leave_pending';
  return 'absent';
}

/** 随机点名：从已签到且还没被点过的人里均匀地抽一个 */
export function pickRollCall<T>(candidates: readonly T[], randomInt: (max: number) => number): T | null {
  if (candidates.length === 0) return null;
  return candidates[randomInt(candidates.length)];
}

/** 到会率（%）：已签到的应到人员 ÷（应到 − 请假） */
export function attendanceRate(expectedCheckedIn: number, expected: number, onLeave: number): number {
  const base = expected - onLeave;
  return base <= 0 ? 0 : Math.round((expectedCheckedIn / base) * 1000) / 10;
}

/**
 * 定案的一句话：真实的人数；扣了分的写明每类几人、各扣几分；这类活动缺席不扣分的，照直说。
 * 例：“应到 40 人，实到 35 人，请假 3 人，缺席 2 人；主题党日缺席不扣分，名单已锁定”
 */
export function finalizeSummary(f: {
  kind: EventKind;
  expected: number;
  checkedIn: number;
  excused: number;
  absentees: number;
  deductions: ReadonlyArray<{ label: string; count: number; points: number }>;
}): string {
  const counts = `应到 ${f.expected} 人，实到 ${f.checkedIn} 人，请假 ${f.excused} 人，缺席 ${f.absentees} 人`;
  if (f.deductions.length === 0) {
    const nobody = f.excused + f.absentees === 0;
    return `${counts}；${nobody ? '全部到会' : `${f.kind}缺席不扣分`}，名单已锁定`;
  }
  const parts = f.deductions.map((d) => `${d.label} ${d.count} 人各记 ${d.points > 0 ? '+' : d.points < 0 ? '−' : ''}${Math.abs(d.points)} 分`);
  return `${counts}；${parts.join('，')}`;
}
