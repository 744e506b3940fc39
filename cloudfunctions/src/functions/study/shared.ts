import { AppError, type MaterialCategory, type MaterialSummary, type MyAssignment } from '@tongxin/shared-types';
import type { Actor } from '../../core/actor';
import { isOverdue, likePattern } from '../../domain/study';
import { type RawBuilder, type SelectQueryBuilder, type Transaction, sql } from 'kysely';
import type { DB } from '../../db/connect';
import { memberInAudience } from '../../db/audience';
import type { Database } from '../../db/schema';

export type Queryable = DB | Transaction<Database>;
export const iso = (d: Date | string) => new Date(d).toISOString();

/** 材料的一行（含正文） */
export async function loadMaterial(db: Queryable, orgId: string, materialId: string, opts: { includeWithdrawn?: boolean } = {}) {
  let q = db
    .selectFrom('study_material')
    .select([
      'org_id',
      'id',
      'title',
      'category',
      'body_markdown',
      'body_html',
      'source',
      'attachments',
      'links',
      'status',
      'created_by',
      'published_at',
      'updated_at',
      'withdrawn_at',
      'branch_id',
    ])
    .where('org_id', '=', orgId)
    .where('id', '=', materialId);
  if (!opts.includeWithdrawn) q = q.where('status', '=', 'published');
  const row = await q.executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND#MATERIAL');
  return row;
}
export type MaterialRow = Awaited<ReturnType<typeof loadMaterial>>;

/**
 * 必学任务的对象里是否有这位成员（成员表的别名须为 m），写法与活动的参加对象相同：
 * 全体、支部（含功能型）、专委会、界别或点名的成员。
 */
export function assignmentIncludesMember(assignmentId: string | RawBuilder<unknown>) {
  return memberInAudience('study_assignment_audience', assignmentId);
}

/** 测试的参加对象里是否有这位成员（成员表的别名须为 m），写法与必学任务相同 */
export function quizIncludesMember(quizId: string | RawBuilder<unknown>) {
  return memberInAudience('quiz_audience', quizId);
}

/** 列表行 → 视图，带上本人是否读完、是否收藏（两条查询，不随条数增加） */
export async function toSummaries(
  db: Queryable,
  orgId: string,
  memberId: string,
  rows: Array<{
    id: string;
    title: string;
    category: string;
    source: string | null;
    status: 'published' | 'withdrawn';
    published_at: Date;
    updated_at: Date;
    branch_id: string | null;
  }>,
): Promise<MaterialSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const branchIds = [...new Set(rows.flatMap((r) => (r.branch_id ? [r.branch_id] : [])))];
  const [read, fav, branches] = await Promise.all([
    db
      .selectFrom('study_reading')
      .select('material_id')
      .where('org_id', '=', orgId)
      .where('member_id', '=', memberId)
      .where('material_id', 'in', ids)
      .execute(),
    db
      .selectFrom('study_favourite')
      .select('material_id')
      .where('org_id', '=', orgId)
      .where('member_id', '=', memberId)
      .where('material_id', 'in', ids)
      .execute(),
    branchIds.length === 0
      ? Promise.resolve([])
      : db.selectFrom('party_org').select(['id', 'name']).where('org_id', '=', orgId).where('id', 'in', branchIds).execute(),
  ]);
  const branchName = new Map(branches.map((b) => [b.id, b.name]));
  const finished = new Set(read.map((r) => r.material_id));
  const favourite = new Set(fav.map((r) => r.material_id));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    category: r.category as MaterialCategory,
    source: r.source,
    status: r.status,
    publishedAt: iso(r.published_at),
    updatedAt: iso(r.updated_at),
    finished: finished.has(r.id),
    favourite: favourite.has(r.id),
    branch: r.branch_id ? { id: r.branch_id, name: branchName.get(r.branch_id) ?? '' } : null,
  }));
}

export const SUMMARY_COLUMNS = ['id', 'title', 'category', 'source', 'status', 'published_at', 'updated_at', 'branch_id'] as const;

/**
 * 材料列表的一页与总数（材料库与管理列表共用）：q 已带好范围与条件。
 * 搜索时候选不多：一页与总数一次查出（count(*) OVER ()），翻过了最后一页才另数一次；不搜索时总数走索引另数，比窗口便宜。
 */
export async function materialPage(
  db: Queryable,
  actor: { orgId: string; memberId: string },
  q: SelectQueryBuilder<Database, 'study_material', object>,
  opts: { searching: boolean; newestBy: 'published_at' | 'updated_at'; page?: number; pageSize?: number },
): Promise<{ items: MaterialSummary[]; total: number; page: number; pageSize: number }> {
  const page = opts.page ?? 1;
  const pageSize = opts.pageSize ?? 20;
  const countAll = async () => Number((await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const pageOf = (withTotal: boolean) =>
    q
      .select([...SUMMARY_COLUMNS, withTotal ? sql<string>`count(*) OVER ()`.as('total') : sql<string>`NULL`.as('total')])
      .orderBy(opts.newestBy, 'desc')
      .orderBy('id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
  let rows: Awaited<ReturnType<typeof pageOf>>;
  let total: number;
  if (opts.searching) {
    rows = await pageOf(true);
    total = rows.length > 0 ? Number(rows[0].total) : page > 1 ? await countAll() : 0;
  } else {
    [rows, total] = await Promise.all([pageOf(false), countAll()]);
  }
  return { items: await toSummaries(db, actor.orgId, actor.memberId, rows), total, page, pageSize };
}

/** 布置给本人的必学（材料已撤回的不列），没读完的在前、期限近的在前；首页待办也用它（所以放在这里，不让首页加载办公室的操作） */
export async function loadMyAssignments(db: Queryable, actor: Actor, now: Date, opts: { unfinishedOnly?: boolean } = {}): Promise<MyAssignment[]> {
  let q = db
    .selectFrom('study_assignment as s')
    .innerJoin('study_material as t', (j) => j.onRef('t.org_id', '=', 's.org_id').onRef('t.id', '=', 's.material_id'))
    .innerJoin('member as m', (j) => j.onRef('m.org_id', '=', 's.org_id'))
    .leftJoin('study_reading as r', (j) => j.onRef('r.org_id', '=', 's.org_id').onRef('r.material_id', '=', 's.material_id').onRef('r.member_id', '=', 'm.id'))
    .select(['s.id', 's.material_id', 's.due_at', 't.title', 't.category', 'r.finished_at'])
    .where('s.org_id', '=', actor.orgId)
    .where('m.id', '=', actor.memberId)
    .where('m.status', '=', 'active')
    .where('t.status', '=', 'published')
    .where(assignmentIncludesMember(sql.ref('s.id')));
  if (opts.unfinishedOnly) q = q.where('r.finished_at', 'is', null);
  const rows = await q
    .orderBy(sql`r.finished_at IS NOT NULL`)
    .orderBy('s.due_at')
    .limit(100)
    .execute();
  return rows.map((r) => {
    const finished = r.finished_at !== null;
    return {
      id: r.id,
      materialId: r.material_id,
      title: r.title,
      category: r.category as MaterialCategory,
      dueAt: iso(r.due_at),
      finished,
      overdue: isOverdue(new Date(r.due_at), now, finished),
    };
  });
}

/**
 * 搜索条件（标题与正文都算）：
 * - 先在两字组索引里找出候选的 id（迁移 022），收成一个数组（ARRAY(子查询) 单独规划、只算一次）：外层的 LIMIT
 *   不会诱使规划器沿着发布时间逐行现算两字组（一行几毫秒），也不会拿候选逐行嵌套比对。
 * - 恰好两个字（不含空白）的词，两字组命中就是字面命中，不再核对；更长的词再用 ILIKE 按字面核对（% _ \\ 不当通配符）。
 * - 一个字的词没有两字组，只用 ILIKE。
 */
export function matchesSearch(orgId: string, q: string) {
  const pattern = likePattern(q);
  const literal = sql<boolean>`(title ILIKE ${pattern} OR body_markdown ILIKE ${pattern})`;
  const words = q.split(/\s+/).filter(Boolean);
  // 没有两个字以上的词：没有两字组可查（空集合 @> 对每一行都成立，会逐行现算），只核对字面
  if (!words.some((w) => [...w].length >= 2)) return literal;
  const candidates = sql`id = ANY(ARRAY(SELECT id FROM study_material WHERE org_id = ${orgId} AND study_grams(title || ' ' || body_markdown) @> study_grams(${q})))`;
  return words.length === 1 && [...q].length === 2 ? sql<boolean>`${candidates}` : sql<boolean>`(${candidates} AND ${literal})`;
}

/**
 * 这些任务各自的应学成员（在册），按对象展开成 (assignment_id, member_id) 的集合：一次集合运算，
 * 不对“任务 × 成员”逐对判断（200 项任务 × 700 人时逐对判断要几秒）。
 */
export function expectedPairs(orgId: string, assignmentIds: string[]) {
  return sql<{ assignment_id: string; member_id: string }>`(
    SELECT DISTINCT x.assignment_id, x.member_id FROM (
      SELECT a.assignment_id, m.id AS member_id FROM study_assignment_audience a
        JOIN member m ON m.org_id = a.org_id AND a.target_kind = 'all'
        WHERE a.org_id = ${orgId} AND a.assignment_id IN (${sql.join(assignmentIds)})
      UNION ALL
      SELECT a.assignment_id, a.target_id FROM study_assignment_audience a
        WHERE a.org_id = ${orgId} AND a.assignment_id IN (${sql.join(assignmentIds)}) AND a.target_kind = 'member'
      UNION ALL
      SELECT a.assignment_id, bm.member_id FROM study_assignment_audience a
        JOIN branch_membership bm ON bm.org_id = a.org_id AND bm.branch_id = a.target_id
        WHERE a.org_id = ${orgId} AND a.assignment_id IN (${sql.join(assignmentIds)}) AND a.target_kind = 'branch'
      UNION ALL
      SELECT a.assignment_id, mc.member_id FROM study_assignment_audience a
        JOIN member_committee mc ON mc.org_id = a.org_id AND mc.committee_id = a.target_id
        WHERE a.org_id = ${orgId} AND a.assignment_id IN (${sql.join(assignmentIds)}) AND a.target_kind = 'committee'
      UNION ALL
      SELECT a.assignment_id, m.id FROM study_assignment_audience a
        JOIN member m ON m.org_id = a.org_id AND m.sector_id = a.target_id
        WHERE a.org_id = ${orgId} AND a.assignment_id IN (${sql.join(assignmentIds)}) AND a.target_kind = 'sector'
    ) x
    JOIN member m ON m.org_id = ${orgId} AND m.id = x.member_id AND m.status = 'active'
  )`;
}
