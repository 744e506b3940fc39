import { type CheckinMethod, type CheckinResult, TRACK_LABELS } from '@tongxin/shared-types';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { EVENT_EFFECTS } from '../../domain/events';
import { awardPoints, recordFiveOne } from '../points/ledger';
import { type EventRow, iso } from './shared';

/**
 * 记一次出席：签到、积分（经台账）与五个一在调用方的同一个事务里完成，要么都成，要么都不成。
 * 每人每场只有一条签到（主键）；重复签到只回答“已签到”。
 */
export async function recordAttendance(
  trx: Transaction<Database>,
  req: { event: EventRow; memberId: string; at: Date; receivedAt: Date; method: CheckinMethod; proxy?: { by: string; byName: string; reason: string } },
): Promise<CheckinResult> {
  const { event } = req;
  const late = req.at > new Date(event.late_after);
  const inserted = await trx
    .insertInto('attendance')
    .values({
      org_id: event.org_id,
      event_id: event.id,
      member_id: req.memberId,
      checked_in_at: req.at,
      received_at: req.receivedAt,
      method: req.method,
      late,
      proxy_by: req.proxy?.by ?? null,
      proxy_reason: req.proxy?.reason ?? null,
    })
    .onConflict((oc) => oc.columns(['org_id', 'event_id', 'member_id']).doNothing())
    .returning(['checked_in_at', 'late'])
    .executeTakeFirst();
  if (!inserted) {
    const existing = await trx
      .selectFrom('attendance')
      .select(['checked_in_at', 'late'])
      .where('org_id', '=', event.org_id)
      .where('event_id', '=', event.id)
      .where('member_id', '=', req.memberId)
      .executeTakeFirstOrThrow();
    return { eventId: event.id, eventTitle: event.title, already: true, checkedInAt: iso(existing.checked_in_at), late: existing.late, points: [] };
  }

  const source = { kind: 'event', id: event.id, title: event.title };
  const effects = EVENT_EFFECTS[event.kind];
  const points: CheckinResult['points'] = [];
  for (const ruleCode of effects.rules) {
    const outcome = await awardPoints(trx, { orgId: event.org_id, memberId: req.memberId, ruleCode, source, at: req.at, operator: req.proxy ? { id: req.proxy.by, name: req.proxy.byName } : undefined, reason: req.proxy ? `代签：${req.proxy.reason}` : undefined });
    if (outcome.status === 'awarded' || outcome.status === 'capped') points.push({ track: TRACK_LABELS[outcome.track], ruleName: outcome.ruleName, points: outcome.points });
  }
  if (effects.fiveOne) await recordFiveOne(trx, { orgId: event.org_id, memberId: req.memberId, item: effects.fiveOne, source, at: req.at });
  return { eventId: event.id, eventTitle: event.title, already: false, checkedInAt: iso(inserted.checked_in_at), late: inserted.late, points };
}
