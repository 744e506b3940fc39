/**
 * 谁可以让谁的积分发生变化（domain/points-authority.ts）与规则的限度（award_points），按书记、成员会做的那样重放：
 * 每一次都以清楚的错误码拒绝，什么也不改，台账里什么也不留。
 */
import { type PointsAppealView, type PointsLedgerView } from '@tongxin/shared-types';
import { sql } from 'kysely';
import type { DB } from '../../cloudfunctions/src/db/connect';
import { applyDefaultRuleLimits } from '../../cloudfunctions/src/db/migrations/010_rule_limits';
import { pointsFunction } from '../../cloudfunctions/src/functions/points';
import { awardPoints } from '../../cloudfunctions/src/functions/points/ledger';
import { orgSnapshot } from '../support/call';
import { makeDeps, useTestDb } from '../support/db';
import { type FixtureOrg, createFixtureOrg } from '../support/fixture-org';

const t = useTestDb();
let db: DB;
beforeAll(() => {
  db = t.db();
});

const NOW = '2026-11-26T09:00:00+08:00';
const call = (openid: string, action: string, data?: unknown, now = NOW) => pointsFunction.handle({ action, data }, openid, makeDeps(db, now).deps);
const codeOf = (r: Awaited<ReturnType<typeof call>>) => (r.ok ? 'OK' : r.error.code);
async function ok<T>(openid: string, action: string, data?: unknown, now = NOW): Promise<T> {
  const r = await call(openid, action, data, now);
  if (!r.ok) throw new Error(`${action}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}

/** 调用应被拒绝：得到 code，组织的每张表前后一样（台账、申诉、五个一、审计都没有新行） */
async function refused(org: FixtureOrg, code: string, openid: string, action: string, data: unknown, now = NOW) {
  const before = await orgSnapshot(db, org.orgId);
  const res = await call(openid, action, data, now);
  expect(codeOf(res)).toBe(code);
  expect(await orgSnapshot(db, org.orgId)).toEqual(before);
}

const total = (l: PointsLedgerView, track: 'party' | 'duty') => l.totals.find((x) => x.track === track)?.total ?? 0;

describe('谁也不能对自己动手', () => {
  test('书记冲正办公室对他本人的扣分：POINTS.SELF', async () => {
    const org = await createFixtureOrg(db);
    const entry = await ok<{ id: string }>(org.members.admin.openid, 'adjust', {
      memberId: org.members.secB.id,
      ruleCode: 'party.conduct',
      points: -5,
      reason: '无故缺席组织生活会',
    });
    await refused(org, 'POINTS.SELF', org.members.secB.openid, 'reverse', { entryId: entry.id, reason: '当天有公务' });
    // 办公室也不冲正自己的记录
    const own = await ok<{ id: string }>(org.members.secA.openid, 'adjust', {
      memberId: org.members.admin.id,
      ruleCode: 'party.conduct',
      points: -1,
      reason: '迟到',
    });
    await refused(org, 'POINTS.SELF', org.members.admin.openid, 'reverse', { entryId: own.id, reason: '当天有会' });
  });

  test('书记为自己登记五个一：POINTS.SELF；为别人登记只收开着的年度', async () => {
    const org = await createFixtureOrg(db);
    const sec = org.members.secB.openid;
    const item = { item: 'livelihood', title: '帮扶社区养老' };
    await refused(org, 'POINTS.SELF', sec, 'recordFiveOne', { memberId: org.members.secB.id, ...item, date: '2026-11-20' });
    await refused(org, 'POINTS.YEAR_NOT_OPEN', sec, 'recordFiveOne', { memberId: org.members.cpc.id, ...item, date: '2001-05-01' });
    await refused(org, 'POINTS.FUTURE_DATE', sec, 'recordFiveOne', { memberId: org.members.cpc.id, ...item, date: '2099-05-01' });
    await refused(org, 'POINTS.FUTURE_DATE', sec, 'recordFiveOne', { memberId: org.members.cpc.id, ...item, date: '2026-12-01' });
    expect(codeOf(await call(sec, 'recordFiveOne', { memberId: org.members.cpc.id, ...item, date: '2026-11-20' }))).toBe('OK');
    // 年初补记上一年度可以；上一年度关账后不行
    const jan = '2027-01-10T10:00:00+08:00';
    expect(codeOf(await call(sec, 'recordFiveOne', { memberId: org.members.cpc.id, ...item, title: '年底的民生实事', date: '2026-12-28' }, jan))).toBe('OK');
    await ok(org.members.admin.openid, 'closeYear', { year: 2026 }, jan);
    await refused(org, 'POINTS.YEAR_CLOSED', sec, 'recordFiveOne', { memberId: org.members.cpc.id, ...item, title: '又一件', date: '2026-12-29' }, jan);
  });

  test('给自己评定：书记与办公室都是 POINTS.SELF', async () => {
    const org = await createFixtureOrg(db);
    await refused(org, 'POINTS.SELF', org.members.secB.openid, 'adjust', {
      memberId: org.members.secB.id,
      ruleCode: 'party.conduct',
      points: 5,
      reason: '自我表扬',
    });
    await refused(org, 'POINTS.SELF', org.members.admin.openid, 'adjust', {
      memberId: org.members.admin.id,
      ruleCode: 'duty.adjust',
      points: 5,
      reason: '自我表扬',
    });
  });
});

describe('申诉由评定人以外的人答复，答复时看得到原来的理由', () => {
  test('评定人答复对自己评定的申诉：POINTS.OWN_ENTRY；办公室可以；申诉里带着原评定理由', async () => {
    const org = await createFixtureOrg(db);
    const entry = await ok<{ id: string }>(org.members.secB.openid, 'adjust', {
      memberId: org.members.cpc.id,
      ruleCode: 'party.conduct',
      points: -3,
      reason: '未参加主题党日',
    });
    const appeal = await ok<PointsAppealView>(org.members.cpc.openid, 'appeal', { entryId: entry.id, reason: '当天请过假，有支部群记录' });
    expect(appeal).toMatchObject({ entryReason: '未参加主题党日', entryOperatorId: org.members.secB.id, entryOperatorName: '书记乙' });
    const listed = await ok<{ items: PointsAppealView[] }>(org.members.secB.openid, 'listAppeals', { status: 'pending' });
    expect(listed.items.find((a) => a.id === appeal.id)).toMatchObject({ reason: '当天请过假，有支部群记录', entryReason: '未参加主题党日' });
    await refused(org, 'POINTS.OWN_ENTRY', org.members.secB.openid, 'answerAppeal', { appealId: appeal.id, accept: false, answer: '维持原评定' });
    expect(codeOf(await call(org.members.admin.openid, 'answerAppeal', { appealId: appeal.id, accept: true, answer: '请假属实，撤销扣分' }))).toBe('OK');
  });

  test('书记不能借答复申诉冲正办公室的履职评定：POINTS.OFFICE_ONLY', async () => {
    const org = await createFixtureOrg(db);
    const entry = await ok<{ id: string }>(org.members.admin.openid, 'adjust', {
      memberId: org.members.cpc.id,
      ruleCode: 'duty.adjust',
      points: -10,
      reason: '未按时报送材料',
    });
    const appeal = await ok<PointsAppealView>(org.members.cpc.openid, 'appeal', { entryId: entry.id, reason: '材料已按时报送，有回执' });
    await refused(org, 'POINTS.OFFICE_ONLY', org.members.secB.openid, 'answerAppeal', { appealId: appeal.id, accept: true, answer: '同意' });
  });
});

describe('规则带着自己的限度，由台账执行', () => {
  const evaluation = (org: FixtureOrg, points = 10, year?: number) => ({
    memberId: org.members.cpc.id,
    ruleCode: 'party.evaluation',
    points,
    reason: '年度民主评议优秀',
    ...(year ? { year } : {}),
  });

  test('民主评议每年一次：第二次 POINTS.ONCE_A_YEAR；冲正后可以重记；上一年度另算', async () => {
    const org = await createFixtureOrg(db);
    const first = await ok<{ id: string }>(org.members.secB.openid, 'adjust', evaluation(org));
    await refused(org, 'POINTS.ONCE_A_YEAR', org.members.secB.openid, 'adjust', evaluation(org, 5));
    await refused(org, 'POINTS.ONCE_A_YEAR', org.members.admin.openid, 'adjust', evaluation(org, 10));
    expect(codeOf(await call(org.members.secB.openid, 'adjust', evaluation(org, 5, 2025)))).toBe('OK');
    await ok(org.members.admin.openid, 'reverse', { entryId: first.id, reason: '评议结果录错了' });
    expect(codeOf(await call(org.members.secB.openid, 'adjust', evaluation(org, 5)))).toBe('OK');
    const ledger = await ok<PointsLedgerView>(org.members.cpc.openid, 'mine');
    expect(
      ledger.entries
        .filter((e) => e.ruleCode === 'party.evaluation')
        .map((e) => e.points)
        .sort(),
    ).toEqual([-10, 10, 5].sort());
  });

  test('并发评定民主评议 10 次，只记一次', async () => {
    const org = await createFixtureOrg(db);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => call(i % 2 ? org.members.secB.openid : org.members.admin.openid, 'adjust', evaluation(org, 10 - (i % 3)))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map(codeOf)).toEqual(Array(9).fill('POINTS.ONCE_A_YEAR'));
    const rows = await db.selectFrom('points_entry').select('id').where('org_id', '=', org.orgId).where('rule_code', '=', 'party.evaluation').execute();
    expect(rows).toHaveLength(1);
  });

  test('默认规则表：履职活动每年最多 40 分，全体会议、常委会议每年最多 60 分', async () => {
    const org = await createFixtureOrg(db);
    const at = new Date(NOW);
    const award = (ruleCode: string, i: number) =>
      db.transaction().execute((trx) =>
        awardPoints(trx, {
          orgId: org.orgId,
          memberId: org.members.nonCpc.id,
          ruleCode,
          source: { kind: 'event', id: `${ruleCode}-${i}`, title: `活动${i}` },
          at,
        }),
      );
    for (let i = 0; i < 10; i++) await award('duty.activity', i);
    for (let i = 0; i < 14; i++) await award('duty.plenary', i);
    const ledger = await ok<PointsLedgerView>(org.members.nonCpc.openid, 'mine');
    const sum = (code: string) => ledger.entries.filter((e) => e.ruleCode === code).reduce((s, e) => s + e.points, 0);
    expect(sum('duty.activity')).toBe(40);
    expect(sum('duty.plenary')).toBe(60);
    expect(total(ledger, 'duty')).toBe(100);
  });

  test('已有政协的规则（迁移 010）：新增一个带限度的版本；办公室自己设过的上限不动', async () => {
    const org = await createFixtureOrg(db);
    // 回到迁移前的样子：没有上限、民主评议不限次数；全体会议的上限是办公室自己设的 100
    await sql`UPDATE points_rule SET yearly_cap = NULL WHERE org_id = ${org.orgId}::uuid AND code = 'duty.activity'`.execute(db);
    await sql`UPDATE points_rule SET once_per_year = false WHERE org_id = ${org.orgId}::uuid AND code = 'party.evaluation'`.execute(db);
    await sql`UPDATE points_rule SET yearly_cap = 100 WHERE org_id = ${org.orgId}::uuid AND code = 'duty.plenary'`.execute(db);
    await applyDefaultRuleLimits(db, org.orgId);
    const rows = await db
      .selectFrom('points_rule')
      .select(['code', 'version', 'yearly_cap', 'once_per_year', 'superseded_at'])
      .where('org_id', '=', org.orgId)
      .where('code', 'in', ['duty.activity', 'party.evaluation', 'duty.plenary'])
      .orderBy('code')
      .orderBy('version')
      .execute();
    expect(rows.map((r) => [r.code, r.version, r.yearly_cap, r.once_per_year, r.superseded_at !== null])).toEqual([
      ['duty.activity', 1, null, false, true],
      ['duty.activity', 2, 40, false, false],
      ['duty.plenary', 1, 100, false, false],
      ['party.evaluation', 1, null, false, true],
      ['party.evaluation', 2, null, true, false],
    ]);
  });
});
