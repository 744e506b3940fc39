import { AppError, type FiveOneItem, type PointsCategory } from '@tongxin/shared-types';
import { type Transaction, sql } from 'kysely';
import type { Database } from '../../db/schema';
import { DEFAULT_RULES, applyCap, yearOf } from '../../domain/points';

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
  /** 缺省为 `${source.kind}:${source.id}:${ruleCode}:${memberId}` */
  idempotencyKey?: string;
}

export type AwardOutcome =
  | { status: 'awarded' | 'capped'; entryId: string; points: number; ruleName: string; track: 'party' | 'duty' }
  | { status: 'duplicate'; entryId: string; points: number }
  | { status: 'not_applicable'; reason: string };

/**
 * 给某人按某规则为某来源记分。须在调用方自己的事务里调用，与挣分的那次写入同生共死。
 * - 幂等：同一幂等键只记一次，并发调用也是（先锁住此人此年，再查再写；唯一约束兜底）；
 * - 年度上限：超过上限的部分记 0，并留下记录；
 * - 已关账的年度拒绝（POINTS.YEAR_CLOSED）；党员积分规则对非党员不适用。
 */
export async function awardPoints(trx: Trx, req: AwardRequest): Promise<AwardOutcome> {
  const year = yearOf(req.at);
  const key = req.idempotencyKey ?? `${req.source.kind}:${req.source.id}:${req.ruleCode}:${req.memberId}`;

  // 1. 一次取齐：是否关账、是否记过、现行规则、此人政治面貌（签到高峰时少几次往返）
  const c = (
    await sql<{
      closed: boolean;
      existing_id: string | null;
      existing_points: number | null;
      affiliation: string | null;
      rule_id: string | null;
      name: string;
      code: string;
      track: 'party' | 'duty';
      category: PointsCategory;
      points: number;
      yearly_cap: number | null;
      applies_to: 'cpc' | 'all';
      active: boolean;
    }>`
      SELECT
        EXISTS (SELECT 1 FROM points_year y WHERE y.org_id = ${req.orgId} AND y.year = ${year}) AS closed,
        e.id AS existing_id, e.points AS existing_points,
        (SELECT m.affiliation FROM member m WHERE m.org_id = ${req.orgId} AND m.id = ${req.memberId}) AS affiliation,
        r.id AS rule_id, r.name, r.code, r.track, r.category, r.points, r.yearly_cap, r.applies_to, r.active
      FROM (SELECT 1) AS one
      LEFT JOIN points_rule r ON r.org_id = ${req.orgId} AND r.code = ${req.ruleCode} AND r.superseded_at IS NULL
      LEFT JOIN points_entry e ON e.org_id = ${req.orgId} AND e.idempotency_key = ${key}
    `.execute(trx)
  ).rows[0];
  if (c.closed) throw new AppError('POINTS.YEAR_CLOSED', `${year} 年度积分已关账，不能再记分`);
  if (c.existing_id) return { status: 'duplicate', entryId: c.existing_id, points: c.existing_points ?? 0 };
  if (!c.rule_id) throw new AppError('POINTS.RULE_NOT_FOUND', `积分规则 ${req.ruleCode} 不存在`);
  if (!c.active) return { status: 'not_applicable', reason: '规则已停用' };
  if (c.applies_to === 'cpc' && c.affiliation !== '中共党员') return { status: 'not_applicable', reason: '党员积分只适用于中共党员' };

  const requested = req.points ?? c.points;
  const entry = {
    org_id: req.orgId,
    member_id: req.memberId,
    year,
    track: c.track,
    category: c.category,
    rule_id: c.rule_id,
    rule_code: c.code,
    requested_points: requested,
    source_kind: req.source.kind,
    source_id: req.source.id,
    source_title: req.source.title,
    idempotency_key: key,
    reason: req.reason ?? '',
    operator_id: req.operator?.id ?? null,
    operator_name: req.operator?.name ?? null,
    created_at: req.at,
  };
  const awarded = (entryId: string, points: number): AwardOutcome => ({ status: points === requested ? 'awarded' : 'capped', entryId, points, ruleName: c.name, track: c.track });

  // 2a. 没有年度上限：幂等键的唯一约束就够了（并发的同一来源只有一条插得进去）
  if (c.yearly_cap === null || requested <= 0) {
    const row = await trx.insertInto('points_entry').values({ ...entry, points: requested }).onConflict((oc) => oc.columns(['org_id', 'idempotency_key']).doNothing()).returning('id').executeTakeFirst();
    if (row) return awarded(row.id, requested);
    const existing = await trx.selectFrom('points_entry').select(['id', 'points']).where('org_id', '=', req.orgId).where('idempotency_key', '=', key).executeTakeFirstOrThrow();
    return { status: 'duplicate', entryId: existing.id, points: existing.points };
  }

  // 2b. 有年度上限：锁住此人此年，让同一人的记分串行，再按已用的分截到上限（冲正为负，自然腾出额度）。
  //     锁必须是单独一条语句：之后的查询才看得到先拿到锁的事务已提交的记录。
  await lockMemberYear(trx, req.orgId, req.memberId, year);
  const after = (
    await sql<{ used: number; existing_id: string | null; existing_points: number | null }>`
      SELECT
        (SELECT coalesce(sum(x.points), 0)::int FROM points_entry x
          WHERE x.org_id = ${req.orgId} AND x.member_id = ${req.memberId} AND x.year = ${year} AND x.rule_code = ${req.ruleCode}) AS used,
        e.id AS existing_id, e.points AS existing_points
      FROM (SELECT 1) AS one LEFT JOIN points_entry e ON e.org_id = ${req.orgId} AND e.idempotency_key = ${key}
    `.execute(trx)
  ).rows[0];
  if (after.existing_id) return { status: 'duplicate', entryId: after.existing_id, points: after.existing_points ?? 0 };
  const points = applyCap(requested, c.yearly_cap, Number(after.used));
  const inserted = await trx.insertInto('points_entry').values({ ...entry, points }).returning('id').executeTakeFirstOrThrow();
  return awarded(inserted.id, points);
}

/** 冲正：新增一条相反的记录指向原记录；原记录不改不删。关账年度须 allowClosedYear（管理员）。 */
export async function reverseEntry(
  trx: Trx,
  req: { orgId: string; entryId: string; reason: string; operator: { id: string; name: string }; at: Date; allowClosedYear: boolean },
): Promise<string> {
  const entry = await trx.selectFrom('points_entry').selectAll().where('org_id', '=', req.orgId).where('id', '=', req.entryId).executeTakeFirst();
  if (!entry) throw new AppError('NOT_FOUND', '积分记录不存在');
  if (entry.reverses_entry_id) throw new AppError('POINTS.NOT_REVERSIBLE', '冲正记录本身不能再冲正');
  if (!req.allowClosedYear) await assertYearOpen(trx, req.orgId, entry.year);
  await lockMemberYear(trx, req.orgId, entry.member_id, entry.year);
  const already = await trx.selectFrom('points_entry').select('id').where('org_id', '=', req.orgId).where('reverses_entry_id', '=', entry.id).executeTakeFirst();
  if (already) throw new AppError('POINTS.ALREADY_REVERSED', '这条记录已经冲正过了');
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
    .values({ org_id: req.orgId, member_id: req.memberId, year: yearOf(req.at), item: req.item, source_kind: req.source.kind, source_id: req.source.id, title: req.source.title, at: req.at, recorded_by: req.recordedBy ?? null })
    .onConflict((oc) => oc.columns(['org_id', 'member_id', 'item', 'source_kind', 'source_id']).doNothing())
    .execute();
}

export async function assertYearOpen(trx: Trx, orgId: string, year: number): Promise<void> {
  const closed = await trx.selectFrom('points_year').select('year').where('org_id', '=', orgId).where('year', '=', year).executeTakeFirst();
  if (closed) throw new AppError('POINTS.YEAR_CLOSED', `${year} 年度积分已关账，不能再记分`);
}

async function lockMemberYear(trx: Trx, orgId: string, memberId: string, year: number): Promise<void> {
  await sql`INSERT INTO points_member_year (org_id, member_id, year) VALUES (${orgId}, ${memberId}, ${year})
    ON CONFLICT (org_id, member_id, year) DO UPDATE SET year = EXCLUDED.year`.execute(trx);
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
        applies_to: r.appliesTo,
        description: r.description,
        created_at: at,
        created_by: null,
      })),
    )
    .onConflict((oc) => oc.columns(['org_id', 'code', 'version']).doNothing())
    .execute();
}
