import { AppError, type MemberProfile, contract } from '@tongxin/shared-types';
import { defineAction } from '../../core/action';
import type { DB } from '../../db/connect';

/** 本人资料：职务、界别、专委会、角色与组织关系（本人可见自己的完整手机号）。 */
export const me = defineAction({
  input: contract.member.me,
  errors: ['NOT_FOUND#SELF'],
  access: 'member',
  handler: async (_input, { deps, actor }) => loadProfile(deps.db, actor.orgId, actor.memberId, actor.roles),
});

export async function loadProfile(db: DB, orgId: string, memberId: string, roles: MemberProfile['roles']): Promise<MemberProfile> {
  const row = await db
    .selectFrom('member as m')
    .innerJoin('organisation as o', 'o.id', 'm.org_id')
    .leftJoin('sector as s', (j) => j.onRef('s.org_id', '=', 'm.org_id').onRef('s.id', '=', 'm.sector_id'))
    .select([
      'm.id',
      'm.org_id',
      'o.name as org_name',
      'm.name',
      'm.phone',
      'm.kind',
      'm.position',
      'm.affiliation',
      's.id as sector_id',
      's.name as sector_name',
    ])
    .where('m.org_id', '=', orgId)
    .where('m.id', '=', memberId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND#SELF');

  const [committees, branches] = await Promise.all([
    db
      .selectFrom('member_committee as mc')
      .innerJoin('committee as c', (j) => j.onRef('c.org_id', '=', 'mc.org_id').onRef('c.id', '=', 'mc.committee_id'))
      .select(['c.id', 'c.name'])
      .where('mc.org_id', '=', orgId)
      .where('mc.member_id', '=', memberId)
      .orderBy('c.sort_order')
      .execute(),
    db
      .selectFrom('branch_membership as bm')
      .innerJoin('party_org as p', (j) => j.onRef('p.org_id', '=', 'bm.org_id').onRef('p.id', '=', 'bm.branch_id'))
      .select(['p.id', 'p.name', 'p.branch_kind', 'bm.kind', 'bm.duty'])
      .where('bm.org_id', '=', orgId)
      .where('bm.member_id', '=', memberId)
      .where('p.status', '=', 'active')
      // 第一组织关系排在前面
      .orderBy('bm.kind', 'desc')
      .orderBy('p.sort_order')
      .execute(),
  ]);

  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    name: row.name,
    phone: row.phone,
    kind: row.kind,
    position: row.position,
    affiliation: row.affiliation,
    sector: row.sector_id && row.sector_name ? { id: row.sector_id, name: row.sector_name } : null,
    committees,
    roles,
    branches: branches.map((b) => ({ branchId: b.id, branchName: b.name, branchKind: b.branch_kind, kind: b.kind, duty: b.duty })),
  };
}
