import { AppError, BRANCH_MANAGER_DUTIES, type Affiliation, type AppRole } from '@tongxin/shared-types';
import { type RawBuilder, sql } from 'kysely';
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
// 职务写成字面量：语句文本固定，预备语句的计划可复用
const MANAGER_DUTIES = sql.join(BRANCH_MANAGER_DUTIES.map((d) => sql.lit(d)));

export async function resolveActor(db: DB, openid: string): Promise<Actor> {
  return (await loadActor(db, openid)).actor;
}

/**
 * 解析身份；可顺带取回处理器要用的一样东西（extra，一条标量子查询），与身份同一次往返。
 * 签到高峰时这一次往返就是一成多的吞吐（见 ActionDef.prefetch）。
 */
export async function loadActor(db: DB, openid: string, extra?: RawBuilder<unknown> | null): Promise<{ actor: Actor; prefetched: unknown }> {
  const { rows } = await sql<{ org_id: string; member_id: string; name: string; kind: string; status: string; affiliation: Affiliation; is_admin: boolean; managed: string[] | string; prefetched: unknown }>`
    SELECT b.org_id, b.member_id, m.name, m.kind, m.status, m.affiliation,
      EXISTS (SELECT 1 FROM member_role r WHERE r.org_id = b.org_id AND r.member_id = b.member_id AND r.role = 'admin') AS is_admin,
      -- 所管支部：只看职务；支部是否已撤销只对少数书记再查一次
      ARRAY (SELECT bm.branch_id FROM branch_membership bm
        WHERE bm.org_id = b.org_id AND bm.member_id = b.member_id AND bm.duty IN (${MANAGER_DUTIES})) AS managed
      ${extra ? sql`, (${extra}) AS prefetched` : sql``}
    FROM wx_binding b JOIN member m ON m.org_id = b.org_id AND m.id = b.member_id
    WHERE b.openid = ${openid}
  `.execute(db);
  const row = rows[0];
  if (!row || row.status !== 'active') throw new AppError('NOT_BOUND');

  let managed = parseUuidArray(row.managed);
  if (managed.length > 0) {
    const active = await db.selectFrom('party_org').select('id').where('org_id', '=', row.org_id).where('id', 'in', managed).where('status', '=', 'active').execute();
    managed = active.map((r) => r.id).sort();
  }
  const roles: AppRole[] = [row.kind === 'staff' ? 'staff' : 'member'];
  if (managed.length > 0) roles.push('secretary');
  if (row.is_admin) roles.push('admin');
  const actor = { openid, orgId: row.org_id, memberId: row.member_id, name: row.name, affiliation: row.affiliation, roles, managedBranchIds: managed };
  return { actor, prefetched: row.prefetched ?? null };
}

/** pg 对 uuid[] 有时返回 '{a,b}' 文本（取决于驱动的类型注册），两种都接受 */
function parseUuidArray(v: string[] | string): string[] {
  if (Array.isArray(v)) return v;
  const inner = v.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',') : [];
}
