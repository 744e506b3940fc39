import { ADOPTION_LEVEL_LABELS, AppError, DUE_MONTHS_DEFAULT, DUE_MONTHS_MAX, SUGGESTION_KIND_LABELS, contract } from '@tongxin/shared-types';
import { sql } from 'kysely';
import { type ActorContext, defineAction } from '../../core/action';
import { recordAudit } from '../../core/audit';
import { tell } from '../../hub/notices';
import { ADOPTION_RULES, alreadyMarked, dueDate, endOfBeijingDay, formatNumber } from '../../domain/suggestion';
import { awardPoints, recordFiveOne } from '../points/ledger';
import { lapseInvitations } from './member';
import { type SuggestionRow, type Trx, beijingDayStart, beijingYear, loadView, lockSuggestion, summaryOf, takeStep, withAuthor } from './shared';

const OFFICE = { roles: ['admin'] as const };
const source = (s: { id: string; title: string }) => ({ kind: 'suggestion', id: s.id, title: s.title });

/** 提出者与已确认的联名人：进展告诉他们 */
async function concerned(trx: Trx, row: SuggestionRow): Promise<string[]> {
  const c = await trx
    .selectFrom('suggestion_cosigner')
    .select('member_id')
    .where('org_id', '=', row.org_id)
    .where('suggestion_id', '=', row.id)
    .where('status', '=', 'accepted')
    .execute();
  return [row.author_id, ...c.map((x) => x.member_id)];
}

/**
 * 办公室的一步：锁住、按流程表走、做这一步自己的事（记分、编号……）、告诉相关的人、记审计，一个事务。
 */
async function officeStep(ctx: ActorContext, id: string, audit: string, run: (trx: Trx, row: SuggestionRow, now: Date) => Promise<string | null>) {
  const { deps, actor } = ctx;
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await lockSuggestion(trx, actor.orgId, id);
    if (row.status === 'draft') throw new AppError('NOT_FOUND#SUGGESTION');
    const news = await run(trx, row, now);
    if (news)
      await tell.suggestionProgress(trx, actor.orgId, {
        suggestionId: id,
        to: await concerned(trx, row),
        title: `${news}：${row.title}`.slice(0, 40),
        body: `您的${SUGGESTION_KIND_LABELS[row.original_kind]}「${row.title}」${news}。`,
        at: now,
      });
    await recordAudit(trx, ctx, { action: `suggestions.${audit}`, targetKind: 'suggestion', targetId: id, summary: `${news ?? audit}：${row.title}` });
  });
  return loadView(deps.db, actor.orgId, id, actor);
}

/** 待办队列：已提交待审查的在前；可按状态、类型、逾期筛选 */
export const queue = defineAction({
  input: contract.suggestions.queue,
  errors: [],
  access: OFFICE,
  handler: async ({ status, kind, overdue, page, pageSize }, { deps, actor }) => {
    let q = withAuthor(deps.db).where('s.org_id', '=', actor.orgId).where('s.status', '!=', 'draft');
    if (status) q = q.where('s.status', '=', status);
    if (kind) q = q.where('s.kind', '=', kind);
    if (overdue) q = q.where('s.status', '=', 'assigned').where('s.due_at', '<', deps.clock.now());
    const [rows, total] = await Promise.all([
      q
        .orderBy(sql`CASE s.status WHEN 'submitted' THEN 0 WHEN 'assigned' THEN 1 WHEN 'filed' THEN 2 ELSE 3 END`)
        .orderBy('s.submitted_at')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      q
        .clearSelect()
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map((r) => summaryOf(r, null)), total: Number(total.n), page, pageSize };
  },
});

/**
 * 立案：发编号（本年度下一个顺序号）、领衔人与已确认的联名人记分、记五个一；还没答复的联名邀请作废。
 * 计数器那一行在本事务里 FOR UPDATE 锁住：两位管理员同时立案时排队，编号不重、不跳；事务失败时加一随之回滚。
 */
export const file = defineAction({
  input: contract.suggestions.file,
  errors: ['NOT_FOUND#SUGGESTION', 'SUGGEST.WRONG_STATUS', 'SUGGEST.WRONG_KIND', 'POINTS.YEAR_CLOSED', 'POINTS.RULE_NOT_FOUND'],
  access: OFFICE,
  writes: true,
  handler: async ({ id }, ctx) =>
    officeStep(ctx, id, 'file', async (trx, row, now) => {
      const { actor } = ctx;
      const year = beijingYear(now);
      // 先按流程表判断（不能立案的不占号）
      await takeStep(trx, actor, row, 'file', { at: now, changes: { reviewed_at: now } });
      await trx
        .insertInto('suggestion_counter')
        .values({ org_id: actor.orgId, year })
        .onConflict((oc) => oc.columns(['org_id', 'year']).doNothing())
        .execute();
      const counter = await trx
        .selectFrom('suggestion_counter')
        .select('last_seq')
        .where('org_id', '=', actor.orgId)
        .where('year', '=', year)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const seq = counter.last_seq + 1;
      await trx.updateTable('suggestion_counter').set({ last_seq: seq }).where('org_id', '=', actor.orgId).where('year', '=', year).execute();
      const number = formatNumber(year, seq);
      await trx.updateTable('suggestion').set({ number, number_year: year, number_seq: seq }).where('org_id', '=', actor.orgId).where('id', '=', id).execute();
      await lapseInvitations(trx, actor.orgId, id, now);
      const operator = { id: actor.memberId, name: actor.name };
      await awardPoints(trx, { orgId: actor.orgId, memberId: row.author_id, ruleCode: 'duty.proposal_lead', source: source(row), at: now, operator });
      await recordFiveOne(trx, { orgId: actor.orgId, memberId: row.author_id, item: 'proposal', source: source(row), at: now, recordedBy: actor.memberId });
      const cosigners = await trx
        .selectFrom('suggestion_cosigner')
        .select('member_id')
        .where('org_id', '=', actor.orgId)
        .where('suggestion_id', '=', id)
        .where('status', '=', 'accepted')
        .execute();
      for (const c of cosigners) {
        await awardPoints(trx, { orgId: actor.orgId, memberId: c.member_id, ruleCode: 'duty.proposal_cosign', source: source(row), at: now, operator });
        await recordFiveOne(trx, { orgId: actor.orgId, memberId: c.member_id, item: 'proposal', source: source(row), at: now, recordedBy: actor.memberId });
      }
      return `已立案（${number}）`;
    }),
});

export const reject = defineAction({
  input: contract.suggestions.reject,
  errors: ['NOT_FOUND#SUGGESTION', 'SUGGEST.WRONG_STATUS', 'SUGGEST.WRONG_KIND'],
  access: OFFICE,
  writes: true,
  handler: async ({ id, reason }, ctx) =>
    officeStep(ctx, id, 'reject', async (trx, row, now) => {
      await takeStep(trx, ctx.actor, row, 'reject', { at: now, note: reason, changes: { reviewed_at: now, reject_reason: reason } });
      await lapseInvitations(trx, ctx.actor.orgId, id, now);
      return '不予立案';
    }),
});

/** 转为意见建议：不立案，但作为意见建议交办；联名随之作废（意见建议没有联名） */
export const convert = defineAction({
  input: contract.suggestions.convert,
  errors: ['NOT_FOUND#SUGGESTION', 'SUGGEST.WRONG_STATUS', 'SUGGEST.WRONG_KIND'],
  access: OFFICE,
  writes: true,
  handler: async ({ id, note }, ctx) =>
    officeStep(ctx, id, 'convert', async (trx, row, now) => {
      await takeStep(trx, ctx.actor, row, 'convert', { at: now, note: note || null, changes: { kind: 'advice', reviewed_at: now } });
      await lapseInvitations(trx, ctx.actor.orgId, id, now);
      return '转为意见建议办理';
    }),
});

/** 交办：一个主办单位、可有协办单位；答复期限缺省交办后 3 个月，至多 6 个月 */
export const assign = defineAction({
  input: contract.suggestions.assign,
  errors: [
    'NOT_FOUND#SUGGESTION',
    'NOT_FOUND#UNIT',
    'SUGGEST.WRONG_STATUS',
    'SUGGEST.WRONG_KIND',
    'SUGGEST.LEAD_IN_CO',
    'SUGGEST.DUE_TOO_LATE',
    'SUGGEST.DUE_PAST',
  ],
  access: OFFICE,
  writes: true,
  handler: async ({ id, leadUnitId, coUnitIds, dueOn }, ctx) =>
    officeStep(ctx, id, 'assign', async (trx, row, now) => {
      const { actor } = ctx;
      const co = [...new Set(coUnitIds)];
      if (co.includes(leadUnitId)) throw new AppError('SUGGEST.LEAD_IN_CO');
      const units = await trx
        .selectFrom('handling_unit')
        .select(['id', 'name'])
        .where('org_id', '=', actor.orgId)
        .where('id', 'in', [leadUnitId, ...co])
        .execute();
      if (units.length !== co.length + 1) throw new AppError('NOT_FOUND#UNIT');
      // 期限到那一天的 24 点（北京时间）
      const due = endOfBeijingDay(dueOn ? beijingDayStart(dueOn) : dueDate(now, DUE_MONTHS_DEFAULT));
      if (due <= now) throw new AppError('SUGGEST.DUE_PAST');
      if (due > endOfBeijingDay(dueDate(now, DUE_MONTHS_MAX))) throw new AppError('SUGGEST.DUE_TOO_LATE', { months: DUE_MONTHS_MAX });
      const lead = units.find((u) => u.id === leadUnitId)!;
      await takeStep(trx, actor, row, 'assign', {
        at: now,
        note: `主办：${lead.name}${
          co.length
            ? `；协办：${units
                .filter((u) => u.id !== leadUnitId)
                .map((u) => u.name)
                .join('、')}`
            : ''
        }`,
        changes: { assigned_at: now, due_at: due },
      });
      await trx
        .insertInto('suggestion_unit')
        .values([
          { org_id: actor.orgId, suggestion_id: id, unit_id: leadUnitId, lead: true },
          ...co.map((u) => ({ org_id: actor.orgId, suggestion_id: id, unit_id: u, lead: false })),
        ])
        .execute();
      return `已交办${lead.name}`;
    }),
});

/** 催办：记一笔（谁、何时、说了什么） */
export const chase = defineAction({
  input: contract.suggestions.chase,
  errors: ['NOT_FOUND#SUGGESTION', 'SUGGEST.WRONG_STATUS', 'SUGGEST.WRONG_KIND'],
  access: OFFICE,
  writes: true,
  handler: async ({ id, note }, ctx) =>
    officeStep(ctx, id, 'chase', async (trx, row, now) => {
      await takeStep(trx, ctx.actor, row, 'chase', { at: now, note });
      return null;
    }),
});

export const markKey = defineAction({
  input: contract.suggestions.markKey,
  errors: ['NOT_FOUND#SUGGESTION', 'SUGGEST.WRONG_STATUS', 'SUGGEST.WRONG_KIND', 'SUGGEST.ALREADY_MARKED', 'POINTS.YEAR_CLOSED', 'POINTS.RULE_NOT_FOUND'],
  access: OFFICE,
  writes: true,
  handler: async ({ id }, ctx) =>
    officeStep(ctx, id, 'markKey', async (trx, row, now) => {
      if (alreadyMarked('markKey', { isKey: row.is_key, isExcellent: row.is_excellent }))
        throw new AppError('SUGGEST.ALREADY_MARKED', { step: '列为重点提案' });
      await takeStep(trx, ctx.actor, row, 'markKey', { at: now, changes: { is_key: true } });
      await awardPoints(trx, {
        orgId: ctx.actor.orgId,
        memberId: row.author_id,
        ruleCode: 'duty.proposal_key',
        source: source(row),
        at: now,
        operator: { id: ctx.actor.memberId, name: ctx.actor.name },
      });
      return '列为重点提案';
    }),
});

export const markExcellent = defineAction({
  input: contract.suggestions.markExcellent,
  errors: ['NOT_FOUND#SUGGESTION', 'SUGGEST.WRONG_STATUS', 'SUGGEST.WRONG_KIND', 'SUGGEST.ALREADY_MARKED', 'POINTS.YEAR_CLOSED', 'POINTS.RULE_NOT_FOUND'],
  access: OFFICE,
  writes: true,
  handler: async ({ id }, ctx) =>
    officeStep(ctx, id, 'markExcellent', async (trx, row, now) => {
      if (alreadyMarked('markExcellent', { isKey: row.is_key, isExcellent: row.is_excellent }))
        throw new AppError('SUGGEST.ALREADY_MARKED', { step: '评为优秀提案' });
      await takeStep(trx, ctx.actor, row, 'markExcellent', { at: now, changes: { is_excellent: true } });
      await awardPoints(trx, {
        orgId: ctx.actor.orgId,
        memberId: row.author_id,
        ruleCode: 'duty.proposal_excellent',
        source: source(row),
        at: now,
        operator: { id: ctx.actor.memberId, name: ctx.actor.name },
      });
      return '评为优秀提案';
    }),
});

/** 社情民意被采用：按层级记分 */
export const adopt = defineAction({
  input: contract.suggestions.adopt,
  errors: ['NOT_FOUND#SUGGESTION', 'SUGGEST.WRONG_STATUS', 'SUGGEST.WRONG_KIND', 'POINTS.YEAR_CLOSED', 'POINTS.RULE_NOT_FOUND'],
  access: OFFICE,
  writes: true,
  handler: async ({ id, level }, ctx) =>
    officeStep(ctx, id, 'adopt', async (trx, row, now) => {
      await takeStep(trx, ctx.actor, row, 'adopt', { at: now, note: ADOPTION_LEVEL_LABELS[level], changes: { adoption_level: level, reviewed_at: now } });
      await awardPoints(trx, {
        orgId: ctx.actor.orgId,
        memberId: row.author_id,
        ruleCode: ADOPTION_RULES[level],
        source: source(row),
        at: now,
        operator: { id: ctx.actor.memberId, name: ctx.actor.name },
      });
      return `被${ADOPTION_LEVEL_LABELS[level]}采用`;
    }),
});

export const archive = defineAction({
  input: contract.suggestions.archive,
  errors: ['NOT_FOUND#SUGGESTION', 'SUGGEST.WRONG_STATUS', 'SUGGEST.WRONG_KIND'],
  access: OFFICE,
  writes: true,
  handler: async ({ id, reason }, ctx) =>
    officeStep(ctx, id, 'archive', async (trx, row, now) => {
      await takeStep(trx, ctx.actor, row, 'archive', { at: now, note: reason, changes: { reviewed_at: now, reject_reason: reason } });
      return '未被采用';
    }),
});

/** 领导批示：可有多条，记分只一次（同一来源同一规则只记一次） */
export const instruct = defineAction({
  input: contract.suggestions.instruct,
  errors: ['NOT_FOUND#SUGGESTION', 'SUGGEST.WRONG_STATUS', 'SUGGEST.WRONG_KIND', 'POINTS.YEAR_CLOSED', 'POINTS.RULE_NOT_FOUND'],
  access: OFFICE,
  writes: true,
  handler: async ({ id, leader, text }, ctx) =>
    officeStep(ctx, id, 'instruct', async (trx, row, now) => {
      await takeStep(trx, ctx.actor, row, 'instruct', { at: now, note: `${leader}：${text}` });
      await trx
        .insertInto('suggestion_instruction')
        .values({ org_id: ctx.actor.orgId, suggestion_id: id, leader, text, recorded_by: ctx.actor.memberId, at: now })
        .execute();
      await awardPoints(trx, {
        orgId: ctx.actor.orgId,
        memberId: row.author_id,
        ruleCode: 'duty.opinion_instructed',
        source: source(row),
        at: now,
        operator: { id: ctx.actor.memberId, name: ctx.actor.name },
      });
      return `获${leader}批示`;
    }),
});
