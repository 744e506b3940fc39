import { AppError, type MemberDetail } from '@tongxin/shared-types';
import type { Actor } from '../../core/actor';
import type { DB } from '../../db/connect';
import { canSeeSensitive, maskPhone } from '../../domain/privacy';

/** 批量读出成员详情，并按查看者的权限脱敏手机号、隐藏政治面貌。 */
export async function loadMemberDetails(db: DB, actor: Actor, memberIds: readonly string[], now: Date): Promise<MemberDetail[]> {
  if (memberIds.length === 0) return [];
  const orgId = actor.orgId;
  const ids = [...memberIds];
  const [rows, committees, branches, admins, bindings, invites, voided] = await Promise.all([
    db
      .selectFrom('member as m')
      .leftJoin('sector as s', (j) => j.onRef('s.org_id', '=', 'm.org_id').onRef('s.id', '=', 'm.sector_id'))
      .select([
        'm.id',
        'm.name',
        'm.phone',
        'm.kind',
        'm.position',
        'm.affiliation',
        'm.status',
        'm.retired_at',
        'm.retire_reason',
        'm.gender',
        'm.ethnicity',
        'm.birth_month',
        'm.work_unit',
        'm.term',
        's.id as sector_id',
        's.name as sector_name',
      ])
      .where('m.org_id', '=', orgId)
      .where('m.id', 'in', ids)
      .execute(),
    db
      .selectFrom('member_committee as mc')
      .innerJoin('committee as c', (j) => j.onRef('c.org_id', '=', 'mc.org_id').onRef('c.id', '=', 'mc.committee_id'))
      .select(['mc.member_id', 'c.id', 'c.name'])
      .where('mc.org_id', '=', orgId)
      .where('mc.member_id', 'in', ids)
      .orderBy('c.sort_order')
      .execute(),
    db
      .selectFrom('branch_membership as bm')
      .innerJoin('party_org as p', (j) => j.onRef('p.org_id', '=', 'bm.org_id').onRef('p.id', '=', 'bm.branch_id'))
      .select(['bm.member_id', 'p.id', 'p.name', 'p.branch_kind', 'bm.kind', 'bm.duty'])
      .where('bm.org_id', '=', orgId)
      .where('bm.member_id', 'in', ids)
      .orderBy('bm.kind', 'desc')
      .orderBy('p.sort_order')
      .execute(),
    db.selectFrom('member_role').select('member_id').where('org_id', '=', orgId).where('member_id', 'in', ids).where('role', '=', 'admin').execute(),
    db.selectFrom('wx_binding').select('member_id').where('org_id', '=', orgId).where('member_id', 'in', ids).execute(),
    db
      .selectFrom('invite_code')
      .select('member_id')
      .where('org_id', '=', orgId)
      .where('member_id', 'in', ids)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .execute(),
    db
      .selectFrom('invite_code as i')
      .leftJoin('member as iss', (j) => j.onRef('iss.org_id', '=', 'i.org_id').onRef('iss.id', '=', 'i.issued_by'))
      .leftJoin('member as rev', (j) => j.onRef('rev.org_id', '=', 'i.org_id').onRef('rev.id', '=', 'i.revoked_by'))
      .select(['i.member_id', 'i.issued_at', 'i.revoked_at', 'iss.name as issued_by_name', 'rev.name as revoked_by_name'])
      .where('i.org_id', '=', orgId)
      .where('i.member_id', 'in', ids)
      .where('i.revoked_at', 'is not', null)
      .orderBy('i.revoked_at', 'desc')
      .execute(),
  ]);
  const viewer = { memberId: actor.memberId, isAdmin: actor.roles.includes('admin'), managedBranchIds: actor.managedBranchIds };
  const adminSet = new Set(admins.map((a) => a.member_id));
  const boundSet = new Set(bindings.map((b) => b.member_id));
  const inviteSet = new Set(invites.map((i) => i.member_id));
  const lastVoided = new Map<string, MemberDetail['lastVoidedInvite']>();
  for (const v of voided) {
    if (lastVoided.has(v.member_id)) continue;
    lastVoided.set(v.member_id, {
      issuedByName: v.issued_by_name ?? '',
      issuedAt: new Date(v.issued_at).toISOString(),
      voidedByName: v.revoked_by_name,
      voidedAt: new Date(v.revoked_at!).toISOString(),
    });
  }
  const byId = new Map(
    rows.map((r) => {
      const own = branches.filter((b) => b.member_id === r.id);
      const sensitive = canSeeSensitive(
        viewer,
        r.id,
        own.map((b) => b.id),
      );
      const detail: MemberDetail = {
        id: r.id,
        name: r.name,
        phone: sensitive ? r.phone : maskPhone(r.phone),
        phoneMasked: !sensitive && r.phone !== null,
        kind: r.kind,
        position: r.position,
        affiliation: sensitive ? r.affiliation : null,
        sector: r.sector_id && r.sector_name ? { id: r.sector_id, name: r.sector_name } : null,
        committees: committees.filter((c) => c.member_id === r.id).map((c) => ({ id: c.id, name: c.name })),
        // 政治面貌不可见时，组织关系同样不可见（它暴露了党员身份）
        branches: sensitive ? own.map((b) => ({ branchId: b.id, branchName: b.name, branchKind: b.branch_kind, kind: b.kind, duty: b.duty })) : [],
        status: r.status,
        retiredAt: r.retired_at ? new Date(r.retired_at).toISOString() : null,
        retireReason: r.retire_reason,
        isAdmin: adminSet.has(r.id),
        bound: boundSet.has(r.id),
        invitePending: inviteSet.has(r.id),
        gender: r.gender,
        ethnicity: sensitive ? r.ethnicity : null,
        birthMonth: sensitive ? r.birth_month : null,
        workUnit: r.work_unit,
        term: r.term,
        lastVoidedInvite: lastVoided.get(r.id) ?? null,
      };
      return [r.id, detail] as const;
    }),
  );
  return ids.map((id) => byId.get(id)).filter((d): d is MemberDetail => d !== undefined);
}

export async function loadMemberDetail(db: DB, actor: Actor, memberId: string, now: Date): Promise<MemberDetail> {
  const [detail] = await loadMemberDetails(db, actor, [memberId], now);
  if (!detail) throw new AppError('NOT_FOUND#MEMBER');
  return detail;
}
