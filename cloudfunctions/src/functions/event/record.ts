import { type CheckinMethod, type CheckinResult, TRACK_LABELS } from '@tongxin/shared-types';
import { type Transaction, sql } from 'kysely';
import type { DB } from '../../db/connect';
import type { Database } from '../../db/schema';
import { EVENT_EFFECTS } from '../../domain/events';
import { yearOf } from '../../domain/points';
import { type AwardRow, awardPointsCall, mapAwardError, toOutcome } from '../points/ledger';
import { type EventRow, iso } from './shared';

/**
 * 记一次出席：签到、积分（经台账的 award_points）与五个一写在同一条语句里——一条语句本身就是一个事务，
 * 要么都成，要么都不成；签到高峰时也只需一次往返。每人每场只有一条签到（主键）；重复签到只回答“已签到”。
 * 可以在调用方的事务里调用（如代签要同时写审计），也可以直接用连接池。
 */
export async function recordAttendance(
  db: Transaction<Database> | DB,
  req: { event: EventRow; memberId: string; at: Date; receivedAt: Date; method: CheckinMethod; proxy?: { by: string; byName: string; reason: string } },
): Promise<CheckinResult> {
  const { event, memberId, at } = req;
  const source = { kind: 'event', id: event.id, title: event.title };
  const effects = EVENT_EFFECTS[event.kind];
  const operator = req.proxy ? { id: req.proxy.by, name: req.proxy.byName } : undefined;
  const reason = req.proxy ? `代签：${req.proxy.reason}` : undefined;
  // 积分的时间取自刚插入的签到行：函数只在真的插入了签到时才会执行（LATERAL 依赖 a）
  const awards = effects.rules.map((ruleCode, i) => ({
    alias: sql.raw(`p${i}`),
    call: awardPointsCall({ orgId: event.org_id, memberId, ruleCode, source, at, operator, reason }, sql`a.checked_in_at`),
  }));
  const fiveOne = effects.fiveOne
    ? sql`, f AS (
        INSERT INTO five_one_fulfilment (org_id, member_id, year, item, source_kind, source_id, title, at)
        SELECT ${event.org_id}, ${memberId}, ${yearOf(at)}, ${effects.fiveOne}, 'event', ${event.id}, ${event.title}, a.checked_in_at FROM a
        ON CONFLICT (org_id, member_id, item, source_kind, source_id) DO NOTHING
      )`
    : sql``;
  const awardColumns = awards.length ? sql`, ${sql.join(awards.map((a, i) => sql`row_to_json(${a.alias}) AS ${sql.raw(`award${i}`)}`))}` : sql``;
  const laterals = sql.join(awards.map((a) => sql`LEFT JOIN LATERAL ${a.call} AS ${a.alias} ON true`), sql` `);

  const result = await sql<{ checked_in_at: Date; late: boolean } & Record<string, AwardRow>>`
    WITH a AS (
      INSERT INTO attendance (org_id, event_id, member_id, checked_in_at, received_at, method, late, proxy_by, proxy_reason)
      VALUES (${event.org_id}, ${event.id}, ${memberId}, ${at}, ${req.receivedAt}, ${req.method}, ${at > new Date(event.late_after)},
        ${req.proxy?.by ?? null}, ${req.proxy?.reason ?? null})
      ON CONFLICT (org_id, event_id, member_id) DO NOTHING
      RETURNING checked_in_at, late
    )${fiveOne}
    SELECT a.checked_in_at, a.late${awardColumns} FROM a ${laterals}
  `
    .execute(db)
    .catch(mapAwardError({ at, ruleCode: effects.rules.join('、') }));

  const row = result.rows[0];
  if (!row) {
    const existing = await db
      .selectFrom('attendance')
      .select(['checked_in_at', 'late'])
      .where('org_id', '=', event.org_id)
      .where('event_id', '=', event.id)
      .where('member_id', '=', memberId)
      .executeTakeFirstOrThrow();
    return { eventId: event.id, eventTitle: event.title, already: true, checkedInAt: iso(existing.checked_in_at), late: existing.late, points: [] };
  }
  const points: CheckinResult['points'] = [];
  awards.forEach((_, i) => {
    const outcome = toOutcome(row[`award${i}`]);
    if (outcome.status === 'awarded' || outcome.status === 'capped') points.push({ track: TRACK_LABELS[outcome.track], ruleName: outcome.ruleName, points: outcome.points });
  });
  return { eventId: event.id, eventTitle: event.title, already: false, checkedInAt: iso(row.checked_in_at), late: row.late, points };
}
