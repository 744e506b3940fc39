import { AppError, FIVE_ONE_LABELS, contract } from '@tongxin/shared-types';
import { defineAction, type Deps, type Scope } from '../../core/action';
import { recordAudit } from '../../core/audit';
import { isOrgWide, visibleBranches } from '../../core/scope';
import { checkAdjustment, reversalLabel, yearOf } from '../../domain/points';
import { tell } from '../../hub/notices';
import { adjustRefusal, answerAppealRefusal, type PointsRefusal, recordFiveOneRefusal, reverseRefusal } from '../../domain/points-authority';
import type { Actor } from '../../core/actor';
import { assertYearOpen, awardPoints, recordFiveOne as recordFiveOneIn, reverseEntry } from './ledger';
import { type AppealQuery, countAppeals, loadAppeals, loadEntryView, loadLedger } from './view';

const MANAGERS = ['admin', 'secretary'] as const;
/** 积分权限的判断对象：本人是谁、是不是办公室 */
const callerOf = (actor: Actor) => ({ memberId: actor.memberId, isAdmin: isOrgWide(actor, ['admin']) });
const refuseIf = (code: PointsRefusal | null) => {
  if (code) throw new AppError(code);
};
const byMember: Scope<{ memberId: string }> = { kind: 'member', memberId: (i) => i.memberId };
const byEntry: Scope<{ entryId: string }> = {
  kind: 'memberOf',
  lookup: async (deps: Deps, orgId, i) =>
    (await deps.db.selectFrom('points_entry').select('member_id').where('org_id', '=', orgId).where('id', '=', i.entryId).executeTakeFirst())?.member_id,
};
const byAppeal: Scope<{ appealId: string }> = {
  kind: 'memberOf',
  lookup: async (deps: Deps, orgId, i) =>
    (await deps.db.selectFrom('points_appeal').select('member_id').where('org_id', '=', orgId).where('id', '=', i.appealId).executeTakeFirst())?.member_id,
};

export const ledger = defineAction({
  input: contract.points.ledger,
  errors: ['NOT_FOUND#MEMBER'],
  access: { roles: MANAGERS, scope: byMember },
  handler: async ({ memberId, year }, { deps, actor }) => loadLedger(deps.db, actor.orgId, memberId, year ?? yearOf(deps.clock.now())),
});

/** 书记评定品行、考评分（党员积分）；履职评定只有办公室可以做 */
export const adjust = defineAction({
  input: contract.points.adjust,
  errors: [
    'NOT_FOUND#MEMBER',
    'POINTS.ADJUSTMENT_INVALID',
    'POINTS.NOT_APPLICABLE',
    'POINTS.RULE_NOT_FOUND',
    'POINTS.RULE_NOT_FOUND#INACTIVE',
    'POINTS.YEAR_CLOSED',
    'POINTS.ONCE_A_YEAR',
    'POINTS.SELF',
    'POINTS.OFFICE_ONLY',
    'POINTS.YEAR_NOT_OPEN',
  ],
  access: { roles: MANAGERS, scope: byMember },
  writes: true,
  handler: async ({ memberId, ruleCode, points, reason, year: wantedYear }, ctx) => {
    const { deps, actor } = ctx;
    const now = deps.clock.now();
    const year = wantedYear ?? yearOf(now);
    const entryId = await deps.db.transaction().execute(async (trx) => {
      const rule = await trx
        .selectFrom('points_rule')
        .selectAll()
        .where('org_id', '=', actor.orgId)
        .where('code', '=', ruleCode)
        .where('superseded_at', 'is', null)
        .executeTakeFirst();
      if (!rule || !rule.active) throw new AppError('POINTS.RULE_NOT_FOUND#INACTIVE');
      refuseIf(adjustRefusal(callerOf(actor), { memberId, track: rule.track, year }, now));
      const problem = checkAdjustment(
        { name: rule.name, basis: rule.basis, points: rule.points, minPoints: rule.min_points, maxPoints: rule.max_points, yearlyCap: rule.yearly_cap },
        points,
      );
      if (problem) throw new AppError('POINTS.ADJUSTMENT_INVALID', { reason: problem });
      const member = await trx.selectFrom('member').select(['name', 'status']).where('org_id', '=', actor.orgId).where('id', '=', memberId).executeTakeFirst();
      if (!member || member.status !== 'active') throw new AppError('NOT_FOUND#MEMBER');
      const outcome = await awardPoints(trx, {
        orgId: actor.orgId,
        memberId,
        ruleCode,
        points,
        reason,
        at: now,
        year,
        operator: { id: actor.memberId, name: actor.name },
        // 解释里已有“由某某评定，原因：……”，来源只写是谁的评定
        source: { kind: 'adjustment', id: ctx.requestId, title: rule.track === 'party' ? '支部评定' : '政协办公室评定' },
      });
      if (outcome.status === 'once_a_year') throw new AppError('POINTS.ONCE_A_YEAR');
      if (outcome.status === 'not_applicable') throw new AppError('POINTS.NOT_APPLICABLE', { reason: outcome.reason });
      if (points < 0)
        await tell.pointsDeducted(trx, actor.orgId, {
          memberIds: [memberId],
          points,
          what: rule.name,
          reason: `${actor.name}评定：${reason}`,
          entryId: outcome.entryId,
          at: now,
        });
      await recordAudit(trx, ctx, {
        action: 'points.adjust',
        targetKind: 'member',
        targetId: memberId,
        summary: `${rule.name} ${points > 0 ? '+' : ''}${points} 分给 ${member.name}：${reason}`,
      });
      return outcome.entryId;
    });
    return loadEntryView(deps.db, actor.orgId, entryId);
  },
});

/** 冲正一条记录。书记只能冲正本支部成员的党员积分评定；办公室可冲正任何记录，包括已关账年度 */
export const reverse = defineAction({
  input: contract.points.reverse,
  errors: [
    'NOT_FOUND#MEMBER',
    'NOT_FOUND#POINTS_ENTRY',
    'POINTS.ALREADY_REVERSED',
    'POINTS.NOT_REVERSIBLE',
    'POINTS.YEAR_CLOSED',
    'POINTS.SELF',
    'POINTS.OFFICE_ONLY',
  ],
  access: { roles: MANAGERS, scope: byEntry },
  writes: true,
  handler: async ({ entryId, reason }, ctx) => {
    const { deps, actor } = ctx;
    const admin = isOrgWide(actor, ['admin']);
    const reversalId = await deps.db.transaction().execute(async (trx) => {
      const entry = await trx
        .selectFrom('points_entry')
        .select(['member_id', 'track', 'operator_id', 'source_title', 'points'])
        .where('org_id', '=', actor.orgId)
        .where('id', '=', entryId)
        .executeTakeFirst();
      if (!entry) throw new AppError('NOT_FOUND#POINTS_ENTRY');
      refuseIf(reverseRefusal(callerOf(actor), { memberId: entry.member_id, track: entry.track, operatorId: entry.operator_id }));
      const now = deps.clock.now();
      const id = await reverseEntry(trx, {
        orgId: actor.orgId,
        entryId,
        reason,
        operator: { id: actor.memberId, name: actor.name },
        at: now,
        allowClosedYear: admin,
      });
      await tell.entryReversed(trx, actor.orgId, {
        memberId: entry.member_id,
        originalPoints: entry.points,
        sourceTitle: entry.source_title,
        reason: `${actor.name}：${reason}`,
        entryId,
        at: now,
      });
      await recordAudit(trx, ctx, {
        action: 'points.reverse',
        targetKind: 'member',
        targetId: entry.member_id,
        summary: `${reversalLabel(entry.points, false)}（「${entry.source_title}」）：${reason}`,
        details: { entryId },
      });
      return id;
    });
    return loadEntryView(deps.db, actor.orgId, reversalId);
  },
});

export const listAppeals = defineAction({
  input: contract.points.listAppeals,
  errors: [],
  access: { roles: MANAGERS },
  handler: async ({ status, page, pageSize }, { deps, actor }) => {
    const branches = visibleBranches(actor, MANAGERS);
    const filter = <Q extends AppealQuery>(q: Q): Q => {
      let query = status === 'all' ? q : q.where('a.status', '=', status);
      if (branches) {
        query = query.where((eb) =>
          branches.length === 0
            ? eb.val(false)
            : eb.exists(
                eb
                  .selectFrom('branch_membership as bm')
                  .select('bm.member_id')
                  .whereRef('bm.org_id', '=', 'a.org_id')
                  .whereRef('bm.member_id', '=', 'a.member_id')
                  .where('bm.branch_id', 'in', branches),
              ),
        );
      }
      return query as Q;
    };
    const [items, total] = await Promise.all([
      loadAppeals(deps.db, actor.orgId, (q) =>
        filter(q)
          .limit(pageSize)
          .offset((page - 1) * pageSize),
      ),
      countAppeals(deps.db, actor.orgId, filter),
    ]);
    return { items, total, page, pageSize };
  },
});

/** 答复申诉；采纳即在同一事务里冲正原记录 */
export const answerAppeal = defineAction({
  input: contract.points.answerAppeal,
  errors: [
    'CONFLICT#APPEAL_ANSWERED',
    'NOT_FOUND#APPEAL',
    'NOT_FOUND#POINTS_ENTRY',
    'POINTS.ALREADY_REVERSED',
    'POINTS.NOT_REVERSIBLE',
    'POINTS.YEAR_CLOSED',
    'POINTS.SELF',
    'POINTS.OFFICE_ONLY',
    'POINTS.OWN_ENTRY',
  ],
  access: { roles: MANAGERS, scope: byAppeal },
  writes: true,
  handler: async ({ appealId, accept, answer }, ctx) => {
    const { deps, actor } = ctx;
    const now = deps.clock.now();
    await deps.db.transaction().execute(async (trx) => {
      const a = await trx
        .selectFrom('points_appeal as a')
        .innerJoin('points_entry as e', (j) => j.onRef('e.org_id', '=', 'a.org_id').onRef('e.id', '=', 'a.entry_id'))
        .select(['a.entry_id', 'a.member_id', 'a.status', 'e.points', 'e.source_title'])
        .where('a.org_id', '=', actor.orgId)
        .where('a.id', '=', appealId)
        .forUpdate()
        .executeTakeFirst();
      if (!a) throw new AppError('NOT_FOUND#APPEAL');
      if (a.status !== 'pending') throw new AppError('CONFLICT#APPEAL_ANSWERED');
      const entry = await trx
        .selectFrom('points_entry')
        .select(['member_id', 'track', 'operator_id'])
        .where('org_id', '=', actor.orgId)
        .where('id', '=', a.entry_id)
        .executeTakeFirstOrThrow();
      refuseIf(
        answerAppealRefusal(callerOf(actor), { memberId: a.member_id }, { memberId: entry.member_id, track: entry.track, operatorId: entry.operator_id }),
      );
      if (accept) {
        await reverseEntry(trx, {
          orgId: actor.orgId,
          entryId: a.entry_id,
          reason: answer,
          operator: { id: actor.memberId, name: actor.name },
          at: now,
          allowClosedYear: isOrgWide(actor, ['admin']),
        });
      }
      await trx
        .updateTable('points_appeal')
        .set({ status: accept ? 'accepted' : 'rejected', answer, answered_by: actor.memberId, answered_by_name: actor.name, answered_at: now })
        .where('org_id', '=', actor.orgId)
        .where('id', '=', appealId)
        .execute();
      await tell.appealAnswered(trx, actor.orgId, {
        appealId,
        memberId: a.member_id,
        accepted: accept,
        entryPoints: a.points,
        sourceTitle: a.source_title,
        answer,
        at: now,
      });
      await recordAudit(trx, ctx, {
        action: 'points.answerAppeal',
        targetKind: 'member',
        targetId: a.member_id,
        summary: `${accept ? '采纳' : '驳回'}积分申诉：${answer}`,
        details: { appealId },
      });
    });
    const [view] = await loadAppeals(deps.db, actor.orgId, (q) => q.where('a.id', '=', appealId));
    return view;
  },
});

/** 记录五个一中由办公室或书记登记的事项（如民生实事） */
export const recordFiveOne = defineAction({
  input: contract.points.recordFiveOne,
  errors: ['NOT_FOUND#MEMBER', 'POINTS.YEAR_CLOSED', 'POINTS.SELF', 'POINTS.FUTURE_DATE', 'POINTS.YEAR_NOT_OPEN'],
  access: { roles: MANAGERS, scope: byMember },
  writes: true,
  handler: async ({ memberId, item, title, date }, ctx) => {
    const { deps, actor } = ctx;
    refuseIf(recordFiveOneRefusal(callerOf(actor), { memberId, date }, deps.clock.now()));
    const at = new Date(`${date}T12:00:00+08:00`);
    const id = `${item}:${date}:${title}`;
    await deps.db.transaction().execute(async (trx) => {
      const m = await trx.selectFrom('member').select('name').where('org_id', '=', actor.orgId).where('id', '=', memberId).executeTakeFirst();
      if (!m) throw new AppError('NOT_FOUND#MEMBER');
      await assertYearOpen(trx, actor.orgId, yearOf(at));
      await recordFiveOneIn(trx, { orgId: actor.orgId, memberId, item, source: { kind: 'manual', id, title }, at, recordedBy: actor.memberId });
      await recordAudit(trx, ctx, {
        action: 'points.recordFiveOne',
        targetKind: 'member',
        targetId: memberId,
        summary: `为 ${m.name} 登记“${FIVE_ONE_LABELS[item]}”：${title}`,
      });
    });
    return { id };
  },
});
