import { AppError, type PointsLedgerView } from '@tongxin/shared-types';
import type { DB } from '../../cloudfunctions/src/db/connect';
import { pointsFunction } from '../../cloudfunctions/src/functions/points';
import { awardPoints, reverseEntry } from '../../cloudfunctions/src/functions/points/ledger';
import { makeDeps, useTestDb } from '../support/db';
import { type FixtureOrg, createFixtureOrg } from '../support/fixture-org';

const t = useTestDb();
let db: DB;
beforeAll(() => {
  db = t.db();
});

const NOW = '2026-11-26T09:00:00+08:00';
const at = new Date(NOW);
const call = (openid: string, action: string, data?: unknown, now = NOW) => pointsFunction.handle({ action, data }, openid, makeDeps(db, now).deps);
const award = (org: FixtureOrg, memberId: string, ruleCode: string, sourceId: string, when = at) =>
  db
    .transaction()
    .execute((trx) => awardPoints(trx, { orgId: org.orgId, memberId, ruleCode, source: { kind: 'event', id: sourceId, title: `会议${sourceId}` }, at: when }));
const errorCode = async (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e) => (e instanceof AppError ? e.code : String(e)),
  );

async function mine(org: FixtureOrg, openid: string, year?: number): Promise<PointsLedgerView> {
  const res = await call(openid, 'mine', year ? { year } : undefined);
  if (!res.ok) throw new Error(JSON.stringify(res.error));
  return res.data as PointsLedgerView;
}
const total = (l: PointsLedgerView, track: 'party' | 'duty') => l.totals.find((x) => x.track === track)?.total;

describe('记分：幂等与年度上限（并发）', () => {
  test('同一来源并发记分 50 次，只记一条', async () => {
    const org = await createFixtureOrg(db);
    const results = await Promise.all(Array.from({ length: 50 }, () => award(org, org.members.cpc.id, 'party.study', 'same-source')));
    expect(results.filter((r) => r.status === 'awarded')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'duplicate')).toHaveLength(49);
    // 重复的那些都指回同一条记录，分值也是它的
    const first = results.find((r) => r.status === 'awarded') as { entryId: string };
    expect(results.every((r) => 'entryId' in r && r.entryId === first.entryId && r.points === 2)).toBe(true);
    const rows = await db.selectFrom('points_entry').select('points').where('org_id', '=', org.orgId).where('member_id', '=', org.members.cpc.id).execute();
    expect(rows).toEqual([{ points: 2 }]);
  });

  test('并发记分越过年度上限时，合计永不超过上限，超出的记 0 并留痕', async () => {
    const org = await createFixtureOrg(db);
    await Promise.all(Array.from({ length: 20 }, (_, i) => award(org, org.members.cpc.id, 'party.study', `study-${i}`)));
    const ledger = await mine(org, org.members.cpc.openid);
    const study = ledger.totals.find((x) => x.track === 'party')!.categories.find((c) => c.category === '学习')!;
    expect(study.total).toBe(12);
    expect(ledger.entries).toHaveLength(20);
    expect(ledger.entries.filter((e) => e.points === 0)).toHaveLength(14);
    expect(ledger.entries.find((e) => e.points === 0)!.explanation).toContain('因已达年度上限 12 分，实记 0 分');
  });

  test('显示的合计永远等于流水之和', async () => {
    const org = await createFixtureOrg(db);
    for (let i = 0; i < 4; i++) await award(org, org.members.cpc.id, 'party.meeting', `m-${i}`);
    await award(org, org.members.cpc.id, 'duty.plenary', 'plenary-1');
    await award(org, org.members.cpc.id, 'duty.absence_unexcused', 'plenary-2');
    const ledger = await mine(org, org.members.cpc.openid);
    for (const track of ['party', 'duty'] as const) {
      const sum = ledger.entries.filter((e) => e.track === track).reduce((s, e) => s + e.points, 0);
      expect(total(ledger, track)).toBe(sum);
      const totals = ledger.totals.find((x) => x.track === track)!;
      expect(totals.categories.reduce((s, c) => s + c.total, 0)).toBe(sum);
    }
    expect(total(ledger, 'party')).toBe(12);
    expect(total(ledger, 'duty')).toBe(5 - 30);
  });

  test('党员积分规则对非中共党员不适用，不留记录', async () => {
    const org = await createFixtureOrg(db);
    const r = await award(org, org.members.nonCpc.id, 'party.study', 'x');
    expect(r.status).toBe('not_applicable');
    const ledger = await mine(org, org.members.nonCpc.openid);
    expect(ledger.entries).toHaveLength(0);
    expect(ledger.totals.map((x) => x.track)).toEqual(['duty']);
  });
});

describe('冲正与关账', () => {
  test('冲正恰好恢复合计，并腾出年度上限的额度；同一条不能冲正两次', async () => {
    const org = await createFixtureOrg(db);
    for (let i = 0; i < 6; i++) await award(org, org.members.cpc.id, 'party.study', `s-${i}`);
    const before = await mine(org, org.members.cpc.openid);
    const first = before.entries.find((e) => e.source.id === 's-0')!;
    const res = await call(org.members.admin.openid, 'reverse', { entryId: first.id, reason: '签到记录有误，当天请假' });
    expect(res.ok).toBe(true);
    const after = await mine(org, org.members.cpc.openid);
    expect(total(after, 'party')).toBe(total(before, 'party')! - 2);
    expect(after.entries.find((e) => e.id === first.id)!.reversedByEntryId).toEqual(expect.any(String));
    const refilled = await award(org, org.members.cpc.id, 'party.study', 's-6');
    expect('points' in refilled ? refilled.points : null).toBe(2);
    const again = await call(org.members.admin.openid, 'reverse', { entryId: first.id, reason: '再冲一次' });
    expect(again.ok ? 'ok' : again.error.code).toBe('POINTS.ALREADY_REVERSED');
  });

  test('年初补记上一年度的评定：记入上一年度（合计与上限都按那一年），记录时间是真实的；更早、将来的年度与已关账的年度都拒绝', async () => {
    const org = await createFixtureOrg(db);
    const jan = '2026-01-08T10:00:00+08:00';
    const adj = await call(
      org.members.secB.openid,
      'adjust',
      { memberId: org.members.cpc.id, ruleCode: 'party.conduct', points: 3, reason: '去年十二月志愿服务', year: 2025 },
      jan,
    );
    expect(adj.ok).toBe(true);
    const row = await db
      .selectFrom('points_entry')
      .select(['year', 'created_at'])
      .where('org_id', '=', org.orgId)
      .where('member_id', '=', org.members.cpc.id)
      .executeTakeFirstOrThrow();
    expect(row.year).toBe(2025);
    expect(new Date(row.created_at).toISOString()).toBe(new Date(jan).toISOString());
    expect(total(await mine(org, org.members.cpc.openid, 2025), 'party')).toBe(3);
    expect(total(await mine(org, org.members.cpc.openid, 2026), 'party') ?? 0).toBe(0);
    const codeOf = (r: Awaited<ReturnType<typeof call>>) => (r.ok ? 'ok' : r.error.code);
    const base = { memberId: org.members.cpc.id, ruleCode: 'party.conduct', points: 1, reason: '补记' };
    expect(codeOf(await call(org.members.secB.openid, 'adjust', { ...base, year: 2024 }, jan))).toBe('POINTS.YEAR_NOT_OPEN');
    expect(codeOf(await call(org.members.secB.openid, 'adjust', { ...base, year: 2027 }, jan))).toBe('POINTS.YEAR_NOT_OPEN');
    expect((await call(org.members.admin.openid, 'closeYear', { year: 2025 }, jan)).ok).toBe(true);
    expect(codeOf(await call(org.members.secB.openid, 'adjust', { ...base, year: 2025 }, jan))).toBe('POINTS.YEAR_CLOSED');
    expect(codeOf(await call(org.members.secB.openid, 'adjust', base, jan))).toBe('ok');
  });

  test('关账后不能再记分；只有管理员写明原因的冲正可以改动', async () => {
    const org = await createFixtureOrg(db);
    const last = new Date('2025-12-10T10:00:00+08:00');
    await award(org, org.members.cpc.id, 'party.study', 'old', last);
    const adj = await call(
      org.members.secB.openid,
      'adjust',
      { memberId: org.members.cpc.id, ruleCode: 'party.conduct', points: 3, reason: '志愿服务' },
      '2025-12-20T10:00:00+08:00',
    );
    expect(adj.ok).toBe(true);
    expect((await call(org.members.admin.openid, 'closeYear', { year: 2026 })).ok ? 'ok' : 'refused').toBe('refused');
    expect((await call(org.members.admin.openid, 'closeYear', { year: 2025 })).ok).toBe(true);
    expect(await errorCode(award(org, org.members.cpc.id, 'party.study', 'late', last))).toBe('POINTS.YEAR_CLOSED');
    const entryId = (adj as { data: { id: string } }).data.id;
    const bySecretary = await call(org.members.secB.openid, 'reverse', { entryId, reason: '评定有误' });
    expect(bySecretary.ok ? 'ok' : bySecretary.error.code).toBe('POINTS.YEAR_CLOSED');
    const byAdmin = await call(org.members.admin.openid, 'reverse', { entryId, reason: '复核后撤销评定' });
    expect(byAdmin.ok).toBe(true);
    const ledger = await mine(org, org.members.cpc.openid, 2025);
    expect(ledger.yearClosed).toBe(true);
    expect(total(ledger, 'party')).toBe(2);
  });

  test('流水在数据库层面只能追加', async () => {
    const org = await createFixtureOrg(db);
    await award(org, org.members.cpc.id, 'party.study', 'a');
    await expect(db.updateTable('points_entry').set({ points: 100 }).where('org_id', '=', org.orgId).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('points_entry').where('org_id', '=', org.orgId).execute()).rejects.toThrow(/append-only/);
  });

  test('冲正函数拒绝冲正冲正记录', async () => {
    const org = await createFixtureOrg(db);
    const r = await award(org, org.members.cpc.id, 'party.study', 'a');
    if (!('entryId' in r)) throw new Error('应当记分');
    const op = { id: org.members.admin.id, name: '管理员甲' };
    const rev = await db
      .transaction()
      .execute((trx) => reverseEntry(trx, { orgId: org.orgId, entryId: r.entryId, reason: '错记', operator: op, at, allowClosedYear: false }));
    expect(
      await errorCode(
        db.transaction().execute((trx) => reverseEntry(trx, { orgId: org.orgId, entryId: rev, reason: '再冲', operator: op, at, allowClosedYear: false })),
      ),
    ).toBe('POINTS.NOT_REVERSIBLE');
  });
});

describe('规则表', () => {
  test('改规则只影响以后的记分；旧记录保留原规则的分值与名称', async () => {
    const org = await createFixtureOrg(db);
    await award(org, org.members.cpc.id, 'party.meeting', 'before');
    const saved = await call(org.members.admin.openid, 'saveRule', {
      code: 'party.meeting',
      name: '三会一课出席',
      track: 'party',
      category: '履责',
      basis: 'attendance',
      points: 4,
      yearlyCap: 16,
      appliesTo: 'cpc',
    });
    expect(saved.ok && (saved.data as { version: number }).version).toBe(2);
    await award(org, org.members.cpc.id, 'party.meeting', 'after');
    const ledger = await mine(org, org.members.cpc.openid);
    const bySource = Object.fromEntries(ledger.entries.map((e) => [e.source.id, e]));
    expect(bySource.before.points).toBe(3);
    expect(bySource.before.ruleName).toBe('三会一课');
    expect(bySource.after.points).toBe(4);
    expect(bySource.after.explanation).toContain('年度上限 16 分，已用 7 分');
    const history = await call(org.members.admin.openid, 'rules', { includeHistory: true });
    expect(history.ok && (history.data as Array<{ code: string }>).filter((r) => r.code === 'party.meeting')).toHaveLength(2);
  });

  test.each(['学习在线时长', '文章点赞', '转发次数'])('不能以“%s”为依据建规则', async (name) => {
    const org = await createFixtureOrg(db);
    const res = await call(org.members.admin.openid, 'saveRule', {
      code: 'party.bad',
      name,
      track: 'party',
      category: '学习',
      basis: 'attendance',
      points: 1,
      appliesTo: 'cpc',
    });
    expect(res.ok ? 'ok' : res.error.code).toBe('INVALID_PARAMETER');
    expect(res.ok ? '' : res.error.message).toContain('国办函');
  });

  test('已有规则不能改积分类别', async () => {
    const org = await createFixtureOrg(db);
    const res = await call(org.members.admin.openid, 'saveRule', {
      code: 'party.study',
      name: '集中学习',
      track: 'duty',
      category: '履职',
      basis: 'attendance',
      points: 2,
      appliesTo: 'all',
    });
    expect(res.ok ? 'ok' : res.error.code).toBe('POINTS.RULE_TRACK_FIXED');
  });
});

describe('书记评定与申诉', () => {
  test('书记评定本支部成员的品行分，必须在范围内；不能评定履职积分，也不能评定其他支部的人', async () => {
    const org = await createFixtureOrg(db);
    const sec = org.members.secB.openid;
    const ok = await call(sec, 'adjust', { memberId: org.members.cpc.id, ruleCode: 'party.conduct', points: -2, reason: '无故缺席主题党日' });
    expect(ok.ok).toBe(true);
    expect(ok.ok && (ok.data as { explanation: string }).explanation).toContain('由书记乙评定，原因：无故缺席主题党日');
    const outOfRange = await call(sec, 'adjust', { memberId: org.members.cpc.id, ruleCode: 'party.conduct', points: 20, reason: '表现突出' });
    expect(outOfRange.ok ? 'ok' : outOfRange.error.code).toBe('POINTS.ADJUSTMENT_INVALID');
    const duty = await call(sec, 'adjust', { memberId: org.members.cpc.id, ruleCode: 'duty.adjust', points: 5, reason: '表现突出' });
    expect(duty.ok ? 'ok' : duty.error.code).toBe('POINTS.OFFICE_ONLY');
    const other = await call(sec, 'adjust', { memberId: org.members.staff.id, ruleCode: 'party.conduct', points: 1, reason: '表现突出' });
    expect(other.ok ? 'ok' : other.error.code).toBe('FORBIDDEN');
    const auto = await call(org.members.admin.openid, 'adjust', { memberId: org.members.cpc.id, ruleCode: 'party.study', points: 2, reason: '补记' });
    expect(auto.ok ? 'ok' : auto.error.code).toBe('POINTS.ADJUSTMENT_INVALID');
    const noReason = await call(sec, 'adjust', { memberId: org.members.cpc.id, ruleCode: 'party.conduct', points: 1, reason: '' });
    expect(noReason.ok ? 'ok' : noReason.error.code).toBe('INVALID_PARAMETER');
  });

  test('成员对评定提出申诉，由评定人以外的人答复（办公室采纳后原记录被冲正），本人看得到答复', async () => {
    const org = await createFixtureOrg(db);
    const adj = await call(org.members.secB.openid, 'adjust', { memberId: org.members.cpc.id, ruleCode: 'party.conduct', points: -3, reason: '未按时交党费' });
    const entryId = (adj as { data: { id: string } }).data.id;
    const appeal = await call(org.members.cpc.openid, 'appeal', { entryId, reason: '党费已于当月补交，有收据' });
    expect(appeal.ok).toBe(true);
    const dup = await call(org.members.cpc.openid, 'appeal', { entryId, reason: '再次申诉这一条' });
    expect(dup.ok ? 'ok' : dup.error.code).toBe('CONFLICT');
    const list = await call(org.members.secB.openid, 'listAppeals', { status: 'pending' });
    const appealId = (list as { data: { items: Array<{ id: string; entryId: string }> } }).data.items.find((a) => a.entryId === entryId)!.id;
    const otherSecretary = await call(org.members.secA.openid, 'answerAppeal', { appealId, accept: true, answer: '同意' });
    expect(otherSecretary.ok ? 'ok' : otherSecretary.error.code).toBe('FORBIDDEN');
    const byAssessor = await call(org.members.secB.openid, 'answerAppeal', { appealId, accept: false, answer: '维持原评定' });
    expect(byAssessor.ok ? 'ok' : byAssessor.error.code).toBe('POINTS.OWN_ENTRY');
    const answered = await call(org.members.admin.openid, 'answerAppeal', { appealId, accept: true, answer: '核实已补交，撤销扣分' });
    expect(answered.ok).toBe(true);
    const ledger = await mine(org, org.members.cpc.openid);
    expect(total(ledger, 'party')).toBe(0);
    const entry = ledger.entries.find((e) => e.id === entryId)!;
    expect(entry.appeal).toMatchObject({
      status: 'accepted',
      answer: '核实已补交，撤销扣分',
      answeredByName: '管理员甲',
      entryReason: '未按时交党费',
      entryOperatorName: '书记乙',
    });
    expect(entry.reversedByEntryId).not.toBeNull();
  });

  test('不能给自己评定，也不能答复自己的申诉；每条记录只能申诉一次', async () => {
    const org = await createFixtureOrg(db);
    const self = await call(org.members.secB.openid, 'adjust', { memberId: org.members.secB.id, ruleCode: 'party.conduct', points: 5, reason: '自我表扬一下' });
    expect(self.ok ? 'ok' : self.error.code).toBe('POINTS.SELF');
    const adj = await call(org.members.admin.openid, 'adjust', { memberId: org.members.secB.id, ruleCode: 'party.conduct', points: -2, reason: '会议迟到' });
    const entryId = (adj as { data: { id: string } }).data.id;
    const appeal = await call(org.members.secB.openid, 'appeal', { entryId, reason: '当天有公务冲突，已事先报备' });
    const appealId = (appeal as { data: { id: string } }).data.id;
    const own = await call(org.members.secB.openid, 'answerAppeal', { appealId, accept: true, answer: '同意' });
    expect(own.ok ? 'ok' : own.error.code).toBe('POINTS.SELF');
    // 评定人（管理员甲）也不答复：由办公室的另一位管理员答复
    const byAssessor = await call(org.members.admin.openid, 'answerAppeal', { appealId, accept: false, answer: '报备记录未找到' });
    expect(byAssessor.ok ? 'ok' : byAssessor.error.code).toBe('POINTS.OWN_ENTRY');
    await db.insertInto('member_role').values({ org_id: org.orgId, member_id: org.members.secA.id, role: 'admin' }).execute();
    expect((await call(org.members.secA.openid, 'answerAppeal', { appealId, accept: false, answer: '报备记录未找到' })).ok).toBe(true);
    const ledger = await mine(org, org.members.secB.openid);
    expect(ledger.entries.find((e) => e.id === entryId)!.appealable).toBe(false);
    const again = await call(org.members.secB.openid, 'appeal', { entryId, reason: '再次申诉，请复核' });
    expect(again.ok ? 'ok' : again.error.code).toBe('CONFLICT');
  });

  test('自动记分与别人的记录不能申诉', async () => {
    const org = await createFixtureOrg(db);
    const r = await award(org, org.members.cpc.id, 'party.study', 'auto');
    const entryId = 'entryId' in r ? r.entryId : '';
    const auto = await call(org.members.cpc.openid, 'appeal', { entryId, reason: '我觉得应该多给分' });
    expect(auto.ok ? 'ok' : auto.error.code).toBe('POINTS.NOT_APPEALABLE');
    const others = await call(org.members.nonCpc.openid, 'appeal', { entryId, reason: '替别人申诉一下' });
    expect(others.ok ? 'ok' : others.error.code).toBe('NOT_FOUND');
  });
});

describe('五个一与可见范围', () => {
  test('登记民生实事后，五个一显示完成及其来源', async () => {
    const org = await createFixtureOrg(db);
    const res = await call(org.members.admin.openid, 'recordFiveOne', {
      memberId: org.members.nonCpc.id,
      item: 'livelihood',
      title: '为社区加装电梯牵线',
      date: '2026-06-01',
    });
    expect(res.ok).toBe(true);
    const ledger = await mine(org, org.members.nonCpc.openid);
    expect(ledger.fiveOne.find((f) => f.item === 'livelihood')).toMatchObject({
      done: true,
      fulfilledBy: [expect.objectContaining({ title: '为社区加装电梯牵线' })],
    });
    expect(ledger.fiveOne.filter((f) => f.done)).toHaveLength(1);
  });

  test('他人积分默认不公开；办公室开启汇总后只看到支部汇总；开启个人后看到个人', async () => {
    const org = await createFixtureOrg(db);
    await award(org, org.members.cpc.id, 'party.study', 'a');
    const closed = await call(org.members.nonCpc.openid, 'overview');
    expect(closed.ok ? 'ok' : closed.error.code).toBe('POINTS.NOT_PUBLIC');
    expect((await call(org.members.admin.openid, 'overview')).ok).toBe(true);
    await call(org.members.admin.openid, 'setVisibility', { visibility: 'branch_aggregate' });
    const agg = await call(org.members.nonCpc.openid, 'overview');
    expect(agg.ok && (agg.data as { individuals: unknown }).individuals).toBeNull();
    const branchB =
      agg.ok &&
      (agg.data as { branches: Array<{ branchId: string; averageParty: number; members: number }> }).branches.find((b) => b.branchId === org.branches.B);
    expect(branchB).toMatchObject({ members: 2, averageParty: 1 });
    await call(org.members.admin.openid, 'setVisibility', { visibility: 'individual' });
    const ind = await call(org.members.nonCpc.openid, 'overview');
    const people = ind.ok ? (ind.data as { individuals: Array<{ name: string; party: number | null }> }).individuals : [];
    expect(people.length).toBeGreaterThan(0);
    // 非管理员看不到党员积分（会暴露政治面貌）
    expect(people.every((p) => p.party === null)).toBe(true);
  });
});
