import { type ActionName, type ActionOutput, type Envelope, type FunctionName } from '@tongxin/shared-types';
import { sql } from 'kysely';
import type { DB } from '../../cloudfunctions/src/db/connect';
import { functions } from '../../cloudfunctions/src/functions';
import { makeDeps } from './db';

/**
 * 以某个微信身份调用处理器（与云函数入口同一条路径：dispatch → 权限 → 校验 → 处理器）。
 * 每个 client 有自己的固定时钟（clock.advance 推进时间）。
 */
export function client(db: DB, now?: string) {
  const { deps, clock, logger } = makeDeps(db, now);

  async function call<F extends FunctionName, A extends ActionName<F>>(
    openid: string | undefined,
    fn: F,
    action: A,
    data?: unknown,
  ): Promise<Envelope<ActionOutput<F, A>>> {
    return (await functions[fn].handle({ action, data }, openid, deps)) as Envelope<ActionOutput<F, A>>;
  }

  /** 调用并要求成功，失败时报出错误码与中文提示 */
  async function ok<F extends FunctionName, A extends ActionName<F>>(
    openid: string | undefined,
    fn: F,
    action: A,
    data?: unknown,
  ): Promise<ActionOutput<F, A>> {
    const res = await call(openid, fn, action, data);
    if (!res.ok) {
      const log = res.error.code === 'INTERNAL' ? `\n${JSON.stringify(logger.entries.slice(-1))}` : '';
      throw new Error(`${fn}.${action} 应当成功，却得到 ${res.error.code}：${res.error.message}${log}`);
    }
    return res.data;
  }

  /** 调用并只取结果码：成功为 'OK'，否则为错误码 */
  async function code(openid: string | undefined, fn: FunctionName, action: string, data?: unknown): Promise<string> {
    const res = await functions[fn].handle({ action, data }, openid, deps);
    return res.ok ? 'OK' : res.error.code;
  }

  return { deps, clock, logger, call, ok, code };
}

export type Client = ReturnType<typeof client>;

/** 失败信封的错误码（成功为 'OK'） */
export const codeOf = (res: Envelope<unknown>): string => (res.ok ? 'OK' : res.error.code);

/**
 * 一个组织在每张带 org_id 的表里的行数与内容摘要（md5）；前后相等即什么也没写。
 * 表从数据库的目录里找，以后新增的表自动包括在内。
 */
export async function orgSnapshot(db: DB, orgId: string): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = await sql<{ table_name: string }>`
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
    WHERE c.table_schema = current_schema() AND c.column_name = 'org_id'
      -- 上传登记只记“这个文件属于哪个政协”，是存储的簿记，不是业务数据：预览登记了它也算“什么也没写”
      AND c.table_name <> 'file_upload'
    ORDER BY c.table_name`.execute(db);
  const parts = tables.rows.map(
    ({ table_name: t }) =>
      sql`select ${t} as t, count(*)::int as n, coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as h from ${sql.table(t)} x where x.org_id = ${orgId}`,
  );
  const { rows } = await sql<{ t: string; n: number; h: string }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.t, { rows: Number(r.n), md5: r.h }]));
}

/** 组织的审计日志条数 */
export async function auditCount(db: DB, orgId: string): Promise<number> {
  const r = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** 最近的审计记录（新的在前） */
export async function latestAudit(db: DB, orgId: string, limit = 1) {
  return db.selectFrom('audit_log').selectAll().where('org_id', '=', orgId).orderBy('id', 'desc').limit(limit).execute();
}

/** 在组织里直接建一个临时党支部（测试准备用；开设临时支部本身的测试走 org.createUnit） */
export async function insertTempBranch(db: DB, orgId: string, parentId: string, name = '全会临时党支部'): Promise<string> {
  const row = await db
    .insertInto('party_org')
    .values({ org_id: orgId, parent_id: parentId, name, level: '党支部', branch_kind: '临时党支部' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** 组织里某人的组织关系（按支部名） */
export async function membershipsOf(db: DB, orgId: string, memberId: string) {
  return db
    .selectFrom('branch_membership as bm')
    .innerJoin('party_org as p', (j) => j.onRef('p.org_id', '=', 'bm.org_id').onRef('p.id', '=', 'bm.branch_id'))
    .select(['p.name', 'bm.kind', 'bm.duty', 'bm.branch_id'])
    .where('bm.org_id', '=', orgId)
    .where('bm.member_id', '=', memberId)
    .orderBy('p.name')
    .execute();
}

/** 唯一的、本组织内不会撞号的手机号 */
let phoneSeq = 0;
export function freshPhone(): string {
  phoneSeq = (phoneSeq + 1) % 10_000;
  return `139${String(process.pid % 10_000).padStart(4, '0')}${String(phoneSeq).padStart(4, '0')}`;
}

export const CHINESE = /[\u4e00-\u9fa5]/;
