import { AppError, type LeaveRequestView, contract } from '@tongxin/shared-types';
import { defineAction, type Deps, type Scope } from '../../core/action';
import { recordAudit } from '../../core/audit';
import type { DB } from '../../db/connect';
import { isUniqueViolation } from '../../db/errors';
import { tell } from '../../hub/notices';
import { ORGANISERS, iso, loadEventRow, memberStanding } from './shared';

/** 请假归活动的主办支部审批 */
const byLeave: Scope<{ leaveId: string }> = {
  kind: 'branchOf',
  lookup: async (deps: Deps, orgId, i) =>
    (
      await deps.db
        .selectFrom('leave_request as l')
        .innerJoin('event as e', (j) => j.onRef('e.org_id', '=', 'l.org_id').onRef('e.id', '=', 'l.event_id'))
        .select('e.owner_branch_id')
        .where('l.org_id', '=', orgId)
        .where('l.id', '=', i.leaveId)
        .executeTakeFirst()
    )?.owner_branch_id,
};

async function loadLeave(db: Pick<DB, 'selectFrom'>, orgId: string, id: string): Promise<LeaveRequestView> {
  const r = await db
    .selectFrom('leave_request as l')
    .innerJoin('event as e', (j) => j.onRef('e.org_id', '=', 'l.org_id').onRef('e.id', '=', 'l.event_id'))
    .innerJoin('member as m', (j) => j.onRef('m.org_id', '=', 'l.org_id').onRef('m.id', '=', 'l.member_id'))
    .select(['l.id', 'l.event_id', 'e.title', 'l.member_id', 'm.name', 'l.reason', 'l.status', 'l.answer', 'l.created_at'])
    .where('l.org_id', '=', orgId)
    .where('l.id', '=', id)
    .executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND#LEAVE');
  return {
    id: r.id,
    eventId: r.event_id,
    eventTitle: r.title,
    memberId: r.member_id,
    memberName: r.name,
    reason: r.reason,
    status: r.status,
    answer: r.answer,
    createdAt: iso(r.created_at),
  };
}

/** 请假须在活动结束前提出；已签到的不必请假。能审批的人（主办支部的书记）收到通知 */
export const requestLeave = defineAction({
  input: contract.event.requestLeave,
  errors: [
    'CONFLICT#LEAVE_ATTENDED',
    'CONFLICT#LEAVE_REQUESTED',
    'EVENT.LEAVE_EVENT_CANCELLED',
    'EVENT.LEAVE_EVENT_OVER',
    'NOT_FOUND#EVENT',
    'NOT_FOUND#LEAVE',
    'EVENT.LEAVE_NOT_IN_AUDIENCE',
  ],
  access: 'member',
  handler: async ({ eventId, reason }, { deps, actor }) => {
    const now = deps.clock.now();
    const id = await deps.db.transaction().execute(async (trx) => {
      const event = await loadEventRow(trx, actor.orgId, eventId);
      if (event.status === 'cancelled') throw new AppError('EVENT.LEAVE_EVENT_CANCELLED');
      if (now >= new Date(event.ends_at)) throw new AppError('EVENT.LEAVE_EVENT_OVER');
      const attended = await trx
        .selectFrom('attendance')
        .select('member_id')
        .where('org_id', '=', actor.orgId)
        .where('event_id', '=', eventId)
        .where('member_id', '=', actor.memberId)
        .executeTakeFirst();
      if (attended) throw new AppError('CONFLICT#LEAVE_ATTENDED');
      // 只有应到的人才需要请假：给不相干的活动请假只会在组织者的名单里添乱
      if (!(await memberStanding(trx, event, actor.memberId))?.inAudience) throw new AppError('EVENT.LEAVE_NOT_IN_AUDIENCE');
      const row = await trx
        .insertInto('leave_request')
        .values({ org_id: actor.orgId, event_id: eventId, member_id: actor.memberId, reason, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
        .catch((err) => {
          throw isUniqueViolation(err) ? new AppError('CONFLICT#LEAVE_REQUESTED') : err;
        });
      await tell.leaveRequested(trx, actor.orgId, { event, leaveId: row.id, memberId: actor.memberId, memberName: actor.name, reason, at: now });
      return row.id;
    });
    return loadLeave(deps.db, actor.orgId, id);
  },
});

export const decideLeave = defineAction({
  input: contract.event.decideLeave,
  errors: ['CONFLICT#LEAVE_DECIDED', 'EVENT.LEAVE_FINALIZED', 'NOT_FOUND#EVENT', 'NOT_FOUND#LEAVE', 'EVENT.LEAVE_WITHDRAWN'],
  access: { roles: ORGANISERS, scope: byLeave },
  writes: true,
  handler: async ({ leaveId, approve, answer }, ctx) => {
    const { deps, actor } = ctx;
    const now = deps.clock.now();
    await deps.db.transaction().execute(async (trx) => {
      const l = await trx
        .selectFrom('leave_request')
        .select(['status', 'member_id', 'event_id'])
        .where('org_id', '=', actor.orgId)
        .where('id', '=', leaveId)
        .forUpdate()
        .executeTakeFirst();
      if (!l) throw new AppError('NOT_FOUND#LEAVE');
      if (l.status === 'withdrawn') throw new AppError('EVENT.LEAVE_WITHDRAWN');
      if (l.status !== 'pending') throw new AppError('CONFLICT#LEAVE_DECIDED');
      const event = await loadEventRow(trx, actor.orgId, l.event_id);
      if (event.finalized_at) throw new AppError('EVENT.LEAVE_FINALIZED');
      await trx
        .updateTable('leave_request')
        .set({ status: approve ? 'approved' : 'refused', answer: answer || null, decided_by: actor.memberId, decided_at: now })
        .where('org_id', '=', actor.orgId)
        .where('id', '=', leaveId)
        .execute();
      const view = await loadLeave(trx, actor.orgId, leaveId);
      await tell.leaveAnswered(trx, actor.orgId, { event, leaveId, memberId: l.member_id, approved: approve, answer: answer || null, at: now });
      await recordAudit(trx, ctx, {
        action: 'event.decideLeave',
        targetKind: 'event',
        targetId: l.event_id,
        summary: `${approve ? '批准' : '不批准'} ${view.memberName} 的请假（${view.eventTitle}）`,
      });
    });
    return loadLeave(deps.db, actor.orgId, leaveId);
  },
});

/** 审批前撤回自己的请假（如行程有变、能来了）；书记那边的待审批随之消失 */
export const withdrawLeave = defineAction({
  input: contract.event.withdrawLeave,
  errors: ['EVENT.LEAVE_WITHDRAWN', 'EVENT.LEAVE_DECIDED', 'NOT_FOUND#LEAVE'],
  access: 'member',
  handler: async ({ leaveId }, { deps, actor }) => {
    const now = deps.clock.now();
    await deps.db.transaction().execute(async (trx) => {
      const l = await trx
        .selectFrom('leave_request')
        .select(['status', 'member_id'])
        .where('org_id', '=', actor.orgId)
        .where('id', '=', leaveId)
        .forUpdate()
        .executeTakeFirst();
      // 别人的请假与不存在的答复相同
      if (!l || l.member_id !== actor.memberId) throw new AppError('NOT_FOUND#LEAVE');
      if (l.status === 'withdrawn') throw new AppError('EVENT.LEAVE_WITHDRAWN');
      if (l.status !== 'pending') throw new AppError('EVENT.LEAVE_DECIDED');
      await trx
        .updateTable('leave_request')
        .set({ status: 'withdrawn', withdrawn_at: now })
        .where('org_id', '=', actor.orgId)
        .where('id', '=', leaveId)
        .execute();
      await tell.leaveWithdrawn(trx, actor.orgId, { leaveId, at: now });
    });
    return loadLeave(deps.db, actor.orgId, leaveId);
  },
});
