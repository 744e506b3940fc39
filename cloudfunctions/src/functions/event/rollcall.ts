import { AppError, type RollCallView, contract } from '@tongxin/shared-types';
import type { Kysely } from 'kysely';
import { defineAction } from '../../core/action';
import { recordAudit } from '../../core/audit';
import type { Database } from '../../db/schema';
import { pickRollCall } from '../../domain/events';
import { ORGANISERS, byEvent, iso, loadEventRow } from './shared';

async function view(db: Pick<Kysely<Database>, 'selectFrom'>, orgId: string, eventId: string, memberId: string): Promise<RollCallView> {
  const [r, remaining] = await Promise.all([
    db
      .selectFrom('roll_call as r')
      .innerJoin('member as m', (j) => j.onRef('m.org_id', '=', 'r.org_id').onRef('m.id', '=', 'r.member_id'))
      .select(['r.member_id', 'm.name', 'r.call_order', 'r.called_at', 'r.note'])
      .where('r.org_id', '=', orgId)
      .where('r.event_id', '=', eventId)
      .where('r.member_id', '=', memberId)
      .executeTakeFirst(),
    uncalled(db, orgId, eventId).then((x) => x.length),
  ]);
  if (!r) throw new AppError('NOT_FOUND#ROLLCALL');
  return { memberId: r.member_id, name: r.name, order: r.call_order, calledAt: iso(r.called_at), note: r.note, remaining };
}

/** 已签到、且本场还没被点过的人 */
function uncalled(db: Pick<Kysely<Database>, 'selectFrom'>, orgId: string, eventId: string) {
  return db
    .selectFrom('attendance as a')
    .select('a.member_id')
    .where('a.org_id', '=', orgId)
    .where('a.event_id', '=', eventId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('roll_call as r')
            .select('r.member_id')
            .whereRef('r.org_id', '=', 'a.org_id')
            .whereRef('r.event_id', '=', 'a.event_id')
            .whereRef('r.member_id', '=', 'a.member_id'),
        ),
      ),
    )
    .orderBy('a.member_id')
    .execute();
}

/** 随机点名：在已签到的人里公平抽取，同一场不会点到同一个人两次，每次都有记录 */
export const rollCall = defineAction({
  input: contract.event.rollCall,
  errors: ['EVENT.ROLLCALL_CANCELLED', 'EVENT.ROLLCALL_EXHAUSTED', 'NOT_FOUND#EVENT', 'NOT_FOUND#ROLLCALL'],
  access: { roles: ORGANISERS, scope: byEvent },
  writes: true,
  handler: async ({ eventId }, ctx) => {
    const { deps, actor } = ctx;
    const memberId = await deps.db.transaction().execute(async (trx) => {
      // 锁住活动行：两次同时点名也会一前一后，不会点到同一个人
      const event = await trx
        .selectFrom('event')
        .select(['title', 'status'])
        .where('org_id', '=', actor.orgId)
        .where('id', '=', eventId)
        .forUpdate()
        .executeTakeFirst();
      if (!event) throw new AppError('NOT_FOUND#EVENT');
      if (event.status === 'cancelled') throw new AppError('EVENT.ROLLCALL_CANCELLED');
      const candidates = await uncalled(trx, actor.orgId, eventId);
      const picked = pickRollCall(candidates, deps.random.int);
      if (!picked) throw new AppError('EVENT.ROLLCALL_EXHAUSTED');
      const order = await trx
        .selectFrom('roll_call')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('org_id', '=', actor.orgId)
        .where('event_id', '=', eventId)
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('roll_call')
        .values({
          org_id: actor.orgId,
          event_id: eventId,
          member_id: picked.member_id,
          call_order: Number(order.n) + 1,
          called_at: deps.clock.now(),
          called_by: actor.memberId,
        })
        .execute();
      await recordAudit(trx, ctx, {
        action: 'event.rollCall',
        targetKind: 'event',
        targetId: eventId,
        summary: `「${event.title}」随机点名第 ${Number(order.n) + 1} 位`,
      });
      return picked.member_id;
    });
    return view(deps.db, actor.orgId, eventId, memberId);
  },
});

export const rollCallNote = defineAction({
  input: contract.event.rollCallNote,
  errors: ['NOT_FOUND#EVENT', 'NOT_FOUND#ROLLCALL'],
  access: { roles: ORGANISERS, scope: byEvent },
  writes: true,
  handler: async ({ eventId, memberId, note }, ctx) => {
    const { deps, actor } = ctx;
    await deps.db.transaction().execute(async (trx) => {
      await loadEventRow(trx, actor.orgId, eventId);
      const r = await trx
        .updateTable('roll_call')
        .set({ note })
        .where('org_id', '=', actor.orgId)
        .where('event_id', '=', eventId)
        .where('member_id', '=', memberId)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw new AppError('NOT_FOUND#ROLLCALL');
      await recordAudit(trx, ctx, { action: 'event.rollCallNote', targetKind: 'event', targetId: eventId, summary: '记录点名发言要点' });
    });
    return view(deps.db, actor.orgId, eventId, memberId);
  },
});
