import type { contract } from '@tongxin/shared-types';
import type { z } from 'zod';
import type { Actor } from '../../core/actor';
import { visibleBranches } from '../../core/scope';
import type { DB } from '../../db/connect';

const MANAGERS = ['admin', 'secretary'] as const;

type Filters = z.output<typeof contract.roster.exportRoster>;

/** 名册的筛选（列表、导出与批量签发共用）；书记只看到自己支部的成员。书记没有任何支部时为 null */
export function filteredMembers(db: DB, actor: Actor, input: Filters) {
  const scope = visibleBranches(actor, MANAGERS);
  let query = db.selectFrom('member as m').where('m.org_id', '=', actor.orgId);
  if (input.status !== 'all') query = query.where('m.status', '=', input.status);
  if (input.q) {
    const like = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('m.name', 'like', like), eb('m.phone', 'like', like)]));
  }
  if (input.sectorId) query = query.where('m.sector_id', '=', input.sectorId);
  if (input.committeeId) {
    const committeeId = input.committeeId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('member_committee as mc')
          .select('mc.member_id')
          .whereRef('mc.org_id', '=', 'm.org_id')
          .whereRef('mc.member_id', '=', 'm.id')
          .where('mc.committee_id', '=', committeeId),
      ),
    );
  }
  const branchIds = input.branchId ? [input.branchId] : scope;
  if (branchIds) {
    if (branchIds.length === 0) return null;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('branch_membership as bm')
          .select('bm.member_id')
          .whereRef('bm.org_id', '=', 'm.org_id')
          .whereRef('bm.member_id', '=', 'm.id')
          .where('bm.branch_id', 'in', branchIds),
      ),
    );
  }
  return query;
}
