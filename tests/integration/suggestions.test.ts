/**
 * 建言的办理：提案带联名、立案编号、交办、答复与见面、不满意退回重新办理、再评价；每一步的分、五个一、统计与通知；
 * 社情民意的采用与批示；撤回冲正。越权与非法的每一步都被拒绝且什么也不改（见 suggestions-security.test.ts）。
 */
import type { FiveOneItem, PointsLedgerView, SuggestionStats, SuggestionView, TodoList } from '@tongxin/shared-types';
import ExcelJS from 'exceljs';
import type { DB } from '../../cloudfunctions/src/db/connect';
import { type Client, client, orgSnapshot } from '../support/call';
import { useTestDb } from '../support/db';
import { type FixtureOrg, createFixtureOrg } from '../support/fixture-org';

jest.setTimeout(60_000);
const t = useTestDb();
let db: DB;
let org: FixtureOrg;
let c: Client;
beforeEach(async () => {
  db = t.db();
  org = await createFixtureOrg(db);
  c = client(db, '2027-01-05T09:00:00+08:00');
});

const PROPOSAL = {
  kind: 'proposal',
  title: '关于加快老旧小区加装电梯的建议',
  reasons: '老旧小区老年人多，上下楼困难，加装电梯进度慢。',
  proposals: '简化审批流程，设立专项补贴，推广代建模式。',
  category: '城乡建设',
};

/** 某人本年度的履职积分（按来源） */
async function dutyEntries(openid: string): Promise<Array<{ rule: string; points: number }>> {
  const ledger = await c.ok(openid, 'points', 'mine', {});
  return (ledger as PointsLedgerView).entries.filter((e) => e.track === 'duty').map((e) => ({ rule: e.ruleCode, points: e.points }));
}
async function fiveOne(memberId: string, item: FiveOneItem): Promise<number> {
  const r = await db
    .selectFrom('five_one_fulfilment')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', org.orgId)
    .where('member_id', '=', memberId)
    .where('item', '=', item)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
const stats = () => c.ok(org.members.admin.openid, 'suggestions', 'stats', { from: '2027-01-01', to: '2027-12-31' }) as Promise<SuggestionStats>;
const todoKinds = async (openid: string) => ((await c.ok(openid, 'home', 'todos')) as TodoList).items.map((i) => i.kind);

describe('一件提案从起草到办结', () => {
  test('联名、立案编号、交办、答复与见面、不满意退回、再评价满意；每一步的分、五个一、统计、待办都对', async () => {
    const author = org.members.cpc;
    const cosigner = org.members.nonCpc;
    const admin = org.members.admin.openid;
    const unit = org.units.lead;

    // 1. 起草、邀请联名：联名人首页出现待办
    const draft = await c.ok(author.openid, 'suggestions', 'saveDraft', PROPOSAL);
    expect(draft.status).toBe('draft');
    await c.ok(author.openid, 'suggestions', 'invite', { id: draft.id, memberIds: [cosigner.id, org.members.secB.id] });
    expect(await todoKinds(cosigner.openid)).toContain('answerCosign');

    // 2. 一位同意、一位谢绝；同意后待办消失
    await c.ok(cosigner.openid, 'suggestions', 'answerInvite', { id: draft.id, accept: true });
    await c.ok(org.members.secB.openid, 'suggestions', 'answerInvite', { id: draft.id, accept: false });
    expect(await todoKinds(cosigner.openid)).not.toContain('answerCosign');

    // 3. 提交：提案到立案才记分
    const submitted = await c.ok(author.openid, 'suggestions', 'submit', { id: draft.id });
    expect(submitted.status).toBe('submitted');
    expect(await dutyEntries(author.openid)).toEqual([]);

    // 4. 立案：2027 年第 1 号；领衔 +15、确认的联名人 +3，谢绝的什么也没有；五个一记上
    const filed = await c.ok(admin, 'suggestions', 'file', { id: draft.id });
    expect(filed.number).toBe('2027-0001');
    expect(await dutyEntries(author.openid)).toEqual([{ rule: 'duty.proposal_lead', points: 15 }]);
    expect(await dutyEntries(cosigner.openid)).toEqual([{ rule: 'duty.proposal_cosign', points: 3 }]);
    expect(await dutyEntries(org.members.secB.openid)).toEqual([]);
    expect([await fiveOne(author.id, 'proposal'), await fiveOne(cosigner.id, 'proposal'), await fiveOne(org.members.secB.id, 'proposal')]).toEqual([1, 1, 0]);

    // 5. 列为重点 +15；交办：主办发改委、协办教育局，期限缺省 3 个月
    await c.ok(admin, 'suggestions', 'markKey', { id: draft.id });
    const assigned = await c.ok(admin, 'suggestions', 'assign', { id: draft.id, leadUnitId: unit.unitId, coUnitIds: [org.units.other.unitId] });
    expect(assigned.status).toBe('assigned');
    expect(assigned.dueAt).toBe('2027-04-05T15:59:59.999Z');
    expect(assigned.units.map((u) => [u.name, u.lead])).toEqual([
      ['市发展和改革委员会', true],
      ['市教育局', false],
    ]);

    // 6. 承办单位看得到、答复并记见面；提出者收到通知、首页“请评价”
    expect((await c.ok(unit.openid, 'suggestions', 'unitList')).map((s) => s.id)).toEqual([draft.id]);
    await c.ok(unit.openid, 'suggestions', 'meet', { id: draft.id, metOn: '2027-01-04', note: '电话沟通后当面座谈' });
    await c.ok(unit.openid, 'suggestions', 'reply', { id: draft.id, text: '经研究，已将老旧小区加装电梯纳入年度民生实事项目。' });
    expect(await todoKinds(author.openid)).toContain('rateReply');
    let s = await stats();
    expect(s.proposals).toMatchObject({ submitted: 1, reviewed: 1, filed: 1, assigned: 1, replied: 1, repliedOnTime: 1, rated: 0, met: 1 });
    expect(s.rates).toMatchObject({ filing: 100, replied: 100, onTime: 100, satisfaction: null, meeting: 100 });

    // 7. 不满意：退回重新办理（回到办理中），评价待办消失
    const back = await c.ok(author.openid, 'suggestions', 'rate', { id: draft.id, rating: 'unsatisfied' });
    expect([back.status, back.rehandled]).toEqual(['assigned', true]);
    expect(await todoKinds(author.openid)).not.toContain('rateReply');

    // 8. 第二轮答复，评价满意即办结；不能再评
    await c.ok(unit.openid, 'suggestions', 'reply', { id: draft.id, text: '已协调住建部门出台加装电梯补贴办法，试点小区已开工。' });
    const closed = await c.ok(author.openid, 'suggestions', 'rate', { id: draft.id, rating: 'satisfied' });
    expect([closed.status, closed.rating, closed.replies.map((r) => r.round)]).toEqual(['closed', 'satisfied', [1, 2]]);
    expect(await c.code(author.openid, 'suggestions', 'rate', { id: draft.id, rating: 'unsatisfied' })).toBe('SUGGEST.WRONG_STATUS');

    // 9. 评为优秀 +10；积分每条都说得清来源
    await c.ok(admin, 'suggestions', 'markExcellent', { id: draft.id });
    expect(await dutyEntries(author.openid)).toEqual(
      expect.arrayContaining([
        { rule: 'duty.proposal_lead', points: 15 },
        { rule: 'duty.proposal_key', points: 15 },
        { rule: 'duty.proposal_excellent', points: 10 },
      ]),
    );
    const entries = await db
      .selectFrom('points_entry')
      .select(['source_kind', 'source_id', 'source_title'])
      .where('org_id', '=', org.orgId)
      .where('member_id', '=', author.id)
      .execute();
    expect(entries.every((e) => e.source_kind === 'suggestion' && e.source_id === draft.id && e.source_title === PROPOSAL.title)).toBe(true);

    // 10. 历史：每一步都有日期与人
    const view = (await c.ok(author.openid, 'suggestions', 'get', { id: draft.id })) as SuggestionView;
    expect(view.history.map((h) => h.step)).toEqual([
      'create',
      'invite',
      'cosignAccept',
      'cosignDecline',
      'submit',
      'file',
      'markKey',
      'assign',
      'meet',
      'reply',
      'rate',
      'rehandle',
      'reply',
      'rate',
      'markExcellent',
    ]);
    expect(view.history.find((h) => h.step === 'reply')!.actorName).toBe('发改委经办人');
    expect(view.history.find((h) => h.step === 'file')!.actorName).toBe('管理员甲');

    // 11. 每一步告诉了相关的人：提出者与确认的联名人收到立案、交办的通知；谢绝的人没有
    const notices = await db
      .selectFrom('notification')
      .select(['member_id', 'title'])
      .where('org_id', '=', org.orgId)
      .where('kind', '=', 'suggestion.progress')
      .execute();
    expect(notices.filter((n) => n.member_id === author.id).map((n) => n.title.split('：')[0])).toEqual(
      expect.arrayContaining(['已立案（2027-0001）', '已交办市发展和改革委员会', '列为重点提案', '评为优秀提案']),
    );
    expect(notices.some((n) => n.member_id === cosigner.id && n.title.startsWith('已立案'))).toBe(true);
    expect(notices.some((n) => n.member_id === org.members.secB.id)).toBe(false);

    // 12. 统计与原始记录一致；按承办单位的范围只数交办给它的
    const otherUnit = await c.ok(admin, 'suggestions', 'stats', { from: '2027-01-01', to: '2027-12-31', unitId: org.units.other.unitId });
    expect(otherUnit.proposals.submitted).toBe(1);
    const thirdUnit = await db.insertInto('handling_unit').values({ org_id: org.orgId, name: '市民政局' }).returning('id').executeTakeFirstOrThrow();
    expect((await c.ok(admin, 'suggestions', 'stats', { from: '2027-01-01', to: '2027-12-31', unitId: thirdUnit.id })).proposals.submitted).toBe(0);
    expect((await c.ok(admin, 'suggestions', 'stats', { from: '2027-01-01', to: '2027-12-31', sectorId: org.sectors.education })).proposals.submitted).toBe(0);
    expect((await c.ok(admin, 'suggestions', 'stats', { from: '2027-01-01', to: '2027-12-31', committeeId: org.committees.economy })).proposals.submitted).toBe(
      1,
    );
    s = await stats();
    expect(s.proposals).toMatchObject({ rated: 1, satisfied: 1 });
    expect(s.rates.satisfaction).toBe(100);
    const raw = await db.selectFrom('suggestion').select(['status', 'rating']).where('org_id', '=', org.orgId).execute();
    expect(s.byStatus).toEqual({ closed: raw.filter((r) => r.status === 'closed').length });
  });
});

describe('立案编号', () => {
  async function submittedBy(n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const d = await c.ok(org.members.cpc.openid, 'suggestions', 'saveDraft', { ...PROPOSAL, title: `${PROPOSAL.title}（${i + 1}）` });
      await c.ok(org.members.cpc.openid, 'suggestions', 'submit', { id: d.id });
      ids.push(d.id);
    }
    return ids;
  }

  test('两位管理员同时立案：编号不重、不跳', async () => {
    // 第二位管理员
    const second = await db
      .insertInto('member')
      .values({ org_id: org.orgId, name: '管理员乙', name_sort: 'guanliyuanyi', kind: 'staff', position: '机关干部', affiliation: '无党派' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('member_role').values({ org_id: org.orgId, member_id: second.id, role: 'admin' }).execute();
    await db
      .insertInto('wx_binding')
      .values({ openid: `t_${org.tag}_admin2`, org_id: org.orgId, member_id: second.id })
      .execute();
    const ids = await submittedBy(8);
    const admins = [org.members.admin.openid, `t_${org.tag}_admin2`];
    const results = await Promise.all(ids.map((id, i) => c.ok(admins[i % 2], 'suggestions', 'file', { id })));
    expect(results.map((r) => r.number).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `2027-${String(i + 1).padStart(4, '0')}`));
    const counter = await db
      .selectFrom('suggestion_counter')
      .select('last_seq')
      .where('org_id', '=', org.orgId)
      .where('year', '=', 2027)
      .executeTakeFirstOrThrow();
    expect(counter.last_seq).toBe(8);
  });

  test('同一件同时立案两次：只有一次成功，只占一个号、只记一次分', async () => {
    const [id] = await submittedBy(1);
    const codes = await Promise.all([0, 1].map(() => c.code(org.members.admin.openid, 'suggestions', 'file', { id })));
    expect(codes.sort()).toEqual(['OK', 'SUGGEST.WRONG_STATUS']);
    const [next] = await submittedBy(1);
    expect((await c.ok(org.members.admin.openid, 'suggestions', 'file', { id: next })).number).toBe('2027-0002');
    expect(await dutyEntries(org.members.cpc.openid)).toHaveLength(2);
  });

  test('立案中途失败（记分规则被删）：编号不被占用', async () => {
    const [a, b] = await submittedBy(2);
    await db.updateTable('points_rule').set({ superseded_at: new Date() }).where('org_id', '=', org.orgId).where('code', '=', 'duty.proposal_lead').execute();
    const before = await orgSnapshot(db, org.orgId);
    expect(await c.code(org.members.admin.openid, 'suggestions', 'file', { id: a })).toBe('POINTS.RULE_NOT_FOUND');
    expect(await orgSnapshot(db, org.orgId)).toEqual(before);
    await db
      .insertInto('points_rule')
      .values({
        org_id: org.orgId,
        code: 'duty.proposal_lead',
        version: 99,
        name: '领衔提案',
        track: 'duty',
        category: '履职',
        basis: 'suggestion',
        points: 15,
        applies_to: 'all',
        created_at: new Date(),
      })
      .execute();
    expect((await c.ok(org.members.admin.openid, 'suggestions', 'file', { id: b })).number).toBe('2027-0001');
  });
});

describe('审查的其他结果', () => {
  test('不立案：写明理由，不记分；转为意见建议：按意见建议交办', async () => {
    const a = await c.ok(org.members.cpc.openid, 'suggestions', 'saveDraft', PROPOSAL);
    await c.ok(org.members.cpc.openid, 'suggestions', 'submit', { id: a.id });
    const rejected = await c.ok(org.members.admin.openid, 'suggestions', 'reject', { id: a.id, reason: '属于个案诉求' });
    expect([rejected.status, rejected.rejectReason, rejected.number]).toEqual(['not_filed', '属于个案诉求', null]);

    const b = await c.ok(org.members.cpc.openid, 'suggestions', 'saveDraft', PROPOSAL);
    await c.ok(org.members.cpc.openid, 'suggestions', 'submit', { id: b.id });
    const converted = await c.ok(org.members.admin.openid, 'suggestions', 'convert', { id: b.id });
    expect([converted.kind, converted.status]).toEqual(['advice', 'submitted']);
    const assigned = await c.ok(org.members.admin.openid, 'suggestions', 'assign', { id: b.id, leadUnitId: org.units.lead.unitId });
    expect(assigned.status).toBe('assigned');
    expect(await dutyEntries(org.members.cpc.openid)).toEqual([]);
    expect((await stats()).rates.filing).toBe(0);
  });

  test('撤回未审查的提案：待答复的联名邀请作废，待办消失', async () => {
    const d = await c.ok(org.members.cpc.openid, 'suggestions', 'saveDraft', PROPOSAL);
    await c.ok(org.members.cpc.openid, 'suggestions', 'invite', { id: d.id, memberIds: [org.members.nonCpc.id] });
    await c.ok(org.members.cpc.openid, 'suggestions', 'submit', { id: d.id });
    const w = await c.ok(org.members.cpc.openid, 'suggestions', 'withdraw', { id: d.id });
    expect([w.status, w.cosigners[0].status]).toEqual(['withdrawn', 'lapsed']);
    expect(await todoKinds(org.members.nonCpc.openid)).not.toContain('answerCosign');
    expect(await c.code(org.members.nonCpc.openid, 'suggestions', 'answerInvite', { id: d.id, accept: true })).toBe('SUGGEST.COSIGN_CLOSED');
  });
});

describe('社情民意', () => {
  test('报送即记分与五个一；被上级政协采用 +10；批示 +10（再批示不重复记分）；统计按层级', async () => {
    const op = await c.ok(org.members.nonCpc.openid, 'suggestions', 'saveDraft', {
      ...PROPOSAL,
      kind: 'opinion',
      title: '关于农村留守老人助餐服务的情况反映',
      proposals: '',
    });
    await c.ok(org.members.nonCpc.openid, 'suggestions', 'submit', { id: op.id });
    expect(await dutyEntries(org.members.nonCpc.openid)).toEqual([{ rule: 'duty.opinion', points: 5 }]);
    expect(await fiveOne(org.members.nonCpc.id, 'opinion')).toBe(1);
    await c.ok(org.members.admin.openid, 'suggestions', 'adopt', { id: op.id, level: 'upper' });
    await c.ok(org.members.admin.openid, 'suggestions', 'instruct', { id: op.id, leader: '王副市长', text: '请民政局研究落实' });
    const v = await c.ok(org.members.admin.openid, 'suggestions', 'instruct', { id: op.id, leader: '李市长', text: '同意' });
    expect(v.instructions.map((i) => i.by)).toEqual(['王副市长', '李市长']);
    expect(await dutyEntries(org.members.nonCpc.openid)).toEqual(
      expect.arrayContaining([
        { rule: 'duty.opinion', points: 5 },
        { rule: 'duty.opinion_adopted_upper', points: 10 },
        { rule: 'duty.opinion_instructed', points: 10 },
      ]),
    );
    expect(await dutyEntries(org.members.nonCpc.openid)).toHaveLength(3);
    expect((await stats()).opinions).toEqual({ submitted: 1, adopted: 1, adoptedByLevel: { local: 0, upper: 1, national: 0 }, instructed: 1 });
  });

  test('撤回：报送的分冲正、五个一收回', async () => {
    const op = await c.ok(org.members.nonCpc.openid, 'suggestions', 'saveDraft', { ...PROPOSAL, kind: 'opinion' });
    await c.ok(org.members.nonCpc.openid, 'suggestions', 'submit', { id: op.id });
    await c.ok(org.members.nonCpc.openid, 'suggestions', 'withdraw', { id: op.id });
    const ledger = (await c.ok(org.members.nonCpc.openid, 'points', 'mine', {})) as PointsLedgerView;
    expect(ledger.entries.filter((e) => e.track === 'duty').reduce((sum, e) => sum + e.points, 0)).toBe(0);
    expect(await fiveOne(org.members.nonCpc.id, 'opinion')).toBe(0);
  });
});

describe('提交前的检查', () => {
  test('内容检查不通过：点名字段，什么也不改', async () => {
    const d = await c.ok(org.members.cpc.openid, 'suggestions', 'saveDraft', { ...PROPOSAL, proposals: '严厉打击赌 博网站，净化网络环境，保护青少年。' });
    const before = await orgSnapshot(db, org.orgId);
    const res = await c.call(org.members.cpc.openid, 'suggestions', 'submit', { id: d.id });
    expect(res.ok ? 'OK' : [res.error.code, res.error.message]).toEqual(['SUGGEST.CONTENT_REJECTED', '「建议」含有不宜发布的内容，请修改后再提交']);
    expect(await orgSnapshot(db, org.orgId)).toEqual(before);
  });

  test('太长的文字：说明是哪个字段、最多多少字', async () => {
    const res = await c.call(org.members.cpc.openid, 'suggestions', 'saveDraft', { ...PROPOSAL, reasons: '长'.repeat(5001) });
    expect(res.ok ? 'OK' : res.error.code).toBe('INVALID_PARAMETER');
    expect(res.ok ? '' : res.error.message).toMatch(/理由.*5000/);
  });

  test('没写全不能提交', async () => {
    const d = await c.ok(org.members.cpc.openid, 'suggestions', 'saveDraft', { ...PROPOSAL, proposals: '' });
    expect(await c.code(org.members.cpc.openid, 'suggestions', 'submit', { id: d.id })).toBe('SUGGEST.INCOMPLETE');
  });
});

describe('导出', () => {
  test('XLSX 列出本年度的建言与状态，导出记审计', async () => {
    const d = await c.ok(org.members.cpc.openid, 'suggestions', 'saveDraft', PROPOSAL);
    await c.ok(org.members.cpc.openid, 'suggestions', 'submit', { id: d.id });
    await c.ok(org.members.admin.openid, 'suggestions', 'file', { id: d.id });
    const out = await c.ok(org.members.admin.openid, 'suggestions', 'exportList', { year: 2027 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.contentBase64, 'base64') as never);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(2).values).toEqual(expect.arrayContaining(['2027-0001', '提案', PROPOSAL.title, '党员委员', '已立案']));
    const audit = await db.selectFrom('audit_log').select('action').where('org_id', '=', org.orgId).where('action', '=', 'suggestions.exportList').execute();
    expect(audit).toHaveLength(1);
  });
});
