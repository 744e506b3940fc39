import { AppError, type Affiliation } from '@tongxin/shared-types';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { type BranchInfo, type MembershipDraft, checkMemberships } from '../../domain/membership';

type Trx = Transaction<Database>;

export async function loadBranchInfo(trx: Trx, orgId: string): Promise<Map<string, BranchInfo>> {
  const rows = await trx
    .selectFrom('party_org')
    .select(['id', 'name', 'branch_kind', 'status'])
    .where('org_id', '=', orgId)
    .where('level', '=', '党支部')
    .execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, branchKind: r.branch_kind, status: r.status }]));
}

/** 核对界别、专委会与组织关系都属于本政协且合规；不合规抛 INVALID_PARAMETER（中文原因）。 */
export async function assertMemberRefs(
  trx: Trx,
  orgId: string,
  refs: { affiliation: Affiliation; sectorId: string | null; committeeIds: readonly string[]; memberships: readonly MembershipDraft[] },
): Promise<void> {
  if (refs.sectorId) {
    const s = await trx.selectFrom('sector').select('id').where('org_id', '=', orgId).where('id', '=', refs.sectorId).executeTakeFirst();
    if (!s) throw new AppError('INVALID_PARAMETER#SECTOR_UNKNOWN');
  }
  if (refs.committeeIds.length) {
    const found = await trx
      .selectFrom('committee')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', 'in', [...refs.committeeIds])
      .execute();
    if (found.length !== new Set(refs.committeeIds).size) throw new AppError('INVALID_PARAMETER#COMMITTEE_UNKNOWN');
  }
  const reasons = checkMemberships(refs.affiliation, refs.memberships, await loadBranchInfo(trx, orgId));
  if (reasons.length) throw new AppError('INVALID_PARAMETER#MEMBERSHIP', { reasons: reasons.join('；') });
}
