import { AppError, type EventKind, contract } from '@tongxin/shared-types';
import { type Transaction, sql } from 'kysely';
import { defineAction } from '../../core/action';
import type { Actor } from '../../core/actor';
import { recordAudit } from '../../core/audit';
import { isOrgWide } from '../../core/scope';
import type { Database } from '../../db/schema';
import { judgeSchedule, mayHold } from '../../domain/event-policy';
import { sameBeijingDay } from '../../domain/todos';
import { tell } from '../../hub/notices';
import { ORGANISERS, attendanceCounts, byEvent, expectedMemberIds, iso, loadEventRow, replaceAudience, toEventViews } from './shared';

const SHORT_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

interface Timing {
  startsAt: string;
  endsAt: string;
  checkinOpensAt?: string;
  checkinClosesAt?: string;
  lateAfterMinutes: number;
}

/** 签到窗口缺省为开始前 30 分钟到结束；迟到界限为开始后若干分钟 */
function resolveTiming(t: Timing) {
  const starts = new Date(t.startsAt);
  const ends = new Date(t.endsAt);
  const opens = t.checkinOpensAt ? new Date(t.checkinOpensAt) : new Date(starts.getTime() - 30 * 60_000);
  const closes = t.checkinClosesAt ? new Date(t.checkinClosesAt) : ends;
  if (ends <= starts) throw new AppError('INVALID_PARAMETER#ENDS_BEFORE_STARTS');
  if (closes <= opens) throw new AppError('INVALID_PARAMETER#CHECKIN_CLOSES_BEFORE_OPENS');
  return { starts, ends, opens, closes, lateAfter: new Date(starts.getTime() + t.lateAfterMinutes * 60_000) };
}

/**
 * 谁能办这一类、这个时间的活动（规则见 domain/event-policy）：书记只办本支部的组织生活；开始时间已过的是补录，
 * 至多补录 7 天内的；办公室补录的当场确认，书记补录的等办公室确认。返回补录列的值。
 */
function judgeHolding(actor: Actor, kind: EventKind, starts: Date, now: Date) {
  if (!mayHold(actor.roles, kind)) throw new AppError('EVENT.KIND_RESERVED');
  const schedule = judgeSchedule(starts, now);
  if ('refused' in schedule) throw new AppError('EVENT.BACKFILL_TOO_OLD');
  const office = actor.roles.includes('admin');
  return {
    backfill: schedule.backfill,
    backfill_confirmed_at: schedule.backfill && office ? now : null,
    backfill_confirmed_by: schedule.backfill && office ? actor.memberId : null,
  };
}

type Audience = Array<{ kind: 'all' | 'branch' | 'committee' | 'sector' | 'member'; id: string | null }>;

/** 书记只能面向自己的支部组织活动；参加对象须属于本政协 */
async function checkAudience(trx: Transaction<Database>, actor: Actor, audience: Audience, ownerBranchId: string | null) {
  const orgWide = isOrgWide(actor, ORGANISERS);
  if (!orgWide) {
    if (!ownerBranchId || !actor.managedBranchIds.includes(ownerBranchId)) throw new AppError('FORBIDDEN#EVENT_OWN_BRANCH');
    if (audience.some((a) => a.kind !== 'branch' || !actor.managedBranchIds.includes(a.id!))) throw new AppError('FORBIDDEN#EVENT_OWN_AUDIENCE');
  }
  const tables = { branch: 'party_org', committee: 'committee', sector: 'sector', member: 'member' } as const;
  for (const a of audience) {
    if (a.kind === 'all') continue;
    const found = await trx.selectFrom(tables[a.kind]).select('id').where('org_id', '=', actor.orgId).where('id', '=', a.id!).executeTakeFirst();
    if (!found) throw new AppError('INVALID_PARAMETER#AUDIENCE_UNKNOWN');
  }
  if (ownerBranchId) {
    const b = await trx
      .selectFrom('party_org')
      .select('status')
      .where('org_id', '=', actor.orgId)
      .where('id', '=', ownerBranchId)
      .where('level', '=', '党支部')
      .executeTakeFirst();
    if (!b || b.status !== 'active') throw new AppError('INVALID_PARAMETER#OWNER_BRANCH_UNKNOWN');
  }
}

/** 活动时间与签到窗口的列（新建与修改共用） */
function scheduleColumns(t: ReturnType<typeof resolveTiming>) {
  return { starts_at: t.starts, ends_at: t.ends, checkin_opens_at: t.opens, checkin_closes_at: t.closes, late_after: t.lateAfter };
}

/** 位置确认的列：不要求时三列都为空 */
function geoColumns(geo: { lat: number; lng: number; radiusM: number } | null) {
  return { geo_lat: geo?.lat ?? null, geo_lng: geo?.lng ?? null, geo_radius_m: geo?.radiusM ?? null };
}

/** 会议记录抬头的列：没传的不动，传空串或 null 即清空 */
export function recordColumns(input: { agenda?: string | null; hostName?: string | null; recorderName?: string | null }) {
  const v = (x: string | null | undefined) => (x === undefined ? undefined : x || null);
  return { agenda: v(input.agenda), host_name: v(input.hostName), recorder_name: v(input.recorderName) };
}

const beijing = (d: Date, withDate: boolean) =>
  d.toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    ...(withDate ? { month: 'long', day: 'numeric' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });

/** 改了什么（给应参加的人看）：开始、结束时间与地点 */
function describeChanges(
  before: { starts_at: Date | string; ends_at: Date | string; place: string },
  t: { starts: Date; ends: Date },
  place: string | undefined,
): string[] {
  const changes: string[] = [];
  const startMoved = t.starts.getTime() !== new Date(before.starts_at).getTime();
  const endMoved = t.ends.getTime() !== new Date(before.ends_at).getTime();
  if (startMoved || endMoved) changes.push(`时间改为 ${beijing(t.starts, true)} 至 ${beijing(t.ends, !sameBeijingDay(t.starts, t.ends))}`);
  if (place !== undefined && place !== before.place) changes.push(`地点改为 ${place}`);
  return changes;
}

export const create = defineAction({
  input: contract.event.create,
  errors: [
    'FORBIDDEN#EVENT_OWN_AUDIENCE',
    'FORBIDDEN#EVENT_OWN_BRANCH',
    'INVALID_PARAMETER#AUDIENCE_UNKNOWN',
    'INVALID_PARAMETER#CHECKIN_CLOSES_BEFORE_OPENS',
    'INVALID_PARAMETER#ENDS_BEFORE_STARTS',
    'INVALID_PARAMETER#OWNER_BRANCH_UNKNOWN',
    'NOT_FOUND#EVENT',
    'EVENT.KIND_RESERVED',
    'EVENT.BACKFILL_TOO_OLD',
  ],
  access: { roles: ORGANISERS, scope: { kind: 'branch', branchId: (i: { ownerBranchId: string | null }) => i.ownerBranchId ?? 'none' } },
  writes: true,
  handler: async (input, ctx) => {
    const { deps, actor } = ctx;
    const now = deps.clock.now();
    const t = resolveTiming(input);
    const holding = judgeHolding(actor, input.kind, t.starts, now);
    const id = await deps.db.transaction().execute(async (trx) => {
      await checkAudience(trx, actor, input.audience, input.ownerBranchId);
      let shortCode = '';
      for (let i = 0; i < 8; i++) shortCode += SHORT_CODE_ALPHABET[deps.random.int(SHORT_CODE_ALPHABET.length)];
      const row = await trx
        .insertInto('event')
        .values({
          org_id: actor.orgId,
          short_code: shortCode,
          kind: input.kind,
          title: input.title,
          place: input.place,
          ...scheduleColumns(t),
          rotate_seconds: input.rotateSeconds,
          ...geoColumns(input.geo ?? null),
          owner_branch_id: input.ownerBranchId,
          organiser_id: actor.memberId,
          agenda: input.agenda || null,
          host_name: input.hostName || null,
          recorder_name: input.recorderName || null,
          ...holding,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await replaceAudience(trx, actor.orgId, row.id, input.audience);
      await recordAudit(trx, ctx, {
        action: 'event.create',
        targetKind: 'event',
        targetId: row.id,
        summary: `${holding.backfill ? '补录' : '新建'}${input.kind}：${input.title}`,
      });
      return row.id;
    });
    const [view] = await toEventViews(deps.db, actor.orgId, [await loadEventRow(deps.db, actor.orgId, id)]);
    return view;
  },
});

/** 修改活动；时间或地点变了，应到人员会收到通知 */
export const update = defineAction({
  input: contract.event.update,
  errors: [
    'CONFLICT#EVENT_CANCELLED_NO_EDIT',
    'FORBIDDEN#EVENT_OWNER_FIXED',
    'FORBIDDEN#EVENT_OWN_AUDIENCE',
    'FORBIDDEN#EVENT_OWN_BRANCH',
    'INVALID_PARAMETER#AUDIENCE_UNKNOWN',
    'INVALID_PARAMETER#CHECKIN_CLOSES_BEFORE_OPENS',
    'INVALID_PARAMETER#ENDS_BEFORE_STARTS',
    'INVALID_PARAMETER#OWNER_BRANCH_UNKNOWN',
    'NOT_FOUND#EVENT',
    'EVENT.KIND_RESERVED',
    'EVENT.BACKFILL_TOO_OLD',
    'EVENT.BACKDATED',
  ],
  access: { roles: ORGANISERS, scope: byEvent },
  writes: true,
  handler: async (input, ctx) => {
    const { deps, actor } = ctx;
    const now = deps.clock.now();
    await deps.db.transaction().execute(async (trx) => {
      const before = await loadEventRow(trx, actor.orgId, input.eventId);
      if (before.status === 'cancelled') throw new AppError('CONFLICT#EVENT_CANCELLED_NO_EDIT');
      const startsAt = input.startsAt ?? iso(before.starts_at);
      const t = resolveTiming({
        startsAt,
        endsAt: input.endsAt ?? iso(before.ends_at),
        checkinOpensAt: input.checkinOpensAt ?? (input.startsAt ? undefined : iso(before.checkin_opens_at)),
        checkinClosesAt: input.checkinClosesAt ?? (input.endsAt ? undefined : iso(before.checkin_closes_at)),
        lateAfterMinutes: input.lateAfterMinutes ?? Math.round((new Date(before.late_after).getTime() - new Date(before.starts_at).getTime()) / 60_000),
      });
      // 改类型也按“谁能办”判断；改时间不能改到过去（补录请新建，补录的记录可在 7 天内改正）
      if (input.kind !== undefined && input.kind !== before.kind && !mayHold(actor.roles, input.kind)) throw new AppError('EVENT.KIND_RESERVED');
      if (!mayHold(actor.roles, before.kind)) throw new AppError('EVENT.KIND_RESERVED');
      if (t.starts.getTime() !== new Date(before.starts_at).getTime()) {
        const schedule = judgeSchedule(t.starts, now);
        if ('refused' in schedule) throw new AppError('EVENT.BACKFILL_TOO_OLD');
        if (schedule.backfill && !before.backfill) throw new AppError('EVENT.BACKDATED');
      }
      const ownerBranchId = input.ownerBranchId === undefined ? before.owner_branch_id : input.ownerBranchId;
      if (input.audience) await checkAudience(trx, actor, input.audience, ownerBranchId);
      else if (ownerBranchId !== before.owner_branch_id && !isOrgWide(actor, ORGANISERS)) throw new AppError('FORBIDDEN#EVENT_OWNER_FIXED');
      await trx
        .updateTable('event')
        .set({
          kind: input.kind as EventKind | undefined,
          title: input.title,
          place: input.place,
          ...scheduleColumns(t),
          rotate_seconds: input.rotateSeconds,
          owner_branch_id: ownerBranchId,
          ...(input.geo !== undefined ? geoColumns(input.geo) : {}),
          ...recordColumns(input),
          updated_at: now,
        })
        .where('org_id', '=', actor.orgId)
        .where('id', '=', input.eventId)
        .execute();
      if (input.audience) {
        await replaceAudience(trx, actor.orgId, input.eventId, input.audience);
      }
      // 开始、结束时间或地点变了：应参加的人都要知道（编辑页承诺的就是这个）
      const changes = describeChanges(before, t, input.place);
      const moved = changes.length > 0;
      if (moved) {
        const ids = (await expectedMemberIds(trx, actor.orgId, input.eventId).execute()).map((r) => r.id);
        await tell.eventChanged(trx, actor.orgId, { event: { ...before, title: input.title ?? before.title }, to: ids, changes, at: now });
      }
      await recordAudit(trx, ctx, {
        action: 'event.update',
        targetKind: 'event',
        targetId: input.eventId,
        summary: `修改活动：${input.title ?? before.title}${moved ? '（已通知参加人员）' : ''}`,
      });
    });
    const [view] = await toEventViews(deps.db, actor.orgId, [await loadEventRow(deps.db, actor.orgId, input.eventId)]);
    return view;
  },
});

export const cancel = defineAction({
  input: contract.event.cancel,
  errors: ['CONFLICT#EVENT_ALREADY_CANCELLED', 'NOT_FOUND#EVENT'],
  access: { roles: ORGANISERS, scope: byEvent },
  writes: true,
  handler: async ({ eventId, reason }, ctx) => {
    const { deps, actor } = ctx;
    const now = deps.clock.now();
    await deps.db.transaction().execute(async (trx) => {
      const e = await loadEventRow(trx, actor.orgId, eventId);
      if (e.status === 'cancelled') throw new AppError('CONFLICT#EVENT_ALREADY_CANCELLED');
      await trx
        .updateTable('event')
        .set({ status: 'cancelled', cancel_reason: reason, updated_at: now })
        .where('org_id', '=', actor.orgId)
        .where('id', '=', eventId)
        .execute();
      const ids = (await expectedMemberIds(trx, actor.orgId, eventId).execute()).map((r) => r.id);
      await tell.eventCancelled(trx, actor.orgId, { event: e, to: ids, reason, at: now });
      await recordAudit(trx, ctx, { action: 'event.cancel', targetKind: 'event', targetId: eventId, summary: `取消活动：${e.title}（${reason}）` });
    });
    const [view] = await toEventViews(deps.db, actor.orgId, [await loadEventRow(deps.db, actor.orgId, eventId)]);
    return view;
  },
});

/** 组织者的活动列表：管理员看全部，书记看本支部主办的 */
export const list = defineAction({
  input: contract.event.list,
  errors: [],
  access: { roles: ORGANISERS },
  handler: async (input, { deps, actor }) => {
    const now = deps.clock.now();
    let q = deps.db.selectFrom('event').where('org_id', '=', actor.orgId);
    if (input.from) q = q.where('ends_at', '>=', new Date(input.from));
    if (!input.includeCancelled) q = q.where('status', '=', 'scheduled');
    if (!isOrgWide(actor, ORGANISERS)) {
      if (actor.managedBranchIds.length === 0) return { items: [], total: 0, page: input.page, pageSize: input.pageSize };
      q = q.where('owner_branch_id', 'in', actor.managedBranchIds);
    }
    const [{ total }, rows] = await Promise.all([
      q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      // 组织者最常找的是正在进行和即将开始的：未结束的在前、按开始时间由近到远，已结束的在后、最近的在前
      q
        .selectAll()
        .orderBy(sql`ends_at < ${now}`)
        .orderBy(sql`CASE WHEN ends_at >= ${now} THEN starts_at END`)
        .orderBy('starts_at', 'desc')
        .orderBy('id')
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize)
        .execute(),
    ]);
    const ids = rows.map((r) => r.id);
    const [views, counts] = await Promise.all([toEventViews(deps.db, actor.orgId, rows), attendanceCounts(deps.db, actor.orgId, ids)]);
    const items = views.map((v) => ({ ...v, counts: counts.get(v.id)! }));
    return { items, total: Number(total), page: input.page, pageSize: input.pageSize };
  },
});
