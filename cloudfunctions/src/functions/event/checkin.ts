import { AppError, contract } from '@tongxin/shared-types';
import { defineAction } from '../../core/action';
import { recordAudit } from '../../core/audit';
import { isOrgWide } from '../../core/scope';
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
  if (event.status === 'cancelled') throw new AppError('CHECKIN.EVENT_CANCELLED', '活动已取消');
  if (event.finalized_at) throw new AppError('CHECKIN.FINALIZED', '这场活动的名单已经定案，不能再签到');
  const state = windowState(at, new Date(event.checkin_opens_at), new Date(event.checkin_closes_at));
  if (state === 'not_open') throw new AppError('CHECKIN.WINDOW_NOT_OPEN', '还没到签到时间');
  if (state === 'closed') throw new AppError('CHECKIN.WINDOW_CLOSED', '签到已经截止，请联系会议组织者');
  if (event.geo_lat !== null && event.geo_lng !== null && event.geo_radius_m !== null) {
    if (!location) throw new AppError('CHECKIN.LOCATION_REQUIRED', '这场活动需要确认您在会场附近，请允许获取位置后再签到');
    if (distanceMeters(location, { lat: event.geo_lat, lng: event.geo_lng }) > event.geo_radius_m) {
      throw new AppError('CHECKIN.TOO_FAR', '您离会场较远，请到会场后再签到');
    }
  }
}

/** 离线补交：扫码时间不能在将来，也不能早于宽限期 */
function referenceTime(now: Date, scannedAt: string | undefined): Date {
  if (!scannedAt) return now;
  const at = new Date(scannedAt);
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw new AppError('CHECKIN.TOKEN_INVALID', '扫码时间不正确');
  if (now.getTime() - at.getTime() > OFFLINE_GRACE_MS) throw new AppError('CHECKIN.OFFLINE_TOO_LATE', '这次扫码离现在太久，未能补签，请重新扫码或联系组织者');
  return at > now ? now : at;
}

/** 这场活动的签到现在记不记分（补录未确认、离线补交要等确认） */
function confirmationOf(event: EventRow, at: Date, receivedAt: Date) {
  return attendanceConfirmation({ backfill: event.backfill, backfillConfirmed: event.backfill_confirmed_at !== null }, judgeScanDelay(at, receivedAt));
}

/** 扫码的时间、令牌的时间步与活动的状态是否都允许这次签到；返回记为签到时间的那一刻 */
function judgeScan(event: EventRow, step: number, input: { eventId?: string; scannedAt?: string; location?: { lat: number; lng: number } }, now: Date): Date {
  if (input.eventId && input.eventId !== event.id) throw new AppError('CHECKIN.TOKEN_WRONG_EVENT', '这是另一场活动的签到码');
  const at = referenceTime(now, input.scannedAt);
  const judged = judgeStep(step, stepOf(at, event.rotate_seconds));
  if (judged === 'future') throw new AppError('CHECKIN.TOKEN_INVALID', '这不是本活动的签到码');
  if (judged === 'expired') throw new AppError('CHECKIN.TOKEN_EXPIRED', '签到码已过期，请扫描屏幕上最新的码');
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
  access: 'member',
  inlineIdentity: true,
  handler: async (input, { deps, openid, resolveActor }) => {
    const now = deps.clock.now();
    const token = parseToken(input.token);
    if (!token || !verifyToken(deps.secrets.checkin, token)) throw new AppError('CHECKIN.TOKEN_INVALID', '这不是本活动的签到码');
    for (let attempt = 0; attempt <= MAX_STALE_RETRIES; attempt++) {
      const event = await eventByShortCode(deps.db, token.shortCode, { fresh: attempt > 0 });
      if (!event) throw new AppError('CHECKIN.TOKEN_INVALID', '这不是本活动的签到码');
      let at: Date;
      try {
        at = judgeScan(event, token.step, input, now);
      } catch (err) {
        // 别的政协的活动与伪造的码答复相同：先弄清是谁在扫
        if ((await resolveActor()).orgId !== event.org_id) throw new AppError('CHECKIN.TOKEN_INVALID', '这不是本活动的签到码');
        throw err;
      }
      const result = await recordOwnAttendance(deps.db, { event, at, receivedAt: now, method: 'scan', confirmation: confirmationOf(event, at, now) }, openid, event.revision);
      if (result !== 'stale') return result;
    }
    throw new AppError('CONFLICT', '活动信息刚刚有变动，请再扫一次');
  },
});

/** 输入大屏上的六位数字码签到；十分钟内输错五次即暂停 */
export const checkinByCode = defineAction({
  input: contract.event.checkinByCode,
  access: 'member',
  handler: async ({ eventId, code, location }, { deps, actor }) => {
    const now = deps.clock.now();
    const event = await loadEventRow(deps.db, actor.orgId, eventId);
    const failures = await deps.db
      .selectFrom('checkin_attempt')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', actor.orgId)
      .where('event_id', '=', eventId)
      .where('member_id', '=', actor.memberId)
      .where('at', '>', new Date(now.getTime() - CODE_WINDOW_MS))
      .executeTakeFirstOrThrow();
    if (Number(failures.n) >= CODE_MAX_FAILURES) throw new AppError('RATE_LIMITED', '数字码输错次数过多，请 10 分钟后再试，或请组织者代签');
    if (!codeMatches(deps.secrets.checkin, event.short_code, code, now, event.rotate_seconds)) {
      await deps.db.insertInto('checkin_attempt').values({ org_id: actor.orgId, event_id: eventId, member_id: actor.memberId, at: now }).execute();
      throw new AppError('CHECKIN.CODE_INVALID', '数字码不正确或已过期，请看屏幕上最新的数字');
    }
    assertCanCheckIn(event, now, location);
    const standing = await memberStanding(deps.db, event, actor.memberId);
    const eligibility = checkinEligibility(event.kind, { inAudience: Boolean(standing?.inAudience), isPartyMember: Boolean(standing?.isPartyMember) });
    if (eligibility === 'party_only') throw new AppError('EVENT.PARTY_ONLY');
    if (eligibility === 'not_in_audience') throw new AppError('EVENT.NOT_IN_AUDIENCE');
    return recordAttendance(deps.db, { event, memberId: actor.memberId, at: now, receivedAt: now, method: 'code', confirmation: confirmationOf(event, now, now) });
  },
});

/**
 * 代签：为没有手机的成员签到，注明原因，记入审计。只为参加对象里、本人管得着的人代签，不为自己；
 * 只在签到时间内（补录活动在定案前）；组织生活只为党员。代签挣的分在本人的积分说明里写明“代签”与原因。
 */
export const proxyCheckin = defineAction({
  input: contract.event.proxyCheckin,
  access: { roles: ORGANISERS, scope: byEvent },
  writes: true,
  handler: async ({ eventId, memberId, reason }, ctx) => {
    const { deps, actor } = ctx;
    const now = deps.clock.now();
    return deps.db.transaction().execute(async (trx) => {
      const event = await loadEventRow(trx, actor.orgId, eventId);
      if (event.status === 'cancelled') throw new AppError('CHECKIN.EVENT_CANCELLED', '活动已取消');
      // 定案后名单锁定：缺席扣分已按当时的名单记了
      if (event.finalized_at) throw new AppError('CHECKIN.FINALIZED', '这场活动的名单已经定案，不能再代签');
      // 补录的活动事后才建，签到时间早已过去：名单由组织者补记，分等办公室确认
      if (!event.backfill) {
        const state = windowState(now, new Date(event.checkin_opens_at), new Date(event.checkin_closes_at));
        if (state === 'not_open') throw new AppError('CHECKIN.WINDOW_NOT_OPEN');
        if (state === 'closed') throw new AppError('CHECKIN.WINDOW_CLOSED');
      }
      if (memberId === actor.memberId) throw new AppError('EVENT.PROXY_SELF');
      const m = await memberStanding(trx, event, memberId);
      if (!m) throw new AppError('NOT_FOUND', '没有找到这位成员');
      // 书记只为本支部的人代签（管理员不限）；在事务的连接上查，嵌入式数据库只有一个连接
      if (!isOrgWide(actor, ORGANISERS) && actor.managedBranchIds.length > 0) {
        const mine = await trx.selectFrom('branch_membership').select('member_id').where('org_id', '=', actor.orgId).where('member_id', '=', memberId).where('branch_id', 'in', actor.managedBranchIds).executeTakeFirst();
        if (!mine) throw new AppError('FORBIDDEN', '只能管理您所在支部的成员');
      }
      if (!m.inAudience) throw new AppError('EVENT.PROXY_NOT_IN_AUDIENCE');
      if (checkinEligibility(event.kind, m) === 'party_only') throw new AppError('EVENT.PROXY_PARTY_ONLY');
      const confirmation = confirmationOf(event, now, now);
      const result = await recordAttendance(trx, { event, memberId, at: now, receivedAt: now, method: 'proxy', proxy: { by: actor.memberId, byName: actor.name, reason }, confirmation });
      if (!result.already) await recordAudit(trx, ctx, { action: 'event.proxyCheckin', targetKind: 'event', targetId: eventId, summary: `为 ${m.name} 代签「${event.title}」：${reason}` });
      return result;
    });
  },
});
