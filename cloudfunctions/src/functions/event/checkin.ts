import { AppError, contract } from '@tongxin/shared-types';
import { defineAction } from '../../core/action';
import { recordAudit } from '../../core/audit';
import { isOrgWide } from '../../core/scope';
import { judgeCheckinCode } from '../../db/attempts';
import { CLOCK_SKEW_MS, OFFLINE_GRACE_MS, codeMatches, judgeStep, parseToken, stepOf, verifyToken } from '../../domain/checkin-token';
import { attendanceConfirmation, checkinEligibility, judgeScanDelay } from '../../domain/event-policy';
import { distanceMeters, windowState } from '../../domain/events';
import { eventByShortCode } from './event-cache';
import { recordAttendance, recordOwnAttendance } from './record';
import { ORGANISERS, type EventRow, byEvent, loadEventRow, memberStanding } from './shared';

const CODE_MAX_FAILURES = 5;
const CODE_WINDOW_MS = 10 * 60_000;

/** 活动是否可签：未取消、在签到时间内、（需要时）在会场附近。位置只比较，不保存。 */
function assertCanCheckIn(event: EventRow, at: Date, location: { lat: number; lng: number } | undefined) {
  if (event.status === 'cancelled') throw new AppError('CHECKIN.EVENT_CANCELLED');
  if (event.finalized_at) throw new AppError('CHECKIN.FINALIZED');
  const state = windowState(at, new Date(event.checkin_opens_at), new Date(event.checkin_closes_at));
  if (state === 'not_open') throw new AppError('CHECKIN.WINDOW_NOT_OPEN');
  if (state === 'closed') throw new AppError('CHECKIN.WINDOW_CLOSED');
  if (event.geo_lat !== null && event.geo_lng !== null && event.geo_radius_m !== null) {
    if (!location) throw new AppError('CHECKIN.LOCATION_REQUIRED');
    if (distanceMeters(location, { lat: event.geo_lat, lng: event.geo_lng }) > event.geo_radius_m) {
      throw new AppError('CHECKIN.TOO_FAR');
    }
  }
}

/** 离线补交：扫码时间不能在将来，也不能早于宽限期 */
function referenceTime(now: Date, scannedAt: string | undefined): Date {
  if (!scannedAt) return now;
  const at = new Date(scannedAt);
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw new AppError('CHECKIN.TOKEN_INVALID#SCAN_TIME');
  if (now.getTime() - at.getTime() > OFFLINE_GRACE_MS) throw new AppError('CHECKIN.OFFLINE_TOO_LATE');
  return at > now ? now : at;
}

/** 这场活动的签到现在记不记分（补录未确认、离线补交要等确认） */
function confirmationOf(event: EventRow, at: Date, receivedAt: Date) {
  return attendanceConfirmation({ backfill: event.backfill, backfillConfirmed: event.backfill_confirmed_at !== null }, judgeScanDelay(at, receivedAt));
}

/** 扫码的时间、令牌的时间步与活动的状态是否都允许这次签到；返回记为签到时间的那一刻 */
function judgeScan(event: EventRow, step: number, input: { eventId?: string; scannedAt?: string; location?: { lat: number; lng: number } }, now: Date): Date {
  if (input.eventId && input.eventId !== event.id) throw new AppError('CHECKIN.TOKEN_WRONG_EVENT');
  const at = referenceTime(now, input.scannedAt);
  const judged = judgeStep(step, stepOf(at, event.rotate_seconds));
  if (judged === 'future') throw new AppError('CHECKIN.TOKEN_INVALID');
  if (judged === 'expired') throw new AppError('CHECKIN.TOKEN_EXPIRED');
  assertCanCheckIn(event, at, input.location);
  return at;
}

/** 活动刚被改动时重读重判的次数上限（每次都撞上改动几乎不可能） */
const MAX_STALE_RETRIES = 3;

/**
 * 扫码签到（小程序内扫一扫，或微信扫小程序码进入）。高峰时的热路径：令牌只靠密钥验签；活动行来自实例缓存；
 * 身份、签到、积分、五个一是一条语句、一次往返（inlineIdentity，见 recordOwnAttendance）。
 */
export const checkin = defineAction({
  input: contract.event.checkin,
  errors: [
    'CHECKIN.EVENT_CANCELLED',
    'CHECKIN.FINALIZED',
    'CHECKIN.LOCATION_REQUIRED',
    'CHECKIN.OFFLINE_TOO_LATE',
    'CHECKIN.TOKEN_EXPIRED',
    'CHECKIN.TOKEN_INVALID',
    'CHECKIN.TOKEN_INVALID#SCAN_TIME',
    'CHECKIN.TOKEN_WRONG_EVENT',
    'CHECKIN.TOO_FAR',
    'CHECKIN.WINDOW_CLOSED',
    'CHECKIN.WINDOW_NOT_OPEN',
    'CONFLICT#EVENT_CHANGED',
    'POINTS.RULE_NOT_FOUND',
    'POINTS.YEAR_CLOSED',
  ],
  access: 'member',
  inlineIdentity: true,
  handler: async (input, { deps, openid, resolveActor }) => {
    const now = deps.clock.now();
    const token = parseToken(input.token);
    if (!token || !verifyToken(deps.secrets.checkin, token)) throw new AppError('CHECKIN.TOKEN_INVALID');
    for (let attempt = 0; attempt <= MAX_STALE_RETRIES; attempt++) {
      const event = await eventByShortCode(deps.db, token.shortCode, { fresh: attempt > 0 });
      if (!event) throw new AppError('CHECKIN.TOKEN_INVALID');
      let at: Date;
      try {
        at = judgeScan(event, token.step, input, now);
      } catch (err) {
        // 别的政协的活动与伪造的码答复相同：先弄清是谁在扫
        if ((await resolveActor()).orgId !== event.org_id) throw new AppError('CHECKIN.TOKEN_INVALID');
        throw err;
      }
      const result = await recordOwnAttendance(
        deps.db,
        { event, at, receivedAt: now, method: 'scan', confirmation: confirmationOf(event, at, now) },
        openid,
        event.revision,
      );
      if (result !== 'stale') return result;
    }
    throw new AppError('CONFLICT#EVENT_CHANGED');
  },
});

/** 输入大屏上的六位数字码签到；十分钟内输错五次即暂停 */
export const checkinByCode = defineAction({
  input: contract.event.checkinByCode,
  errors: [
    'CHECKIN.CODE_INVALID',
    'CHECKIN.EVENT_CANCELLED',
    'CHECKIN.FINALIZED',
    'CHECKIN.LOCATION_REQUIRED',
    'CHECKIN.TOO_FAR',
    'CHECKIN.WINDOW_CLOSED',
    'CHECKIN.WINDOW_NOT_OPEN',
    'NOT_FOUND#EVENT',
    'POINTS.RULE_NOT_FOUND',
    'POINTS.YEAR_CLOSED',
    'RATE_LIMITED#CHECKIN_CODE',
    'EVENT.PARTY_ONLY',
    'EVENT.NOT_IN_AUDIENCE',
  ],
  access: 'member',
  handler: async ({ eventId, code, location }, { deps, actor }) => {
    const now = deps.clock.now();
    const event = await loadEventRow(deps.db, actor.orgId, eventId);
    // 数失败次数、判码、记失败对同一人同一场活动串行（db/attempts.ts）：并发的猜码也只判得了 5 次
    const verdict = await judgeCheckinCode(
      deps.db,
      { orgId: actor.orgId, eventId, memberId: actor.memberId, at: now },
      { max: CODE_MAX_FAILURES, windowMs: CODE_WINDOW_MS },
      () => codeMatches(deps.secrets.checkin, event.short_code, code, now, event.rotate_seconds),
    );
    if (verdict === 'limited') throw new AppError('RATE_LIMITED#CHECKIN_CODE');
    if (verdict === 'wrong') throw new AppError('CHECKIN.CODE_INVALID');
    assertCanCheckIn(event, now, location);
    const standing = await memberStanding(deps.db, event, actor.memberId);
    const eligibility = checkinEligibility(event.kind, { inAudience: Boolean(standing?.inAudience), isPartyMember: Boolean(standing?.isPartyMember) });
    if (eligibility === 'party_only') throw new AppError('EVENT.PARTY_ONLY');
    if (eligibility === 'not_in_audience') throw new AppError('EVENT.NOT_IN_AUDIENCE');
    return recordAttendance(deps.db, {
      event,
      memberId: actor.memberId,
      at: now,
      receivedAt: now,
      method: 'code',
      confirmation: confirmationOf(event, now, now),
    });
  },
});

/**
 * 代签：为没有手机的成员签到，注明原因，记入审计。只为参加对象里、本人管得着的人代签，不为自己；
 * 只在签到时间内（补录活动在定案前）；组织生活只为党员。代签挣的分在本人的积分说明里写明“代签”与原因。
 */
export const proxyCheckin = defineAction({
  input: contract.event.proxyCheckin,
  errors: [
    'CHECKIN.EVENT_CANCELLED',
    'CHECKIN.FINALIZED#PROXY',
    'CHECKIN.WINDOW_NOT_OPEN',
    'NOT_FOUND#EVENT',
    'NOT_FOUND#MEMBER',
    'POINTS.RULE_NOT_FOUND',
    'POINTS.YEAR_CLOSED',
    'CHECKIN.WINDOW_CLOSED',
    'EVENT.PROXY_SELF',
    'EVENT.PROXY_NOT_IN_AUDIENCE',
    'EVENT.PROXY_PARTY_ONLY',
  ],
  access: { roles: ORGANISERS, scope: byEvent },
  writes: true,
  handler: async ({ eventId, memberId, reason }, ctx) => {
    const { deps, actor } = ctx;
    const now = deps.clock.now();
    return deps.db.transaction().execute(async (trx) => {
      const event = await loadEventRow(trx, actor.orgId, eventId);
      if (event.status === 'cancelled') throw new AppError('CHECKIN.EVENT_CANCELLED');
      // 定案后名单锁定：缺席扣分已按当时的名单记了
      if (event.finalized_at) throw new AppError('CHECKIN.FINALIZED#PROXY');
      // 补录的活动事后才建，签到时间早已过去：名单由组织者补记，分等办公室确认
      if (!event.backfill) {
        const state = windowState(now, new Date(event.checkin_opens_at), new Date(event.checkin_closes_at));
        if (state === 'not_open') throw new AppError('CHECKIN.WINDOW_NOT_OPEN');
        if (state === 'closed') throw new AppError('CHECKIN.WINDOW_CLOSED');
      }
      if (memberId === actor.memberId) throw new AppError('EVENT.PROXY_SELF');
      const m = await memberStanding(trx, event, memberId);
      if (!m) throw new AppError('NOT_FOUND#MEMBER');
      // 书记只为本支部的人代签（管理员不限）；在事务的连接上查，嵌入式数据库只有一个连接
      if (!isOrgWide(actor, ORGANISERS) && actor.managedBranchIds.length > 0) {
        const mine = await trx
          .selectFrom('branch_membership')
          .select('member_id')
          .where('org_id', '=', actor.orgId)
          .where('member_id', '=', memberId)
          .where('branch_id', 'in', actor.managedBranchIds)
          .executeTakeFirst();
        if (!mine) throw new AppError('FORBIDDEN#MEMBER_OUT_OF_BRANCH');
      }
      if (!m.inAudience) throw new AppError('EVENT.PROXY_NOT_IN_AUDIENCE');
      if (checkinEligibility(event.kind, m) === 'party_only') throw new AppError('EVENT.PROXY_PARTY_ONLY');
      const confirmation = confirmationOf(event, now, now);
      const result = await recordAttendance(trx, {
        event,
        memberId,
        at: now,
        receivedAt: now,
        method: 'proxy',
        proxy: { by: actor.memberId, byName: actor.name, reason },
        confirmation,
      });
      if (!result.already)
        await recordAudit(trx, ctx, {
          action: 'event.proxyCheckin',
          targetKind: 'event',
          targetId: eventId,
          summary: `为 ${m.name} 代签「${event.title}」：${reason}`,
        });
      return result;
    });
  },
});
