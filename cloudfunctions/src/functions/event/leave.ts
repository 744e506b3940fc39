import { AppError, type LeaveRequestView, contract } from '@tongxin/shared-types';
import { defineAction, type Deps, type Scope } from '../../core/action';
import { recordAudit } from '../../core/audit';
import type { DB } from '../../db/connect';
import { isUniqueViolation } from '../../db/errors';
import { ORGANISERS, iso, loadEventRow, memberStanding, notifyMembers } from './shared';

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
  return { id: r.id, eventId: r.event_id, eventTitle: r.title, memberId: r.member_id, memberName: r.name, reason: r.reason, status: r.status, answer: r.answer, createdAt: iso(r.created_at) };
}

/** 请假须在活动结束前提出；已签到的不必请假 */
export const requestLeave = defineAction({
  input: contract.event.requestLeave,
  errors: ['CONFLICT#LEAVE_ATTENDED', 'CONFLICT#LEAVE_REQUESTED', 'EVENT.LEAVE_EVENT_CANCELLED', 'EVENT.LEAVE_EVENT_OVER', 'NOT_FOUND#EVENT', 'NOT_FOUND#LEAVE', 'EVENT.LEAVE_NOT_IN_AUDIENCE'],
  access: 'member',
  handler: async ({ eventId, reason }, { deps, actor }) => {
    const now = deps.clock.now();
    const id = await deps.db.transaction().execute(async (trx) => {
      const event = await loadEventRow(trx, actor.orgId, eventId);
      if (event.status === 'cancelled') throw new AppError('EVENT.LEAVE_EVENT_CANCELLED');
      if (now >= new Date(event.ends_at)) throw new AppError('EVENT.LEAVE_EVENT_OVER');
      const attended = await trx.selectFrom('attendance').select('member_id').where('org_id', '=', actor.orgId).where('event_id', '=', eventId).where('member_id', '=', actor.memberId).executeTakeFirst();
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
      return row.id;
    });
    return loadLeave(deps.db, actor.orgId, id);
  },
});

export const decideLeave = defineAction({
  input: contract.event.decideLeave,
  errors: ['CONFLICT#LEAVE_DECIDED', 'EVENT.LEAVE_FINALIZED', 'NOT_FOUND#EVENT', 'NOT_FOUND#LEAVE'],
  access: { roles: ORGANISERS, scope: byLeave },
  writes: true,
  handler: async ({ leaveId, approve, answer }, ctx) => {
    const { deps, actor } = ctx;
    const now = deps.clock.now();
    await deps.db.transaction().execute(async (trx) => {
      const l = await trx.selectFrom('leave_request').select(['status', 'member_id', 'event_id']).where('org_id', '=', actor.orgId).where('id', '=', leaveId).forUpdate().executeTakeFirst();
      if (!l) throw new AppError('NOT_FOUND#LEAVE');
      if (l.status !== 'pending') throw new AppError('CONFLICT#LEAVE_DECIDED');
      const event = await loadEventRow(trx, actor.orgId, l.event_id);
      if (event.finalized_at) throw new AppError('EVENT.LEAVE_FINALIZED');
      await trx.updateTable('leave_request').set({ status: approve ? 'approved' : 'refused', answer: answer || null, decided_by: actor.memberId, decided_at: now }).where('org_id', '=', actor.orgId).where('id', '=', leaveId).execute();
      const view = await loadLeave(trx, actor.orgId, leaveId);
      await notifyMembers(trx, actor.orgId, [l.member_id], { title: `请假${approve ? '已批准' : '未批准'}：${view.eventTitle}`, body: answer || (approve ? '已批准您的请假。' : '请按时参加。'), eventId: l.event_id, at: now });
      await recordAudit(trx, ctx, { action: 'event.decideLeave', targetKind: 'event', targetId: l.event_id, summary: `${approve ? '批准' : '不批准'} ${view.memberName} 的请假（${view.eventTitle}）` });
    });
    return loadLeave(deps.db, actor.orgId, leaveId);
  },
});
