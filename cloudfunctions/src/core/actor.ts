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
  /** 承办单位的工作人员（角色只有 handler）：所属单位；memberId 此时是 unit_staff 的 id，不是委员 */
  unitId?: string;
}

// 职务写成字面量：语句文本固定，预备语句的计划可复用
const MANAGER_DUTIES = sql.join(BRANCH_MANAGER_DUTIES.map((d) => sql.lit(d)));

/** 身份查询取回的一行（actorSelect 的列） */
export interface ActorRow {
  org_id: string;
  member_id: string;
  name: string;
  kind: string;
  status: string;
  affiliation: Affiliation;
  is_admin: boolean;
  managed: string[] | string;
}

/**
 * 由 openid 解析身份的查询：成员、管理员角色与所管支部，一条语句取齐。这是身份解析唯一的定义：
 * 分发器单独执行它（resolveActor），签到热路径把它作为 CTE 嵌进写签到的那条语句（见 ActionDef.inlineIdentity）。
 */
export function actorSelect(openid: string): RawBuilder<ActorRow> {
  return sql<ActorRow>`
    SELECT b.org_id, b.member_id, m.name, m.kind, m.status, m.affiliation,
      EXISTS (SELECT 1 FROM member_role r WHERE r.org_id = b.org_id AND r.member_id = b.member_id AND r.role = 'admin') AS is_admin,
      -- 所管支部：只看职务；支部是否已撤销只对少数书记再查一次
      ARRAY (SELECT bm.branch_id FROM branch_membership bm
        WHERE bm.org_id = b.org_id AND bm.member_id = b.member_id AND bm.duty IN (${MANAGER_DUTIES})) AS managed
    FROM wx_binding b JOIN member m ON m.org_id = b.org_id AND m.id = b.member_id
    WHERE b.openid = ${openid}`;
}

/** 每次调用都要解析身份（签到高峰时少一次往返就是一分吞吐，所以是一条查询） */
export async function resolveActor(db: DB, openid: string): Promise<Actor> {
  const { rows } = await actorSelect(openid).execute(db);
  return toActor(db, openid, rows[0]);
}

/** 身份查询的一行 → 调用者；没有绑定或已不在册的视为未绑定 */
export async function toActor(db: DB, openid: string, row: ActorRow | null | undefined): Promise<Actor> {
  if (!row || row.status !== 'active') throw new AppError('NOT_BOUND');
  let managed = parseUuidArray(row.managed);
  if (managed.length > 0) {
    const active = await db
      .selectFrom('party_org')
      .select('id')
      .where('org_id', '=', row.org_id)
      .where('id', 'in', managed)
      .where('status', '=', 'active')
      .execute();
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

/**
 * 允许承办单位调用的操作用它解析身份：先按委员绑定，没有再按承办单位的绑定。承办单位的工作人员不在 wx_binding 里，
 * 所以别的操作（只用 resolveActor）对他们一律是 NOT_BOUND，签到、积分、名册都碰不到。
 */
export async function resolveActorOrUnit(db: DB, openid: string): Promise<Actor> {
  try {
    return await resolveActor(db, openid);
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'NOT_BOUND') throw err;
  }
  const row = await db
    .selectFrom('unit_binding as b')
    .innerJoin('unit_staff as s', (j) => j.onRef('s.org_id', '=', 'b.org_id').onRef('s.id', '=', 'b.staff_id'))
    .select(['b.org_id', 's.id', 's.name', 's.unit_id', 's.status'])
    .where('b.openid', '=', openid)
    .executeTakeFirst();
  if (!row || row.status !== 'active') throw new AppError('NOT_BOUND');
  return { openid, orgId: row.org_id, memberId: row.id, name: row.name, affiliation: '群众', roles: ['handler'], managedBranchIds: [], unitId: row.unit_id };
}
