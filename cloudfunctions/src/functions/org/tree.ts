import type { OrgTree } from '@tongxin/shared-types';
import { sql } from 'kysely';
import type { DB } from '../../db/connect';

/** 党组织树（扁平列表，带 parentId）、专委会与界别 */
export async function loadTree(db: DB, orgId: string): Promise<OrgTree> {
  const [units, committees, sectors] = await Promise.all([
    db
      .selectFrom('party_org as p')
      .select(['p.id', 'p.parent_id', 'p.name', 'p.level', 'p.branch_kind', 'p.status', 'p.starts_on', 'p.ends_on'])
      .select((eb) =>
        eb
          .selectFrom('branch_membership as bm')
          .innerJoin('member as m', (j) => j.onRef('m.org_id', '=', 'bm.org_id').onRef('m.id', '=', 'bm.member_id'))
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('bm.org_id', '=', 'p.org_id')
          .whereRef('bm.branch_id', '=', 'p.id')
          .where('m.status', '=', 'active')
          .as('member_count'),
      )
      .where('p.org_id', '=', orgId)
      .orderBy('p.sort_order')
      .orderBy('p.created_at')
      .orderBy('p.name')
      .execute(),
    db.selectFrom('committee').select(['id', 'name']).where('org_id', '=', orgId).orderBy('sort_order').orderBy('name').execute(),
    db.selectFrom('sector').select(['id', 'name']).where('org_id', '=', orgId).orderBy('sort_order').orderBy('name').execute(),
  ]);
  return {
    units: units.map((u) => ({
      id: u.id,
      parentId: u.parent_id,
      name: u.name,
      level: u.level,
      branchKind: u.branch_kind,
      status: u.status,
      memberCount: Number(u.member_count ?? 0),
      startsOn: u.starts_on,
      endsOn: u.ends_on,
    })),
    committees,
    sectors,
  };
}
