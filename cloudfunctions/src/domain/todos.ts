import type { NoticeKind, TodoItem } from '@tongxin/shared-types';

/**
 * 待办的先后（首页“最急的在前”）：
 * 0. 现在就能签到的会（签到窗口已开）；
 * 1. 24 小时内要办的：今天的会（还没到签到时间）、马上开始的会的请假审批；
 * 2. 待答复的申诉、联名邀请、待评价的答复（等得最久的在前）：有人在等，没有期限也不该压着；
 * 3. 本周稍后要办的：参加或请假、请假审批（按开始时间）；
 * 4. 未读的通知（新的在前）：知道了就行。
 * 同一档里按期限、再按 id，结果稳定。
 */
export interface RankInput {
  item: Pick<TodoItem, 'id' | 'kind' | 'dueAt'>;
  /** 签到窗口此刻是否开着（只对 checkin 有意义） */
  windowOpen?: boolean;
  /** 没有期限的事发生的时间（申诉提出、通知发出） */
  happenedAt?: string;
}

const DAY_MS = 86_400_000;

export function urgencyBand(x: RankInput, now: Date): number {
  const { kind, dueAt } = x.item;
  if (kind === 'checkin' && x.windowOpen) return 0;
  // 申诉、联名邀请、待评价的答复：有人在等，没有期限也不该压着
  if (kind === 'answerAppeal' || kind === 'answerCosign' || kind === 'rateReply') return 2;
  if (kind === 'notice') return 4;
  if (dueAt && new Date(dueAt).getTime() - now.getTime() <= DAY_MS) return 1;
  return 3;
}

export function rankTodos<T extends RankInput>(xs: readonly T[], now: Date): T[] {
  const key = (x: T) => {
    const band = urgencyBand(x, now);
    // 通知新的在前；其余早的在前
    const t = x.item.dueAt ?? x.happenedAt ?? '';
    return { band, t: band === 4 ? -Date.parse(t || '1970-01-01') : Date.parse(t || '9999-12-31') };
  };
  return [...xs].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka.band - kb.band || ka.t - kb.t || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0);
  });
}

/** 成员的会：该签到、该参加或请假，还是不用管（已签到、已请假、已结束、已取消） */
export type MeetingDuty = 'checkin' | 'attend' | null;

export function meetingDuty(m: {
  now: Date;
  startsAt: Date;
  endsAt: Date;
  checkinOpensAt: Date;
  checkinClosesAt: Date;
  cancelled: boolean;
  checkedIn: boolean;
  /** 未撤回的请假：已请假（待批或已批）的不再催；未批准的仍要参加 */
  leave: 'pending' | 'approved' | 'refused' | null;
}): MeetingDuty {
  if (m.cancelled || m.checkedIn || m.now >= m.endsAt || m.now > m.checkinClosesAt) return null;
  if (m.leave === 'approved' || m.leave === 'pending') return null;
  return m.now >= m.checkinOpensAt || sameBeijingDay(m.now, m.startsAt) ? 'checkin' : 'attend';
}

/** 同一个北京日（UTC+8，无夏令时） */
export function sameBeijingDay(a: Date, b: Date): boolean {
  const day = (d: Date) => Math.floor((d.getTime() + 8 * 3600_000) / DAY_MS);
  return day(a) === day(b);
}

/** “本周”：从现在起的七天（周六看到下周一的会，比按日历周更有用） */
export const WEEK_AHEAD_MS = 7 * DAY_MS;

/** 成为待办的通知（请书记审批的“有人请假”不在此列：待审批的请假本身就是待办，审批或撤回后自然消失） */
export const TODO_NOTICE_KINDS: readonly NoticeKind[] = [
  'points.deducted',
  'points.reversed',
  'points.appealAnswered',
  'leave.answered',
  'event.changed',
  'event.cancelled',
  'suggestion.progress',
];
