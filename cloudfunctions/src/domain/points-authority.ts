import type { PointsTrack } from '@tongxin/shared-types';
import { yearOf } from './points';

/**
 * 谁可以让谁的积分发生变化——评定、冲正、答复申诉、登记五个一——全部规矩都在这里，处理器在写之前逐条问它。
 * 书记只管本支部的成员，这一条由分发器按操作声明的范围先查过了；这里管的是范围之内仍然不行的事：
 * - 谁也不能对自己动手：不给自己评定、冲正，不为自己登记五个一，不答复自己的申诉；
 * - 申诉由评定人以外的人答复（政协办公室，或支部的另一位书记）：评定人不能裁决对自己的异议；
 * - 委员履职积分、系统自动记的分，只有办公室能评定或更正（书记只管支部评定的党员积分）；
 * - 只能记入开着的年度：本年度；上一年度在关账前也可以（年初补记）。关账由台账再查一遍（POINTS.YEAR_CLOSED）。
 * 返回拒绝的错误码，null 表示可以。
 */
export type PointsRefusal = 'POINTS.SELF' | 'POINTS.OWN_ENTRY' | 'POINTS.OFFICE_ONLY' | 'POINTS.YEAR_NOT_OPEN' | 'POINTS.FUTURE_DATE';

export interface PointsCaller {
  memberId: string;
  /** 政协办公室（管理员） */
  isAdmin: boolean;
}

/** 一条已有的记分：谁的、哪一类、谁评定的（系统自动记的为 null） */
export interface EntryFacts {
  memberId: string;
  track: PointsTrack;
  operatorId: string | null;
}

/** 可以记入的年度：本年度，或上一年度（关账前） */
export function openYearRefusal(year: number, now: Date): PointsRefusal | null {
  const current = yearOf(now);
  return year === current || year === current - 1 ? null : 'POINTS.YEAR_NOT_OPEN';
}

/** 评定品行、考评（党员积分）或履职（办公室） */
export function adjustRefusal(caller: PointsCaller, target: { memberId: string; track: PointsTrack; year: number }, now: Date): PointsRefusal | null {
  if (target.memberId === caller.memberId) return 'POINTS.SELF';
  if (target.track !== 'party' && !caller.isAdmin) return 'POINTS.OFFICE_ONLY';
  return openYearRefusal(target.year, now);
}

/** 冲正一条记录 */
export function reverseRefusal(caller: PointsCaller, entry: EntryFacts): PointsRefusal | null {
  if (entry.memberId === caller.memberId) return 'POINTS.SELF';
  if (!caller.isAdmin && (entry.track !== 'party' || entry.operatorId === null)) return 'POINTS.OFFICE_ONLY';
  return null;
}

/** 答复申诉（采纳即冲正原记录，所以冲正的规矩也适用） */
export function answerAppealRefusal(caller: PointsCaller, appeal: { memberId: string }, entry: EntryFacts): PointsRefusal | null {
  if (appeal.memberId === caller.memberId || entry.memberId === caller.memberId) return 'POINTS.SELF';
  if (entry.operatorId === caller.memberId) return 'POINTS.OWN_ENTRY';
  return reverseRefusal(caller, entry);
}

/** 登记五个一的事项：date 是北京时间的日期 YYYY-MM-DD */
export function recordFiveOneRefusal(caller: PointsCaller, target: { memberId: string; date: string }, now: Date): PointsRefusal | null {
  if (target.memberId === caller.memberId) return 'POINTS.SELF';
  if (target.date > beijingDate(now)) return 'POINTS.FUTURE_DATE';
  return openYearRefusal(Number(target.date.slice(0, 4)), now);
}

/** 北京时间的日期 YYYY-MM-DD */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
