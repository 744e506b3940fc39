/**
 * 记分规则的两份实现一致：数据库函数 award_points（迁移 006，签到高峰时与签到同一条语句）与纯函数 decideAward
 * （cloudfunctions/src/domain/points.ts）。每个情形先在数据库里布置好（规则、已记的分、关账、已记过的来源），
 * 再把同一个请求交给两边：纯函数拿到的是从数据库读出的状态，结果须相同。
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { type AwardDecision, type AwardState, decideAward } from '../../cloudfunctions/src/domain/points';
import { awardPoints } from '../../cloudfunctions/src/functions/points/ledger';
import { AppError } from '@tongxin/shared-types';
import type { DB } from '../../cloudfunctions/src/db/connect';
import { useTestDb } from '../support/db';
import { type FixtureOrg, createFixtureOrg } from '../support/fixture-org';

const t = useTestDb();
let db: DB;
let org: FixtureOrg;
beforeAll(async () => {
  db = t.db();
  org = await createFixtureOrg(db);
});

const YEAR = 2026;
const AT = new Date('2026-06-01T02:00:00Z');

interface Scenario {
  rule?: { points: number; yearlyCap: number | null; appliesTo: 'cpc' | 'all'; active?: boolean; oncePerYear?: boolean };
  who: 'cpc' | 'nonCpc';
  /** 事先记过的分（各自不同的来源） */
  before?: number[];
  /** 事先已用同一来源记过一次 */
  sameSourceBefore?: boolean;
  closed?: boolean;
  points?: number;
}

const SCENARIOS: Array<[string, Scenario]> = [
  ['上限内照常加分', { rule: { points: 2, yearlyCap: 12, appliesTo: 'cpc' }, who: 'cpc', before: [8] }],
  ['接近上限时只加到上限', { rule: { points: 2, yearlyCap: 12, appliesTo: 'cpc' }, who: 'cpc', before: [11] }],
  ['年度上限已满时不再加分', { rule: { points: 2, yearlyCap: 12, appliesTo: 'cpc' }, who: 'cpc', before: [12] }],
  ['扣分不受年度上限', { rule: { points: 2, yearlyCap: 12, appliesTo: 'cpc' }, who: 'cpc', before: [12], points: -3 }],
  ['没有上限的规则按给的分记', { rule: { points: 5, yearlyCap: null, appliesTo: 'all' }, who: 'nonCpc', before: [100], points: 30 }],
  ['同一来源再记一次：不重复', { rule: { points: 2, yearlyCap: 12, appliesTo: 'cpc' }, who: 'cpc', sameSourceBefore: true }],
  ['关账的年度不能再记分', { rule: { points: 2, yearlyCap: 12, appliesTo: 'cpc' }, who: 'cpc', before: [2], closed: true }],
  ['规则不存在', { who: 'cpc' }],
  ['停用的规则不记分', { rule: { points: 2, yearlyCap: 12, appliesTo: 'cpc', active: false }, who: 'cpc' }],
  ['非党员不记党员积分', { rule: { points: 2, yearlyCap: 12, appliesTo: 'cpc' }, who: 'nonCpc' }],
  ['每年只记一次：本年度第一次照常记', { rule: { points: 5, yearlyCap: null, appliesTo: 'cpc', oncePerYear: true }, who: 'cpc' }],
  ['每年只记一次：本年度已记过时不再记', { rule: { points: 5, yearlyCap: null, appliesTo: 'cpc', oncePerYear: true }, who: 'cpc', before: [5] }],
  ['每年只记一次：同一来源再调用仍是不重复', { rule: { points: 5, yearlyCap: null, appliesTo: 'cpc', oncePerYear: true }, who: 'cpc', sameSourceBefore: true }],
];

/** 本年度按这条规则、别的来源记的、未被冲正的记录 */
async function otherEntryThisYear(ruleCode: string, memberId: string, year: number, sourceId: string): Promise<boolean> {
  const rows = await db
    .selectFrom('points_entry as e')
    .select('e.id')
    .where('e.org_id', '=', org.orgId)
    .where('e.member_id', '=', memberId)
    .where('e.year', '=', year)
    .where('e.rule_code', '=', ruleCode)
    .where('e.reverses_entry_id', 'is', null)
    .where('e.idempotency_key', '!=', `test:${sourceId}:${ruleCode}:${memberId}`)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('points_entry as x').select('x.id').whereRef('x.reverses_entry_id', '=', 'e.id'))))
    .execute();
  return rows.length > 0;
}

/** 纯函数需要的状态：从数据库里读出来（不是照着情形抄一遍） */
async function stateOf(ruleCode: string, memberId: string, year: number, sourceId: string): Promise<AwardState> {
  const rule = await db
    .selectFrom('points_rule')
    .selectAll()
    .where('org_id', '=', org.orgId)
    .where('code', '=', ruleCode)
    .where('superseded_at', 'is', null)
    .executeTakeFirst();
  const member = await db.selectFrom('member').select('affiliation').where('id', '=', memberId).executeTakeFirstOrThrow();
  const used = await db
    .selectFrom('points_entry')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('points'), sql<number>`0`).as('n'))
    .where('org_id', '=', org.orgId)
    .where('member_id', '=', memberId)
    .where('year', '=', year)
    .where('rule_code', '=', ruleCode)
    .executeTakeFirstOrThrow();
  const existing = await db
    .selectFrom('points_entry')
    .select('points')
    .where('org_id', '=', org.orgId)
    .where('idempotency_key', '=', `test:${sourceId}:${ruleCode}:${memberId}`)
    .executeTakeFirst();
  const closed = await db.selectFrom('points_year').select('year').where('org_id', '=', org.orgId).where('year', '=', year).executeTakeFirst();
  return {
    yearClosed: !!closed,
    rule: rule ? { active: rule.active, appliesTo: rule.applies_to, points: rule.points, yearlyCap: rule.yearly_cap, oncePerYear: rule.once_per_year } : null,
    otherEntryThisYear: await otherEntryThisYear(ruleCode, memberId, year, sourceId),
    memberIsCpc: member.affiliation === '中共党员',
    usedThisYear: Number(used.n),
    existing: existing ? { points: existing.points } : null,
  };
}

/** 数据库那边的结果，写成与纯函数相同的形状 */
async function viaDatabase(ruleCode: string, memberId: string, year: number, sourceId: string, points?: number): Promise<AwardDecision> {
  try {
    const r = await db
      .transaction()
      .execute((trx) =>
        awardPoints(trx, { orgId: org.orgId, memberId, ruleCode, source: { kind: 'test', id: sourceId, title: '一致性测试' }, at: AT, year, points }),
      );
    if (r.status === 'not_applicable') return { status: 'not_applicable', reason: r.reason };
    if (r.status === 'duplicate') return { status: 'duplicate', points: r.points };
    if (r.status === 'once_a_year') return { status: 'once_a_year' };
    const entry = await db.selectFrom('points_entry').select('requested_points').where('id', '=', r.entryId).executeTakeFirstOrThrow();
    return { status: r.status, points: r.points, requested: entry.requested_points };
  } catch (err) {
    if (err instanceof AppError && (err.code === 'POINTS.YEAR_CLOSED' || err.code === 'POINTS.RULE_NOT_FOUND')) return { status: 'error', code: err.code };
    throw err;
  }
}

test.each(SCENARIOS)('%s：数据库函数与纯函数结果相同', async (_label, s) => {
  const ruleCode = `test.${randomUUID().slice(0, 8)}`;
  const year = s.closed ? 2020 : YEAR;
  const memberId = org.members[s.who].id;
  const sourceId = randomUUID();
  if (s.rule) {
    await db
      .insertInto('points_rule')
      .values({
        org_id: org.orgId,
        code: ruleCode,
        version: 1,
        name: '测试规则',
        track: 'party',
        category: '学习',
        basis: 'manual',
        points: s.rule.points,
        min_points: null,
        max_points: null,
        yearly_cap: s.rule.yearlyCap,
        applies_to: s.rule.appliesTo,
        active: s.rule.active ?? true,
        once_per_year: s.rule.oncePerYear ?? false,
        created_by: null,
        superseded_at: null,
      })
      .execute();
  }
  for (const p of s.before ?? []) await viaDatabase(ruleCode, memberId, year, randomUUID(), p);
  if (s.sameSourceBefore) await viaDatabase(ruleCode, memberId, year, sourceId);
  if (s.closed)
    await db
      .insertInto('points_year')
      .values({ org_id: org.orgId, year, closed_at: AT, closed_by: org.members.admin.id })
      .onConflict((oc) => oc.doNothing())
      .execute();

  const expected = decideAward(await stateOf(ruleCode, memberId, year, sourceId), s.points);
  expect(await viaDatabase(ruleCode, memberId, year, sourceId, s.points)).toEqual(expected);
});
