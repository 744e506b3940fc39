import { AppError, contract } from '@tongxin/shared-types';
import type { Transaction } from 'kysely';
import { defineAction } from '../../core/action';
import { recordAudit } from '../../core/audit';
import type { Database } from '../../db/schema';
import { EVENT_EFFECTS } from '../../domain/events';
import { awardPointsToEach, recordFiveOne } from '../points/ledger';
import { ORGANISERS, type EventRow, byEvent } from './shared';

type Trx = Transaction<Database>;

/** 签到的分在确认时才记：规则、来源、幂等键与当场签到完全一样（同一来源同一规则只记一次），时间取签到时间 */
async function awardAttendance(
  trx: Trx,
  event: EventRow,
  members: Array<{ member_id: string; checked_in_at: Date }>,
  reason: string,
  operator: { id: string; name: string },
) {
  const source = { kind: 'event', id: event.id, title: event.title };
  const effects = EVENT_EFFECTS[event.kind];
  for (const m of members) {
    const at = new Date(m.checked_in_at);
    for (const ruleCode of effects.rules) await awardPointsToEach(trx, { orgId: event.org_id, ruleCode, source, at, reason, operator }, [m.member_id]);
    if (effects.fiveOne) await recordFiveOne(trx, { orgId: event.org_id, memberId: m.member_id, item: effects.fiveOne, source, at });
  }
}

async function lockEvent(trx: Trx, orgId: string, eventId: string): Promise<EventRow> {
  const event = await trx.selectFrom('event').selectAll().where('org_id', '=', orgId).where('id', '=', eventId).forUpdate().executeTakeFirst();
  if (!event) throw new AppError('NOT_FOUND#EVENT');
  return event;
}

/**
 * 离线补交的签到（扫码后很久才送达）：组织者在会场见过这个人就确认，记分；没见过就退回，这条签到连同据此写的心得、点名一并删去。
 * 本人不能确认自己的。
 */
export const confirmOffline = defineAction({
  input: contract.event.confirmOffline,
  errors: ['EVENT.PROXY_SELF', 'NOT_FOUND#EVENT', 'EVENT.NOT_PENDING', 'POINTS.RULE_NOT_FOUND', 'POINTS.YEAR_CLOSED'],
  access: { roles: ORGANISERS, scope: byEvent },
  writes: true,
  handler: async ({ eventId, memberId, accept }, ctx) => {
    const { deps, actor } = ctx;
    if (memberId === actor.memberId) throw new AppError('EVENT.PROXY_SELF');
    return deps.db.transaction().execute(async (trx) => {
      const event = await lockEvent(trx, actor.orgId, eventId);
      const row = await trx
        .selectFrom('attendance as a')
        .innerJoin('member as m', (j) => j.onRef('m.org_id', '=', 'a.org_id').onRef('m.id', '=', 'a.member_id'))
        .select(['a.member_id', 'a.checked_in_at', 'a.received_at', 'm.name'])
        .where('a.org_id', '=', actor.orgId)
        .where('a.event_id', '=', eventId)
        .where('a.member_id', '=', memberId)
        .where('a.confirmation', '=', 'offline')
        .executeTakeFirst();
      if (!row) throw new AppError('EVENT.NOT_PENDING');
      if (accept) {
        await trx
          .updateTable('attendance')
          .set({ confirmation: null })
          .where('org_id', '=', actor.orgId)
          .where('event_id', '=', eventId)
          .where('member_id', '=', memberId)
          .execute();
        await awardAttendance(trx, event, [row], '离线补交，经组织者确认', { id: actor.memberId, name: actor.name });
      } else {
        for (const table of ['study_note', 'roll_call', 'attendance'] as const) {
          await trx.deleteFrom(table).where('org_id', '=', actor.orgId).where('event_id', '=', eventId).where('member_id', '=', memberId).execute();
        }
      }
      await recordAudit(trx, ctx, {
        action: 'event.confirmOffline',
        targetKind: 'event',
        targetId: eventId,
        summary: `${accept ? '确认' : '退回'} ${row.name} 在「${event.title}」的离线补交签到`,
      });
      return { accepted: accept };
    });
  },
});

/** 办公室确认书记补录的活动：名单里的签到按规则补记积分（补录时一分未记）；确认之后再补的签到当场记分 */
export const confirmBackfill = defineAction({
  input: contract.event.confirmBackfill,
  errors: ['NOT_FOUND#EVENT', 'EVENT.BACKFILL_NOT_PENDING', 'CHECKIN.EVENT_CANCELLED', 'POINTS.RULE_NOT_FOUND', 'POINTS.YEAR_CLOSED'],
  access: { roles: ['admin'] },
  writes: true,
  handler: async ({ eventId }, ctx) => {
    const { deps, actor } = ctx;
    const now = deps.clock.now();
    return deps.db.transaction().execute(async (trx) => {
      const event = await lockEvent(trx, actor.orgId, eventId);
      if (!event.backfill || event.backfill_confirmed_at) throw new AppError('EVENT.BACKFILL_NOT_PENDING');
      if (event.status === 'cancelled') throw new AppError('CHECKIN.EVENT_CANCELLED');
      const members = await trx
        .updateTable('attendance')
        .set({ confirmation: null })
        .where('org_id', '=', actor.orgId)
        .where('event_id', '=', eventId)
        .where('confirmation', '=', 'backfill')
        .returning(['member_id', 'checked_in_at'])
        .execute();
      await trx
        .updateTable('event')
        .set({ backfill_confirmed_at: now, backfill_confirmed_by: actor.memberId })
        .where('org_id', '=', actor.orgId)
        .where('id', '=', eventId)
        .execute();
      await awardAttendance(trx, event, members, '补录，经政协办公室确认', { id: actor.memberId, name: actor.name });
      await recordAudit(trx, ctx, {
        action: 'event.confirmBackfill',
        targetKind: 'event',
        targetId: eventId,
        summary: `确认补录「${event.title}」，为 ${members.length} 人补记积分`,
      });
      return { confirmed: members.length };
    });
  },
});
