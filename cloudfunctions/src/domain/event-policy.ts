import { type AppRole, type EventKind, PARTY_ONLY_KINDS, WALK_IN_KINDS, eventKindsFor } from '@tongxin/shared-types';

/**
 * 谁可以办哪类活动、谁可以签到、补录与离线补交怎样算分：一处写定，处理器只照此执行。
 * 来由：一次安全测试里，书记自建“全体会议”并定案，给全支部扣了无故缺席分；代签、转发的签到码都能给圈外人记分。
 */

export const mayHold = (roles: readonly AppRole[], kind: EventKind) => eventKindsFor(roles).includes(kind);

export type Eligibility = 'ok' | 'not_in_audience' | 'party_only';

/** 这个人能否签到（扫码、数字码、代签同一条规则） */
export function checkinEligibility(kind: EventKind, who: { inAudience: boolean; isPartyMember: boolean }): Eligibility {
  if (PARTY_ONLY_KINDS.includes(kind)) return who.inAudience && who.isPartyMember ? 'ok' : 'party_only';
  if (WALK_IN_KINDS.includes(kind) || who.inAudience) return 'ok';
  return 'not_in_audience';
}

/**
 * 补录：开始时间已过（超过 BACKFILL_TOLERANCE_MS）的活动是事后补记的记录。组织者只能补记最近 BACKFILL_MAX_DAYS 天的；
 * 书记补记的活动在政协办公室确认之前不记分、不扣分（确认时才按当时的签到记分）；办公室自己补记的，视为当场确认。
 * 容差：会开了几分钟才想起建活动是常事，那时到场的人还在会场扫码，不算补录。
 */
export const BACKFILL_TOLERANCE_MS = 15 * 60_000;
export const BACKFILL_MAX_DAYS = 7;

export type ScheduleJudgement = { backfill: false } | { backfill: true } | { refused: 'too_old' };

export function judgeSchedule(startsAt: Date, now: Date): ScheduleJudgement {
  const behind = now.getTime() - startsAt.getTime();
  if (behind <= BACKFILL_TOLERANCE_MS) return { backfill: false };
  if (behind > BACKFILL_MAX_DAYS * 86_400_000) return { refused: 'too_old' };
  return { backfill: true };
}

/**
 * 扫码时间与送达时间：网络慢时扫码几十秒后才送达是常事，SCAN_DELAY_GRACE_MS 以内按扫码时间判断令牌与迟到；
 * 更晚送达的（离线后补交，或先绑定再回来）按扫码时间判断令牌，但记为“离线补交”，由组织者确认后才记分——
 * 转发的截图、倒填的扫码时间因此至多换来两分钟，换不来积分。
 */
export const SCAN_DELAY_GRACE_MS = 2 * 60_000;

export type ScanTiming = { kind: 'live' } | { kind: 'offline' };

export function judgeScanDelay(scannedAt: Date, receivedAt: Date): ScanTiming {
  return receivedAt.getTime() - scannedAt.getTime() <= SCAN_DELAY_GRACE_MS ? { kind: 'live' } : { kind: 'offline' };
}

/** 一条签到何时记分：普通签到当即记；离线补交等组织者确认；未确认的补录活动等办公室确认 */
export type Confirmation = null | 'offline' | 'backfill';

export function attendanceConfirmation(event: { backfill: boolean; backfillConfirmed: boolean }, timing: ScanTiming): Confirmation {
  if (event.backfill && !event.backfillConfirmed) return 'backfill';
  return timing.kind === 'offline' ? 'offline' : null;
}
