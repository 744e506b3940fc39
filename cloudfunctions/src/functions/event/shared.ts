import { AppError, type AudienceTarget, type EventView } from '@tongxin/shared-types';
import { type Kysely, type RawBuilder, type Selectable, sql } from 'kysely';
import type { Deps, Scope } from '../../core/action';
import type { Database, EventTable } from '../../db/schema';
import { memberInAudience } from '../../db/audience';

type Queryable = Pick<Kysely<Database>, 'selectFrom'>;
export type EventRow = Selectable<EventTable>;

export const ORGANISERS = ['admin', 'secretary'] as const;

/** 活动的主办支部：书记只能管理本支部主办的活动 */
export const byEvent: Scope<{ eventId: string }> = {
  kind: 'branchOf',
  lookup: async (deps: Deps, orgId, i) =>
    (await deps.db.selectFrom('event').select('owner_branch_id').where('org_id', '=', orgId).where('id', '=', i.eventId).executeTakeFirst())?.owner_branch_id,
};

export async function loadEventRow(db: Queryable, orgId: string, eventId: string): Promise<EventRow> {
  const row = await db.selectFrom('event').selectAll().where('org_id', '=', orgId).where('id', '=', eventId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND#EVENT');
  return row;
}

/**
 * “成员 m 在活动的参加对象里”：全体、指定人员、界别、支部、专委会。调用处须有别名为 m 的 member 表；
 * eventId 可以是参数，也可以是外层查询的列（如 sql.ref('e.id')）。应到名单与“我的活动”共用这一个定义。
 */
export function audienceIncludesMember(eventId: string | RawBuilder<unknown>) {
  return memberInAudience('event_audience', eventId);
}

/** 应到人员：按活动的参加对象展开，只算在册成员 */
export function expectedMemberIds(db: Queryable, orgId: string, eventId: string) {
  return db.selectFrom('member as m').select('m.id').where('m.org_id', '=', orgId).where('m.status', '=', 'active').where(audienceIncludesMember(eventId));
}

/** 这位成员能否签到这场活动（参加对象、党员身份；规则见 domain/event-policy），代签、数字码、请假用；扫码热路径在语句里判断 */
export async function memberStanding(
  db: Queryable,
  event: EventRow,
  memberId: string,
): Promise<{ name: string; inAudience: boolean; isPartyMember: boolean } | undefined> {
  const row = await db
    .selectFrom('member as m')
    .select(['m.name', 'm.affiliation', audienceIncludesMember(event.id).as('in_audience')])
    .where('m.org_id', '=', event.org_id)
    .where('m.id', '=', memberId)
    .where('m.status', '=', 'active')
    .executeTakeFirst();
  return row && { name: row.name, inAudience: Boolean(row.in_audience), isPartyMember: row.affiliation === '中共党员' };
}

/** 这些活动里，哪些的应到名单有这位成员（一条查询） */
export async function expectedEventIds(db: Queryable, orgId: string, memberId: string, eventIds: string[]): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('event as e')
    .innerJoin('member as m', (j) => j.onRef('m.org_id', '=', 'e.org_id'))
    .select('e.id')
    .where('e.org_id', '=', orgId)
    .where('e.id', 'in', eventIds)
    .where('m.id', '=', memberId)
    .where('m.status', '=', 'active')
    .where(audienceIncludesMember(sql.ref('e.id')))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** 这些活动各自的应到人数与已签到人数（两条分组查询，不随活动数增加） */
export async function attendanceCounts(db: Queryable, orgId: string, eventIds: string[]): Promise<Map<string, { expected: number; checkedIn: number }>> {
  const counts = new Map(eventIds.map((id) => [id, { expected: 0, checkedIn: 0 }]));
  if (eventIds.length === 0) return counts;
  const [expected, checkedIn] = await Promise.all([
    db
      .selectFrom('event as e')
      .innerJoin('member as m', (j) => j.onRef('m.org_id', '=', 'e.org_id'))
      .select((eb) => ['e.id', eb.fn.countAll<number>().as('n')])
      .where('e.org_id', '=', orgId)
      .where('e.id', 'in', eventIds)
      .where('m.status', '=', 'active')
      .where(audienceIncludesMember(sql.ref('e.id')))
      .groupBy('e.id')
      .execute(),
    db
      .selectFrom('attendance')
      .select((eb) => ['event_id', eb.fn.countAll<number>().as('n')])
      .where('org_id', '=', orgId)
      .where('event_id', 'in', eventIds)
      .groupBy('event_id')
      .execute(),
  ]);
  for (const r of expected) counts.get(r.id)!.expected = Number(r.n);
  for (const r of checkedIn) counts.get(r.event_id)!.checkedIn = Number(r.n);
  return counts;
}

export async function toEventViews(db: Queryable, orgId: string, rows: EventRow[]): Promise<EventView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [audience, names] = await Promise.all([
    db
      .selectFrom('event_audience as a')
      .leftJoin('party_org as p', (j) => j.onRef('p.org_id', '=', 'a.org_id').onRef('p.id', '=', 'a.target_id'))
      .leftJoin('committee as c', (j) => j.onRef('c.org_id', '=', 'a.org_id').onRef('c.id', '=', 'a.target_id'))
      .leftJoin('sector as s', (j) => j.onRef('s.org_id', '=', 'a.org_id').onRef('s.id', '=', 'a.target_id'))
      .leftJoin('member as m', (j) => j.onRef('m.org_id', '=', 'a.org_id').onRef('m.id', '=', 'a.target_id'))
      .select(['a.event_id', 'a.target_kind', 'a.target_id', 'p.name as branch', 'c.name as committee', 's.name as sector', 'm.name as member'])
      .where('a.org_id', '=', orgId)
      .where('a.event_id', 'in', ids)
      .execute(),
    db
      .selectFrom('event as e')
      .innerJoin('member as o', (j) => j.onRef('o.org_id', '=', 'e.org_id').onRef('o.id', '=', 'e.organiser_id'))
      .leftJoin('party_org as b', (j) => j.onRef('b.org_id', '=', 'e.org_id').onRef('b.id', '=', 'e.owner_branch_id'))
      .select(['e.id', 'o.name as organiser', 'b.name as branch'])
      .where('e.org_id', '=', orgId)
      .where('e.id', 'in', ids)
      .execute(),
  ]);
  const nameOf = new Map(names.map((n) => [n.id, n]));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    place: r.place,
    startsAt: iso(r.starts_at),
    endsAt: iso(r.ends_at),
    checkinOpensAt: iso(r.checkin_opens_at),
    checkinClosesAt: iso(r.checkin_closes_at),
    lateAfter: iso(r.late_after),
    rotateSeconds: r.rotate_seconds,
    geo: r.geo_lat !== null && r.geo_lng !== null && r.geo_radius_m !== null ? { lat: r.geo_lat, lng: r.geo_lng, radiusM: r.geo_radius_m } : null,
    status: r.status,
    cancelReason: r.cancel_reason,
    ownerBranch: r.owner_branch_id ? { id: r.owner_branch_id, name: nameOf.get(r.id)?.branch ?? '' } : null,
    organiserName: nameOf.get(r.id)?.organiser ?? '',
    audience: audience
      .filter((a) => a.event_id === r.id)
      .map((a): AudienceTarget => ({
        kind: a.target_kind,
        id: a.target_id,
        name: a.target_kind === 'all' ? '全体成员' : (a.branch ?? a.committee ?? a.sector ?? a.member ?? ''),
      })),
    finalizedAt: r.finalized_at ? iso(r.finalized_at) : null,
    locationCheck: r.geo_lat !== null,
    backfill: r.backfill,
    backfillConfirmed: r.backfill_confirmed_at !== null,
    agenda: r.agenda,
    hostName: r.host_name,
    recorderName: r.recorder_name,
  }));
}

export const iso = (d: Date | string) => new Date(d).toISOString();

/** 写入（或整体替换）活动的参加对象 */
export async function replaceAudience(
  trx: Pick<Kysely<Database>, 'insertInto' | 'deleteFrom'>,
  orgId: string,
  eventId: string,
  audience: ReadonlyArray<{ kind: AudienceTarget['kind']; id: string | null }>,
) {
  await trx.deleteFrom('event_audience').where('org_id', '=', orgId).where('event_id', '=', eventId).execute();
  await trx
    .insertInto('event_audience')
    .values(audience.map((a) => ({ org_id: orgId, event_id: eventId, target_kind: a.kind, target_id: a.id })))
    .execute();
}
