import { AppError, type MaterialCategory, type MaterialSummary } from '@tongxin/shared-types';
import { type RawBuilder, type Transaction, sql } from 'kysely';
import type { DB } from '../../db/connect';
import type { Database } from '../../db/schema';

export type Queryable = DB | Transaction<Database>;
export const iso = (d: Date | string) => new Date(d).toISOString();

/** 材料的一行（含正文） */
export async function loadMaterial(db: Queryable, orgId: string, materialId: string, opts: { includeWithdrawn?: boolean } = {}) {
  let q = db.selectFrom('study_material').selectAll().where('org_id', '=', orgId).where('id', '=', materialId);
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
  return sql<boolean>`EXISTS (
    SELECT 1 FROM study_assignment_audience a WHERE a.org_id = m.org_id AND a.assignment_id = ${assignmentId} AND (
      a.target_kind = 'all'
      OR (a.target_kind = 'member' AND a.target_id = m.id)
      OR (a.target_kind = 'sector' AND a.target_id = m.sector_id)
      OR (a.target_kind = 'branch' AND EXISTS (SELECT 1 FROM branch_membership bm WHERE bm.org_id = m.org_id AND bm.member_id = m.id AND bm.branch_id = a.target_id))
      OR (a.target_kind = 'committee' AND EXISTS (SELECT 1 FROM member_committee mc WHERE mc.org_id = m.org_id AND mc.member_id = m.id AND mc.committee_id = a.target_id))
    ))`;
}

/** 列表行 → 视图，带上本人是否读完、是否收藏（两条查询，不随条数增加） */
export async function toSummaries(
  db: Queryable,
  orgId: string,
  memberId: string,
  rows: Array<{ id: string; title: string; category: string; source: string | null; status: 'published' | 'withdrawn'; published_at: Date; updated_at: Date }>,
): Promise<MaterialSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [read, fav] = await Promise.all([
    db.selectFrom('study_reading').select('material_id').where('org_id', '=', orgId).where('member_id', '=', memberId).where('material_id', 'in', ids).execute(),
    db.selectFrom('study_favourite').select('material_id').where('org_id', '=', orgId).where('member_id', '=', memberId).where('material_id', 'in', ids).execute(),
  ]);
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
  }));
}

export const SUMMARY_COLUMNS = ['id', 'title', 'category', 'source', 'status', 'published_at', 'updated_at'] as const;
