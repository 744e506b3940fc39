import { AppError, contract, type AssignmentTargetKind, type AssignmentView, type CompletionReport } from '@tongxin/shared-types';
import { sql } from 'kysely';
import { type ActorContext, defineAction } from '../../core/action';
import type { Actor } from '../../core/actor';
import { recordAudit } from '../../core/audit';
import { completionRate } from '../../domain/study';
import { type Queryable, assignmentIncludesMember, expectedPairs, iso, loadMaterial, loadMyAssignments } from './shared';

const ORGANISERS = ['admin', 'secretary'] as const;
const isAdmin = (actor: Actor) => actor.roles.includes('admin');

/**
 * 看完成情况的范围：管理员看全部（或指定的支部）；书记只看自己所管的支部（指定了支部时，分发器已核对是他管的）。
 * 返回 null 表示不限。
 */
function branchesInScope(actor: Actor, branchId: string | undefined): string[] | null {
  if (branchId) return [branchId];
  return isAdmin(actor) ? null : actor.managedBranchIds;
}

/** 成员（别名 m）在这些支部之一里；null 不限 */
function inBranches(branches: string[] | null) {
  if (branches === null) return sql<boolean>`true`;
  if (branches.length === 0) return sql<boolean>`false`;
  return sql<boolean>`EXISTS (SELECT 1 FROM branch_membership bm WHERE bm.org_id = m.org_id AND bm.member_id = m.id AND bm.branch_id IN (${sql.join(branches)}))`;
}

/**
 * 书记布置的对象只能是自己所管的支部，或这些支部里点名的成员；全体、别的支部、专委会、界别、支部外的人一律
 * FORBIDDEN#STUDY_OWN_AUDIENCE（与活动的 FORBIDDEN#EVENT_OWN_AUDIENCE 同一说法），什么也不写。办公室不受此限。
 */
async function checkOwnAudience(db: Queryable, actor: Actor, audience: Array<{ kind: AssignmentTargetKind; id: string | null }>): Promise<void> {
  if (isAdmin(actor)) return;
  const managed = actor.managedBranchIds;
  if (audience.some((a) => (a.kind !== 'branch' && a.kind !== 'member') || (a.kind === 'branch' && !managed.includes(a.id!))))
    throw new AppError('FORBIDDEN#STUDY_OWN_AUDIENCE');
  const members = [...new Set(audience.flatMap((a) => (a.kind === 'member' ? [a.id!] : [])))];
  if (members.length === 0) return;
  const inBranch = await db
    .selectFrom('branch_membership')
    .select('member_id')
    .distinct()
    .where('org_id', '=', actor.orgId)
    .where('member_id', 'in', members)
    .where('branch_id', 'in', managed)
    .execute();
  if (inBranch.length !== members.length) throw new AppError('FORBIDDEN#STUDY_OWN_AUDIENCE');
}

/**
 * 布置必学任务：对象须属于本政协；期限须在以后。书记可以把库里任何一篇已发布的材料（办公室的也行）
 * 布置给本支部或本支部的成员（见 checkOwnAudience）。
 */
export const assign = defineAction({
  input: contract.study.assign,
  errors: ['NOT_FOUND#MATERIAL', 'STUDY.WITHDRAWN', 'STUDY.DUE_PASSED', 'STUDY.AUDIENCE_UNKNOWN', 'NOT_FOUND#ASSIGNMENT', 'FORBIDDEN#STUDY_OWN_AUDIENCE'],
  access: { roles: ORGANISERS },
  writes: true,
  handler: async ({ materialId, dueAt, audience }, ctx) => {
    const { deps, actor } = ctx;
    const now = deps.clock.now();
    const due = new Date(dueAt);
    if (due <= now) throw new AppError('STUDY.DUE_PASSED');
    await checkOwnAudience(deps.db, actor, audience);
    const id = await deps.db.transaction().execute(async (trx) => {
      // 1. 材料须已发布
      const material = await loadMaterial(trx, actor.orgId, materialId, { includeWithdrawn: true });
      if (material.status === 'withdrawn') throw new AppError('STUDY.WITHDRAWN');
      // 2. 对象须属于本政协（去重）
      const tables = { branch: 'party_org', committee: 'committee', sector: 'sector', member: 'member' } as const;
      const targets = [...new Map(audience.map((a) => [`${a.kind}:${a.id}`, a])).values()];
      for (const a of targets) {
        if (a.kind === 'all') continue;
        const found = await trx.selectFrom(tables[a.kind]).select('id').where('org_id', '=', actor.orgId).where('id', '=', a.id!).executeTakeFirst();
        if (!found) throw new AppError('STUDY.AUDIENCE_UNKNOWN');
      }
      // 3. 写任务与对象、审计
      const row = await trx
        .insertInto('study_assignment')
        .values({ org_id: actor.orgId, material_id: materialId, due_at: due, created_by: actor.memberId, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('study_assignment_audience')
        .values(targets.map((a) => ({ org_id: actor.orgId, assignment_id: row.id, target_kind: a.kind, target_id: a.id })))
        .execute();
      await recordAudit(trx, ctx, { action: 'study.assign', targetKind: 'study_assignment', targetId: row.id, summary: `布置必学篇目「${material.title}」` });
      return row.id;
    });
    const [view] = await assignmentViews(deps.db, actor, null, id);
    if (!view) throw new AppError('NOT_FOUND#ASSIGNMENT');
    return view;
  },
});

/** 任务列表与各自的完成数（书记只算本支部的人） */
export const assignments = defineAction({
  input: contract.study.assignments,
  errors: [],
  access: { roles: ORGANISERS },
  handler: async (_input, { deps, actor }) => assignmentViews(deps.db, actor, branchesInScope(actor, undefined)),
});

async function assignmentViews(db: Queryable, actor: Actor, branches: string[] | null, onlyId?: string): Promise<AssignmentView[]> {
  let q = db
    .selectFrom('study_assignment as s')
    .innerJoin('study_material as t', (j) => j.onRef('t.org_id', '=', 's.org_id').onRef('t.id', '=', 's.material_id'))
    .select(['s.id', 's.material_id', 's.due_at', 't.title'])
    .where('s.org_id', '=', actor.orgId);
  if (onlyId) q = q.where('s.id', '=', onlyId);
  const rows = await q.orderBy('s.due_at', 'desc').limit(200).execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [counts, targets] = await Promise.all([
    sql<{ id: string; expected: string; finished: string }>`
      SELECT s.id, count(*) AS expected, count(r.member_id) AS finished
      FROM ${expectedPairs(actor.orgId, ids)} AS e
      JOIN study_assignment s ON s.org_id = ${actor.orgId} AND s.id = e.assignment_id
      JOIN member m ON m.org_id = s.org_id AND m.id = e.member_id
      LEFT JOIN study_reading r ON r.org_id = s.org_id AND r.material_id = s.material_id AND r.member_id = e.member_id
      WHERE ${inBranches(branches)}
      GROUP BY s.id`
      .execute(db)
      .then((r) => r.rows),
    audienceNames(db, actor.orgId, ids),
  ]);
  const countOf = new Map(counts.map((c) => [c.id, c]));
  return rows.map((r) => ({
    id: r.id,
    materialId: r.material_id,
    title: r.title,
    dueAt: iso(r.due_at),
    audience: targets.get(r.id) ?? [],
    expected: Number(countOf.get(r.id)?.expected ?? 0),
    finished: Number(countOf.get(r.id)?.finished ?? 0),
  }));
}

async function audienceNames(db: Queryable, orgId: string, ids: string[]) {
  const rows = await db
    .selectFrom('study_assignment_audience as a')
    .select([
      'a.assignment_id',
      'a.target_kind',
      'a.target_id',
      sql<string | null>`CASE a.target_kind
        WHEN 'branch' THEN (SELECT x.name FROM party_org x WHERE x.org_id = a.org_id AND x.id = a.target_id)
        WHEN 'committee' THEN (SELECT x.name FROM committee x WHERE x.org_id = a.org_id AND x.id = a.target_id)
        WHEN 'sector' THEN (SELECT x.name FROM sector x WHERE x.org_id = a.org_id AND x.id = a.target_id)
        WHEN 'member' THEN (SELECT x.name FROM member x WHERE x.org_id = a.org_id AND x.id = a.target_id)
      END`.as('name'),
    ])
    .where('a.org_id', '=', orgId)
    .where('a.assignment_id', 'in', ids)
    .execute();
  const out = new Map<string, AssignmentView['audience']>();
  for (const r of rows) {
    const list = out.get(r.assignment_id) ?? [];
    list.push({ kind: r.target_kind as AssignmentTargetKind, id: r.target_id, name: r.target_kind === 'all' ? '全体成员' : (r.name ?? '') });
    out.set(r.assignment_id, list);
  }
  return out;
}

/** 完成情况：按支部与按人，只在调用者的范围内（书记只看本支部） */
export const completion = defineAction({
  input: contract.study.completion,
  errors: ['NOT_FOUND#ASSIGNMENT'],
  access: { roles: ORGANISERS, scope: { kind: 'branch', branchId: (i: { branchId?: string }) => i.branchId } },
  handler: async ({ assignmentId, branchId }, { deps, actor }) => completionReport(deps.db, actor, assignmentId, branchesInScope(actor, branchId)),
});

async function completionReport(db: Queryable, actor: Actor, assignmentId: string, branches: string[] | null): Promise<CompletionReport> {
  const [assignment] = await assignmentViews(db, actor, branches, assignmentId);
  if (!assignment) throw new AppError('NOT_FOUND#ASSIGNMENT');
  const people = await db
    .selectFrom('member as m')
    .leftJoin('study_reading as r', (j) =>
      j.onRef('r.org_id', '=', 'm.org_id').onRef('r.member_id', '=', 'm.id').on('r.material_id', '=', assignment.materialId),
    )
    .select((eb) => [
      'm.id',
      'm.name',
      'm.name_sort',
      'r.finished_at',
      eb
        .selectFrom('branch_membership as bm')
        .innerJoin('party_org as p', (j) => j.onRef('p.org_id', '=', 'bm.org_id').onRef('p.id', '=', 'bm.branch_id'))
        .select('p.name')
        .whereRef('bm.org_id', '=', 'm.org_id')
        .whereRef('bm.member_id', '=', 'm.id')
        .orderBy(sql`bm.kind = 'primary'`, 'desc')
        .orderBy('p.name')
        .limit(1)
        .as('branch'),
    ])
    .where('m.org_id', '=', actor.orgId)
    .where('m.status', '=', 'active')
    .where(assignmentIncludesMember(assignmentId))
    .where(inBranches(branches))
    .orderBy('m.name_sort')
    .execute();
  // 按支部：一人在几个支部（双重组织生活）就在几个支部里各算一次；书记只看自己的支部
  let byBranch = db
    .selectFrom('member as m')
    .innerJoin('branch_membership as bm', (j) => j.onRef('bm.org_id', '=', 'm.org_id').onRef('bm.member_id', '=', 'm.id'))
    .innerJoin('party_org as p', (j) => j.onRef('p.org_id', '=', 'bm.org_id').onRef('p.id', '=', 'bm.branch_id'))
    .leftJoin('study_reading as r', (j) =>
      j.onRef('r.org_id', '=', 'm.org_id').onRef('r.member_id', '=', 'm.id').on('r.material_id', '=', assignment.materialId),
    )
    .select((eb) => ['p.id', 'p.name', eb.fn.countAll<string>().as('expected'), eb.fn.count<string>('r.member_id').as('finished')])
    .where('m.org_id', '=', actor.orgId)
    .where('m.status', '=', 'active')
    .where(assignmentIncludesMember(assignmentId));
  if (branches !== null) byBranch = branches.length ? byBranch.where('bm.branch_id', 'in', branches) : byBranch.where(sql<boolean>`false`);
  const branchRows = await byBranch.groupBy(['p.id', 'p.name']).orderBy('p.name').execute();
  return {
    assignment,
    branches: branchRows.map((b) => ({ branchId: b.id, name: b.name, expected: Number(b.expected), finished: Number(b.finished) })),
    people: people.map((p) => ({
      memberId: p.id,
      name: p.name,
      branch: p.branch ?? null,
      finished: p.finished_at !== null,
      finishedAt: p.finished_at ? iso(p.finished_at) : null,
    })),
  };
}

/** 导出完成情况（XLSX，exceljs 懒加载）；记审计 */
export const exportCompletion = defineAction({
  input: contract.study.exportCompletion,
  errors: ['NOT_FOUND#ASSIGNMENT'],
  access: { roles: ORGANISERS, scope: { kind: 'branch', branchId: (i: { branchId?: string }) => i.branchId } },
  writes: true,
  handler: async ({ assignmentId, branchId }, ctx: ActorContext) => {
    const { deps, actor } = ctx;
    const report = await completionReport(deps.db, actor, assignmentId, branchesInScope(actor, branchId));
    const { writeWorkbook } = await import('../../adapters/spreadsheet');
    const a = report.assignment;
    const file = await writeWorkbook([
      {
        name: '按支部',
        rows: [
          ['必学篇目', a.title],
          ['完成期限', beijing(a.dueAt)],
          ['合计', `应学 ${a.expected} 人，已读完 ${a.finished} 人，完成率 ${completionRate(a.finished, a.expected)}%`],
          [],
          ['支部', '应学人数', '已读完', '完成率（%）'],
          ...report.branches.map((b) => [b.name, b.expected, b.finished, completionRate(b.finished, b.expected)]),
        ],
        boldRows: [4],
        widths: [30, 12, 12, 12],
      },
      {
        name: '按人',
        rows: [
          ['姓名', '支部', '是否读完', '确认读完的时间'],
          ...report.people.map((p) => [p.name, p.branch ?? '', p.finished ? '已读完' : '未读完', p.finishedAt ? beijing(p.finishedAt) : '']),
        ],
        boldRows: [0],
        widths: [12, 30, 10, 20],
      },
    ]);
    await deps.db.transaction().execute((trx) =>
      recordAudit(trx, ctx, {
        action: 'study.exportCompletion',
        targetKind: 'export',
        targetId: assignmentId,
        summary: `导出「${a.title}」的完成情况（${report.people.length} 人）`,
      }),
    );
    return { fileName: `${a.title}-完成情况.xlsx`, contentBase64: file.toString('base64') };
  },
});

/** 北京时间“2026-12-03 14:30” */
function beijing(isoString: string): string {
  return new Date(new Date(isoString).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** 我的必学：布置给本人的（材料已撤回的不列），没读完的在前、期限近的在前 */
export const myAssignments = defineAction({
  input: contract.study.myAssignments,
  errors: [],
  access: 'member',
  handler: async (_input, { deps, actor }) => loadMyAssignments(deps.db, actor, deps.clock.now()),
});
