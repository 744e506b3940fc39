import { AppError, BRANCH_MANAGER_DUTIES, type AppRole } from '@tongxin/shared-types';
import type { DB } from '../db/connect';

/** 调用者：由已校验的 openid 解析出的成员、所属政协与角色。 */
export interface Actor {
  openid: string;
  orgId: string;
  memberId: string;
  name: string;
  roles: AppRole[];
  /** 本人担任书记/副书记/党务干部的支部 */
  managedBranchIds: string[];
}

export async function resolveActor(db: DB, openid: string): Promise<Actor> {
  const binding = await db
    .selectFrom('wx_binding as b')
    .innerJoin('member as m', (j) => j.onRef('m.org_id', '=', 'b.org_id').onRef('m.id', '=', 'b.member_id'))
    .select(['b.org_id', 'b.member_id', 'm.name', 'm.kind', 'm.status'])
    .where('b.openid', '=', openid)
    .executeTakeFirst();
  if (!binding || binding.status !== 'active') throw new AppError('NOT_BOUND');

  const [adminRows, managed] = await Promise.all([
    db
      .selectFrom('member_role')
      .select('role')
      .where('org_id', '=', binding.org_id)
      .where('member_id', '=', binding.member_id)
      .execute(),
    db
      .selectFrom('branch_membership as bm')
      .innerJoin('party_org as p', (j) => j.onRef('p.org_id', '=', 'bm.org_id').onRef('p.id', '=', 'bm.branch_id'))
      .select('bm.branch_id')
      .where('bm.org_id', '=', binding.org_id)
      .where('bm.member_id', '=', binding.member_id)
      .where('bm.duty', 'in', BRANCH_MANAGER_DUTIES as string[] as never)
      .where('p.status', '=', 'active')
      .execute(),
  ]);

  const roles: AppRole[] = [binding.kind === 'staff' ? 'staff' : 'member'];
  if (managed.length > 0) roles.push('secretary');
  if (adminRows.some((r) => r.role === 'admin')) roles.push('admin');
  return {
    openid,
    orgId: binding.org_id,
    memberId: binding.member_id,
    name: binding.name,
    roles,
    managedBranchIds: managed.map((r) => r.branch_id),
  };
}
