import { AppError, type FiveOneItem } from '@tongxin/shared-types';
import { type RawBuilder, type Transaction, sql } from 'kysely';
import type { DB } from '../../db/connect';
import type { Database } from '../../db/schema';
import { DEFAULT_RULES, yearOf } from '../../domain/points';
import { mapAwardError } from '../../db/errors';

type Trx = Transaction<Database>;

export interface AwardRequest {
  orgId: string;
  memberId: string;
  ruleCode: string;
  /** 挣得这条分的东西：会议签到、提案……（同一来源同一规则只记一次） */
  source: { kind: string; id: string; title: string };
  at: Date;
  /** 手工评定时的分值；缺省用规则的分值 */
  points?: number;
  reason?: string;
  operator?: { id: string; name: string };
  /** 记入的年度；缺省为 at 所在的年度（年初补记上一年度的评定时才给） */
  year?: number;
}

export type AwardOutcome =
  | { status: 'awarded' | 'capped'; entryId: string; points: number; ruleName: string; track: 'party' | 'duty' }
  | { status: 'duplicate'; entryId: string; points: number }
  | { status: 'not_applicable'; reason: string }
  /** 每年只记一次的规则，本年度已经记过（未冲正）：什么也没写 */
  | { status: 'once_a_year'; ruleName: string };

/**
 * 给某人按某规则为某来源记分。须在调用方自己的事务里调用，与挣分的那次写入同生共死。
 * - 幂等：同一幂等键只记一次，并发调用也是（唯一约束；有年度上限的先锁住此人此年再求已用分）；
 * - 年度上限：超过上限的部分记 0，并留下记录；
 * - 每年一次的规则：本年度已有未冲正的记录时什么也不写（once_a_year）；
 * - 已关账的年度拒绝（POINTS.YEAR_CLOSED）；党员积分规则对非党员不适用。
 */
export async function awardPoints(trx: Trx | DB, req: AwardRequest): Promise<AwardOutcome> {
  const result = await sql<AwardRow>`SELECT * FROM ${awardPointsCall(req)}`.execute(trx).catch(mapAwardError(req));
  return toOutcome(result.rows[0]);
}

/** 同一规则、同一来源给一批人记分（如全体会议定案时的缺席扣分）：一条语句，逐人的语义与 awardPoints 相同 */
export async function awardPointsToEach(trx: Trx, req: Omit<AwardRequest, 'memberId'>, memberIds: string[]): Promise<AwardOutcome[]> {
  if (memberIds.length === 0) return [];
  const result = await sql<AwardRow>`
    SELECT r.* FROM unnest(${memberIds}::uuid[]) WITH ORDINALITY AS x(member_id, n)
    CROSS JOIN LATERAL ${awardPointsCall({ ...req, memberId: sql<string>`x.member_id` })} AS r
    ORDER BY x.n`
    .execute(trx)
    .catch(mapAwardError(req));
  return result.rows.map(toOutcome);
}

/** award_points 返回的一行 */
export interface AwardRow {
  status: 'awarded' | 'capped' | 'duplicate' | 'not_applicable' | 'once_a_year';
  entry_id: string | null;
  points: number;
  rule_name: string;
  track: 'party' | 'duty';
}

/**
 * 调用数据库函数 award_points（迁移 005，006 改版）的 SQL 片段：锁人年、查关账与幂等、按年度上限截分、写流水，一次往返完成。
 * 热路径（签到）把它和挣分的那条写入拼成一条语句，少几次往返；别处直接用 awardPoints。
 */
export function awardPointsCall(req: Omit<AwardRequest, 'memberId'> & { memberId: string | RawBuilder<string> }, atSql?: RawBuilder<unknown>) {
  const year = req.year ?? yearOf(req.at);
  // 成员可以是参数，也可以是同一语句里别处的列（签到时身份在语句里才解析出来）
  const member = typeof req.memberId === 'string' ? sql`${req.memberId}::uuid` : req.memberId;
  // 幂等键 `${来源类型}:${来源 id}:${规则}:${成员 id}`：含成员 id，award_points 查重时靠它只看这一个人的记录（迁移 006）
  const keyPrefix = `${req.source.kind}:${req.source.id}:${req.ruleCode}:`;
  return sql`award_points(${req.orgId}::uuid, ${member}, ${year}::int, ${req.ruleCode}::text, ${req.points ?? null}::int,
    ${req.source.kind}::text, ${req.source.id}::text, ${req.source.title}::text, ${keyPrefix}::text || ${member}::text,
    ${req.reason ?? ''}::text, ${req.operator?.id ?? null}::uuid, ${req.operator?.name ?? null}::text, ${atSql ?? sql`${req.at}::timestamptz`})`;
}

export function toOutcome(r: AwardRow): AwardOutcome {
  if (r.status === 'not_applicable') return { status: 'not_applicable', reason: r.rule_name };
  if (r.status === 'once_a_year') return { status: 'once_a_year', ruleName: r.rule_name };
  if (r.status === 'duplicate') return { status: 'duplicate', entryId: r.entry_id!, points: r.points };
  return { status: r.status, entryId: r.entry_id!, points: r.points, ruleName: r.rule_name, track: r.track };
}

/** 冲正：新增一条相反的记录指向原记录；原记录不改不删。关账年度须 allowClosedYear（管理员）。 */
export async function reverseEntry(
  trx: Trx,
  req: { orgId: string; entryId: string; reason: string; operator: { id: string; name: string }; at: Date; allowClosedYear: boolean },
): Promise<string> {
  const entry = await trx.selectFrom('points_entry').selectAll().where('org_id', '=', req.orgId).where('id', '=', req.entryId).executeTakeFirst();
  if (!entry) throw new AppError('NOT_FOUND#POINTS_ENTRY');
  if (entry.reverses_entry_id) throw new AppError('POINTS.NOT_REVERSIBLE');
  if (!req.allowClosedYear) await assertYearOpen(trx, req.orgId, entry.year);
  await lockMemberYear(trx, req.orgId, entry.member_id, entry.year);
  const already = await trx
    .selectFrom('points_entry')
    .select('id')
    .where('org_id', '=', req.orgId)
    .where('reverses_entry_id', '=', entry.id)
    .executeTakeFirst();
  if (already) throw new AppError('POINTS.ALREADY_REVERSED');
  const inserted = await trx
    .insertInto('points_entry')
    .values({
      org_id: req.orgId,
      member_id: entry.member_id,
      year: entry.year,
      track: entry.track,
      category: entry.category,
      rule_id: entry.rule_id,
      rule_code: entry.rule_code,
      points: -entry.points,
      requested_points: -entry.points,
      source_kind: entry.source_kind,
      source_id: entry.source_id,
      source_title: entry.source_title,
      idempotency_key: `reversal:${entry.id}`,
      reason: req.reason,
      operator_id: req.operator.id,
      operator_name: req.operator.name,
      reverses_entry_id: entry.id,
      created_at: req.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** 五个一：记下完成某项的来源（同一来源只记一次） */
export async function recordFiveOne(
  trx: Trx,
  req: { orgId: string; memberId: string; item: FiveOneItem; source: { kind: string; id: string; title: string }; at: Date; recordedBy?: string },
): Promise<void> {
  await trx
    .insertInto('five_one_fulfilment')
    .values({
      org_id: req.orgId,
      member_id: req.memberId,
      year: yearOf(req.at),
      item: req.item,
      source_kind: req.source.kind,
      source_id: req.source.id,
      title: req.source.title,
      at: req.at,
      recorded_by: req.recordedBy ?? null,
    })
    .onConflict((oc) => oc.columns(['org_id', 'member_id', 'item', 'source_kind', 'source_id']).doNothing())
    .execute();
}

export async function assertYearOpen(trx: Trx, orgId: string, year: number): Promise<void> {
  const closed = await trx.selectFrom('points_year').select('year').where('org_id', '=', orgId).where('year', '=', year).executeTakeFirst();
  if (closed) throw new AppError('POINTS.YEAR_CLOSED', { year });
}

/** 与 award_points 同一把锁（迁移 006 的事务级咨询锁）：同一人同一年的记分与冲正串行 */
async function lockMemberYear(trx: Trx, orgId: string, memberId: string, year: number): Promise<void> {
  await sql`SELECT lock_points_member_year(${orgId}::uuid, ${memberId}::uuid, ${year}::int)`.execute(trx);
}

/** 新政协写入默认规则（已有规则的不动） */
export async function installDefaultRules(trx: Trx, orgId: string, at: Date): Promise<void> {
  await trx
    .insertInto('points_rule')
    .values(
      DEFAULT_RULES.map((r) => ({
        org_id: orgId,
        code: r.code,
        version: 1,
        name: r.name,
        track: r.track,
        category: r.category,
        basis: r.basis,
        points: r.points,
        min_points: r.minPoints ?? null,
        max_points: r.maxPoints ?? null,
        yearly_cap: r.yearlyCap ?? null,
        once_per_year: r.oncePerYear ?? false,
        applies_to: r.appliesTo,
        description: r.description,
        created_at: at,
        created_by: null,
      })),
    )
    .onConflict((oc) => oc.columns(['org_id', 'code', 'version']).doNothing())
    .execute();
}
