import { AppError, type Affiliation, type AppRole } from '@tongxin/shared-types';
import { sql } from 'kysely';
import type { DB } from '../db/connect';

/** 调用者：由已校验的 openid 解析出的成员、所属政协与角色。 */
export interface Actor {
  openid: string;
  orgId: string;
  memberId: string;
  name: string;
  affiliation: Affiliation;
  roles: AppRole[];
  /** 本人担任书记/副书记/党务干部的支部 */
  managedBranchIds: string[];
}

/** 每次调用都要解析身份：一条查询取齐成员、管理员角色与所管支部（签到高峰时少一次往返就是一分吞吐） */
export async function resolveActor(db: DB, openid: string): Promise<Actor> {
  const row = await db
    .selectFrom('wx_binding as b')
    .innerJoin('member as m', (j) => j.onRef('m.org_id', '=', 'b.org_id').onRef('m.id', '=', 'b.member_id'))
    .select(['b.org_id', 'b.member_id', 'm.name', 'm.kind', 'm.status', 'm.affiliation'])
    .select((eb) =>
      eb
        .exists(eb.selectFrom('member_role as r').select('r.role').whereRef('r.org_id', '=', 'b.org_id').whereRef('r.member_id', '=', 'b.member_id').where('r.role', '=', 'admin'))
        .as('is_admin'),
    )
    .select(
      // 所管支部：只看职务（索引内即可取到）；支部是否已撤销只对少数书记再查一次
      sql<string[]>`coalesce((
        SELECT array_agg(bm.branch_id) FROM branch_membership bm
        WHERE bm.org_id = b.org_id AND bm.member_id = b.member_id AND bm.duty IN ('书记', '副书记', '党务干部')
      ), '{}'::uuid[])`.as('managed'),
    )
    .where('b.openid', '=', openid)
    .executeTakeFirst();
  if (!row || row.status !== 'active') throw new AppError('NOT_BOUND');

  let managed = parseUuidArray(row.managed);
  if (managed.length > 0) {
    const active = await db.selectFrom('party_org').select('id').where('org_id', '=', row.org_id).where('id', 'in', managed).where('status', '=', 'active').execute();
    managed = active.map((r) => r.id).sort();
  }
  const roles: AppRole[] = [row.kind === 'staff' ? 'staff' : 'member'];
  if (managed.length > 0) roles.push('secretary');
  if (row.is_admin) roles.push('admin');
  return { openid, orgId: row.org_id, memberId: row.member_id, name: row.name, affiliation: row.affiliation, roles, managedBranchIds: managed };
}

/** pg 对 uuid[] 有时返回 '{a,b}' 文本（取决于驱动的类型注册），两种都接受 */
function parseUuidArray(v: string[] | string): string[] {
  if (Array.isArray(v)) return v;
  const inner = v.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',') : [];
}
