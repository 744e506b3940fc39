/**
 * 建言的越权与非法操作：想多拿权力的人会试的每一条路，都被拒绝（稳定的码、中文提示），而且什么也没改。
 * 以及投诉建议：匿名的答复本人看得到，办公室的任何回答里都认不出是谁；投诉建议从不记分、扣分。
 */
import type { SuggestionView } from '@tongxin/shared-types';
import type { DB } from '../../cloudfunctions/src/db/connect';
import { functions } from '../../cloudfunctions/src/functions';
import { type Client, client, orgSnapshot } from '../support/call';
import { uploadFile, useTestDb } from '../support/db';
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
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);

/** 调用应被拒绝：码与提示对得上，而且这个政协的每张表都没变 */
async function refused(openid: string, action: string, data: unknown, code: string): Promise<string> {
  const before = await orgSnapshot(db, org.orgId);
  const res = await functions.suggestions.handle({ action, data }, openid, c.deps);
  expect(res.ok ? 'OK' : res.error.code).toBe(code);
  expect(await orgSnapshot(db, org.orgId)).toEqual(before);
  return res.ok ? '' : res.error.message;
}

async function stage(to: 'draft' | 'submitted' | 'filed' | 'assigned' | 'replied', author = org.members.cpc.openid): Promise<SuggestionView> {
  let v = await c.ok(author, 'suggestions', 'saveDraft', PROPOSAL);
  if (to === 'draft') return v;
  v = await c.ok(author, 'suggestions', 'submit', { id: v.id });
  if (to === 'submitted') return v;
  v = await c.ok(org.members.admin.openid, 'suggestions', 'file', { id: v.id });
  if (to === 'filed') return v;
  v = await c.ok(org.members.admin.openid, 'suggestions', 'assign', { id: v.id, leadUnitId: org.units.lead.unitId, coUnitIds: [org.units.other.unitId] });
  if (to === 'assigned') return v;
  return c.ok(org.units.lead.openid, 'suggestions', 'reply', { id: v.id, text: '经研究，已将老旧小区加装电梯纳入年度民生实事项目。' });
}

describe('别人的建言', () => {
  test('改、提交、撤回、邀请联名别人的草稿：都像不存在一样', async () => {
    const d = await stage('draft');
    const other = org.members.nonCpc.openid;
    expect(await refused(other, 'saveDraft', { ...PROPOSAL, id: d.id, title: '篡改的标题' }, 'NOT_FOUND')).toBe('这件建言不存在');
    await refused(other, 'submit', { id: d.id }, 'NOT_FOUND');
    await refused(other, 'invite', { id: d.id, memberIds: [org.members.secB.id] }, 'NOT_FOUND');
    await refused(other, 'get', { id: d.id }, 'NOT_FOUND');
    // 办公室也不看别人的草稿
    await refused(org.members.admin.openid, 'get', { id: d.id }, 'NOT_FOUND');
    await refused(org.members.admin.openid, 'file', { id: d.id }, 'NOT_FOUND');
  });

  test('已提交、未审查的别人看不到；立案后公开，人人看得到（也在公开列表里），但仍不能替人评价、撤回', async () => {
    const s = await stage('submitted');
    await refused(org.members.nonCpc.openid, 'get', { id: s.id }, 'NOT_FOUND');
    expect((await c.ok(org.members.nonCpc.openid, 'suggestions', 'published', {})).items).toEqual([]);
    await c.ok(org.members.admin.openid, 'suggestions', 'file', { id: s.id });
    expect((await c.ok(org.members.nonCpc.openid, 'suggestions', 'get', { id: s.id })).number).toBe('2027-0001');
    expect((await c.ok(org.members.nonCpc.openid, 'suggestions', 'published', {})).items.map((x) => x.id)).toEqual([s.id]);
  });

  test('撤回、评价别人的建言；联名人也不能评价', async () => {
    const s = await stage('submitted');
    await refused(org.members.nonCpc.openid, 'withdraw', { id: s.id }, 'NOT_FOUND');
    const r = await stage('replied');
    await refused(org.members.nonCpc.openid, 'rate', { id: r.id, rating: 'satisfied' }, 'NOT_FOUND');
    await refused(org.members.admin.openid, 'rate', { id: r.id, rating: 'satisfied' }, 'NOT_FOUND');
  });

  test('已提交的不能再改；审查后不能撤回；办结后不能再评', async () => {
    const s = await stage('submitted');
    expect(await refused(org.members.cpc.openid, 'saveDraft', { ...PROPOSAL, id: s.id }, 'SUGGEST.NOT_DRAFT')).toMatch(/草稿/);
    const f = await stage('filed');
    expect(await refused(org.members.cpc.openid, 'withdraw', { id: f.id }, 'SUGGEST.WRONG_STATUS')).toBe('这件提案现在是“已立案”，不能撤回');
    const r = await stage('replied');
    await c.ok(org.members.cpc.openid, 'suggestions', 'rate', { id: r.id, rating: 'basically' });
    await refused(org.members.cpc.openid, 'rate', { id: r.id, rating: 'unsatisfied' }, 'SUGGEST.WRONG_STATUS');
  });

  test('第二次“不满意”是最终的：不再退回', async () => {
    const r = await stage('replied');
    await c.ok(org.members.cpc.openid, 'suggestions', 'rate', { id: r.id, rating: 'unsatisfied' });
    await c.ok(org.units.lead.openid, 'suggestions', 'reply', { id: r.id, text: '已再次研究并补充了具体措施，详见答复函。' });
    const final = await c.ok(org.members.cpc.openid, 'suggestions', 'rate', { id: r.id, rating: 'unsatisfied' });
    expect([final.status, final.rating]).toEqual(['closed', 'unsatisfied']);
    await refused(org.members.cpc.openid, 'rate', { id: r.id, rating: 'satisfied' }, 'SUGGEST.WRONG_STATUS');
  });
});

describe('委员不能审查，办公室的步骤只有办公室能走', () => {
  test.each(['file', 'reject', 'convert', 'markKey', 'queue', 'stats', 'units', 'feedbackList'])('%s', async (action) => {
    const s = await stage('submitted');
    const data: Record<string, unknown> = {
      file: { id: s.id },
      reject: { id: s.id, reason: '不予立案的理由' },
      convert: { id: s.id },
      markKey: { id: s.id },
      queue: {},
      stats: { from: '2027-01-01', to: '2027-12-31' },
      units: undefined,
      feedbackList: {},
    };
    for (const who of [org.members.cpc.openid, org.members.secB.openid, org.members.staff.openid]) await refused(who, action, data[action], 'FORBIDDEN');
    await refused(org.units.lead.openid, action, data[action], 'NOT_BOUND');
  });

  test('按流程表以外的顺序走：每一步都被拒绝、什么也不改', async () => {
    const admin = org.members.admin.openid;
    const s = await stage('submitted');
    await refused(admin, 'assign', { id: s.id, leadUnitId: org.units.lead.unitId }, 'SUGGEST.WRONG_STATUS');
    await refused(admin, 'adopt', { id: s.id, level: 'local' }, 'SUGGEST.WRONG_KIND');
    await refused(admin, 'chase', { id: s.id, note: '请抓紧办理' }, 'SUGGEST.WRONG_STATUS');
    await refused(admin, 'markExcellent', { id: s.id }, 'SUGGEST.WRONG_STATUS');
    const f = await stage('filed');
    await refused(admin, 'file', { id: f.id }, 'SUGGEST.WRONG_STATUS');
    await c.ok(admin, 'suggestions', 'markKey', { id: f.id });
    await refused(admin, 'markKey', { id: f.id }, 'SUGGEST.ALREADY_MARKED');
  });

  test('交办：期限至多 6 个月、须在以后；主办不能兼协办；单位须存在', async () => {
    const f = await stage('filed');
    const admin = org.members.admin.openid;
    expect(await refused(admin, 'assign', { id: f.id, leadUnitId: org.units.lead.unitId, dueOn: '2027-07-30' }, 'SUGGEST.DUE_TOO_LATE')).toBe(
      '答复期限最长为交办后 6 个月',
    );
    await refused(admin, 'assign', { id: f.id, leadUnitId: org.units.lead.unitId, dueOn: '2027-01-01' }, 'SUGGEST.DUE_PAST');
    await refused(admin, 'assign', { id: f.id, leadUnitId: org.units.lead.unitId, coUnitIds: [org.units.lead.unitId] }, 'SUGGEST.LEAD_IN_CO');
    const otherOrg = await createFixtureOrg(db);
    await refused(admin, 'assign', { id: f.id, leadUnitId: otherOrg.units.lead.unitId }, 'NOT_FOUND');
    const ok = await c.ok(admin, 'suggestions', 'assign', { id: f.id, leadUnitId: org.units.lead.unitId, dueOn: '2027-07-05' });
    expect(ok.dueAt).toBe('2027-07-05T15:59:59.999Z');
  });
});

describe('联名', () => {
  test('只有被邀请的人能答复、只能答一次；不能替别人答复', async () => {
    const d = await stage('draft');
    await c.ok(org.members.cpc.openid, 'suggestions', 'invite', { id: d.id, memberIds: [org.members.nonCpc.id] });
    await refused(org.members.secB.openid, 'answerInvite', { id: d.id, accept: true }, 'NOT_FOUND');
    // 提出者也不能替联名人确认
    await refused(org.members.cpc.openid, 'answerInvite', { id: d.id, accept: true }, 'NOT_FOUND');
    await c.ok(org.members.nonCpc.openid, 'suggestions', 'answerInvite', { id: d.id, accept: true });
    await refused(org.members.nonCpc.openid, 'answerInvite', { id: d.id, accept: false }, 'SUGGEST.COSIGN_ANSWERED');
  });

  test('邀请：不能邀请自己、名册外的人、机关干部；只有提案能联名', async () => {
    const d = await stage('draft');
    await refused(org.members.cpc.openid, 'invite', { id: d.id, memberIds: [org.members.cpc.id] }, 'SUGGEST.COSIGN_SELF');
    await refused(org.members.cpc.openid, 'invite', { id: d.id, memberIds: [org.members.staff.id] }, 'SUGGEST.COSIGN_UNKNOWN');
    const otherOrg = await createFixtureOrg(db);
    await refused(org.members.cpc.openid, 'invite', { id: d.id, memberIds: [otherOrg.members.nonCpc.id] }, 'SUGGEST.COSIGN_UNKNOWN');
    const op = await c.ok(org.members.cpc.openid, 'suggestions', 'saveDraft', { ...PROPOSAL, kind: 'opinion' });
    await refused(org.members.cpc.openid, 'invite', { id: op.id, memberIds: [org.members.nonCpc.id] }, 'SUGGEST.COSIGN_KIND');
  });

  test('谢绝的联名人立案时什么也得不到；立案后邀请作废，不能再确认', async () => {
    const d = await stage('draft');
    await c.ok(org.members.cpc.openid, 'suggestions', 'invite', { id: d.id, memberIds: [org.members.nonCpc.id, org.members.secB.id] });
    await c.ok(org.members.nonCpc.openid, 'suggestions', 'answerInvite', { id: d.id, accept: false });
    await c.ok(org.members.cpc.openid, 'suggestions', 'submit', { id: d.id });
    await c.ok(org.members.admin.openid, 'suggestions', 'file', { id: d.id });
    await refused(org.members.secB.openid, 'answerInvite', { id: d.id, accept: true }, 'SUGGEST.COSIGN_CLOSED');
    const credits = await db.selectFrom('points_entry').select('member_id').where('org_id', '=', org.orgId).where('source_id', '=', d.id).execute();
    expect(credits.map((x) => x.member_id)).toEqual([org.members.cpc.id]);
  });
});

describe('承办单位', () => {
  test('看不到、数不到没交办给本单位的；协办单位不能答复', async () => {
    const mineItem = await stage('assigned');
    const elsewhere = await stage('filed');
    await c.ok(org.members.admin.openid, 'suggestions', 'assign', { id: elsewhere.id, leadUnitId: org.units.other.unitId });
    const lead = org.units.lead.openid;
    expect((await c.ok(lead, 'suggestions', 'unitList')).map((s) => s.id)).toEqual([mineItem.id]);
    await refused(lead, 'unitGet', { id: elsewhere.id }, 'NOT_FOUND');
    await refused(lead, 'reply', { id: elsewhere.id, text: '冒名答复别的单位承办的事项。' }, 'NOT_FOUND');
    await refused(lead, 'meet', { id: elsewhere.id, metOn: '2027-01-04' }, 'NOT_FOUND');
    // 教育局在 mineItem 上只是协办
    expect(await refused(org.units.other.openid, 'reply', { id: mineItem.id, text: '协办单位想直接答复这件提案。' }, 'SUGGEST.NOT_LEAD_UNIT')).toMatch(
      /主办单位/,
    );
    // 另一个政协的承办单位
    const otherOrg = await createFixtureOrg(db);
    await refused(otherOrg.units.lead.openid, 'unitGet', { id: mineItem.id }, 'NOT_FOUND');
  });

  test('承办单位的微信不是委员：委员的操作一律 NOT_BOUND；委员也走不了承办单位的操作', async () => {
    const a = await stage('assigned');
    for (const [fn, action, data] of [
      ['member', 'me', undefined],
      ['points', 'mine', {}],
      ['home', 'todos', undefined],
      ['suggestions', 'mine', undefined],
      ['suggestions', 'saveDraft', PROPOSAL],
    ] as const) {
      const res = await functions[fn].handle({ action, data }, org.units.lead.openid, c.deps);
      expect(res.ok ? 'OK' : res.error.code).toBe('NOT_BOUND');
    }
    await refused(org.members.admin.openid, 'reply', { id: a.id, text: '管理员冒充承办单位答复。' }, 'FORBIDDEN');
    await refused(org.members.cpc.openid, 'unitGet', { id: a.id }, 'FORBIDDEN');
  });

  test('答复函与照片只收本人上传的、真是图片或 PDF 的文件', async () => {
    const a = await stage('assigned');
    // 委员上传的文件，承办单位拿来当答复函
    const photo = uploadFile(JPEG);
    await c.ok(org.members.cpc.openid, 'suggestions', 'saveDraft', { ...PROPOSAL, photos: [photo] });
    await refused(org.units.lead.openid, 'reply', { id: a.id, text: '附上答复函，请查收并提出意见。', letterFileId: photo }, 'FILE.NOT_FOUND');
    // 别人的照片贴到自己的草稿上
    await refused(org.members.nonCpc.openid, 'saveDraft', { ...PROPOSAL, photos: [photo] }, 'FILE.NOT_FOUND');
    // 改名的可执行文件
    const exe = uploadFile(Buffer.from('MZ\x90\x00this is not an image'));
    await refused(org.members.nonCpc.openid, 'saveDraft', { ...PROPOSAL, photos: [exe] }, 'SUGGEST.PHOTO_INVALID');
    const letter = uploadFile(Buffer.from('%PDF-1.7\n%答复函\n'));
    const replied = await c.ok(org.units.lead.openid, 'suggestions', 'reply', { id: a.id, text: '附上答复函，请查收并提出意见。', letterFileId: letter });
    expect(replied.replies[0].fileId).toBe(letter);
  });

  test('照片与答复函：看得到这件建言的人取得到（文件名带编号）；别的文件、没交办给本单位的、草稿阶段的别人一律找不到', async () => {
    const photo = uploadFile(JPEG);
    const draft = await c.ok(org.members.cpc.openid, 'suggestions', 'saveDraft', { ...PROPOSAL, photos: [photo] });
    // 草稿：只有本人看得到，办公室也取不到
    await refused(org.members.admin.openid, 'attachment', { id: draft.id, fileId: photo }, 'NOT_FOUND');
    await c.ok(org.members.cpc.openid, 'suggestions', 'submit', { id: draft.id });
    await c.ok(org.members.admin.openid, 'suggestions', 'file', { id: draft.id });
    const filed = await c.ok(org.members.admin.openid, 'suggestions', 'assign', { id: draft.id, leadUnitId: org.units.lead.unitId });
    const mine = await c.ok(org.members.cpc.openid, 'suggestions', 'attachment', { id: draft.id, fileId: photo });
    expect(mine.fileName).toBe(`${filed.number} 照片1.jpg`);
    expect(Buffer.from(mine.contentBase64, 'base64').equals(JPEG)).toBe(true);
    // 主办单位取得到；没交办给它的单位连有没有都不知道
    expect((await c.ok(org.units.lead.openid, 'suggestions', 'unitAttachment', { id: draft.id, fileId: photo })).fileName).toBe(`${filed.number} 照片1.jpg`);
    await refused(org.units.other.openid, 'unitAttachment', { id: draft.id, fileId: photo }, 'NOT_FOUND');
    // 别的建言上的文件、编出来的 id：不给
    const other = uploadFile(JPEG);
    await c.ok(org.members.nonCpc.openid, 'suggestions', 'saveDraft', { ...PROPOSAL, photos: [other] });
    await refused(org.members.cpc.openid, 'attachment', { id: draft.id, fileId: other }, 'NOT_FOUND');
    // 答复函：提出者取得到
    const letter = uploadFile(Buffer.from('%PDF-1.7\n%答复函\n'));
    await c.ok(org.units.lead.openid, 'suggestions', 'reply', { id: draft.id, text: '附上答复函，请查收并提出意见。', letterFileId: letter });
    expect((await c.ok(org.members.cpc.openid, 'suggestions', 'attachment', { id: draft.id, fileId: letter })).fileName).toBe(`${filed.number} 答复函.pdf`);
  });

  test('见面日期不能在以后', async () => {
    const a = await stage('assigned');
    await refused(org.units.lead.openid, 'meet', { id: a.id, metOn: '2027-02-01' }, 'SUGGEST.MEET_FUTURE');
  });

  test('邀请码绑定承办单位：已是委员的微信不能再绑；绑了的微信也不能再绑成委员', async () => {
    const staff = await db
      .insertInto('unit_staff')
      .values({ org_id: org.orgId, unit_id: org.units.lead.unitId, name: '新经办人' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const inv = await c.ok(org.members.admin.openid, 'suggestions', 'issueUnitInvite', { staffId: staff.id });
    await refused(org.members.cpc.openid, 'bindUnit', { code: inv.code, name: '新经办人' }, 'CONFLICT');
    const fresh = `t_${org.tag}_newunit`;
    await refused(fresh, 'bindUnit', { code: inv.code, name: '别的名字' }, 'MEMBER.NAME_MISMATCH');
    const me = await c.ok(fresh, 'suggestions', 'bindUnit', { code: inv.code, name: '新经办人' });
    expect([me.unitName, me.name]).toEqual(['市发展和改革委员会', '新经办人']);
    const m = await c.ok(org.members.admin.openid, 'roster', 'create', {
      name: '待绑定委员',
      kind: 'committee_member',
      position: '委员',
      affiliation: '无党派',
    });
    const memberInvite = await c.ok(org.members.admin.openid, 'roster', 'issueInvite', { memberId: m.id });
    expect(await c.code(fresh, 'member', 'bind', { code: memberInvite.code, name: '待绑定委员' })).toBe('CONFLICT');
  });
});

describe('投诉建议', () => {
  test('匿名：办公室答复；本人看得到答复；办公室的任何回答里都认不出是谁；不记分', async () => {
    const sender = org.members.nonCpc;
    const pointsBefore = await db.selectFrom('points_entry').select('id').where('org_id', '=', org.orgId).execute();
    const sent = await c.ok(sender.openid, 'suggestions', 'sendFeedback', {
      kind: 'complaint',
      subject: 'office',
      content: '会议通知常常当天才发，来不及安排工作。',
      anonymous: true,
    });
    await c.ok(sender.openid, 'suggestions', 'sendFeedback', { kind: 'suggestion', subject: 'app', content: '希望积分页能按月份筛选。', anonymous: true });
    const list = await c.call(org.members.admin.openid, 'suggestions', 'feedbackList', {});
    const text = JSON.stringify(list);
    for (const secret of [sender.id, sender.openid, '民盟委员']) expect(text).not.toContain(secret);
    const answered = await c.ok(org.members.admin.openid, 'suggestions', 'answerFeedback', { id: sent.id, answer: '已改为提前三天发出通知，谢谢您的意见。' });
    expect(JSON.stringify(answered)).not.toContain(sender.id);
    await refused(org.members.admin.openid, 'answerFeedback', { id: sent.id, answer: '再答一次' }, 'FEEDBACK.ANSWERED');
    // 本人看得到自己的两条与答复；别人看不到
    const mine = await c.ok(sender.openid, 'suggestions', 'myFeedback');
    expect(mine.map((f) => [f.content.slice(0, 4), f.answer])).toEqual([
      ['希望积分', null],
      ['会议通知', '已改为提前三天发出通知，谢谢您的意见。'],
    ]);
    expect(await c.ok(org.members.cpc.openid, 'suggestions', 'myFeedback')).toEqual([]);
    // 库里匿名的那两行不存发件人，两条的标记也不同（看不出是同一人）
    const rows = await db.selectFrom('feedback').selectAll().where('org_id', '=', org.orgId).execute();
    expect(rows.map((r) => r.sender_id)).toEqual([null, null]);
    expect(new Set(rows.map((r) => r.sender_tag)).size).toBe(2);
    expect(JSON.stringify(rows)).not.toContain(sender.id);
    // 匿名的答复不发通知（没有收件人），也不记分
    const notes = await db.selectFrom('notification').select('member_id').where('org_id', '=', org.orgId).where('subject_id', '=', sent.id).execute();
    expect(notes).toEqual([]);
    expect(await db.selectFrom('points_entry').select('id').where('org_id', '=', org.orgId).execute()).toEqual(pointsBefore);
  });

  test('具名的：办公室看得到是谁，答复通知本人', async () => {
    const sent = await c.ok(org.members.cpc.openid, 'suggestions', 'sendFeedback', {
      kind: 'suggestion',
      subject: 'app',
      content: '大字模式下按钮再大一些更好。',
      anonymous: false,
    });
    const list = await c.ok(org.members.admin.openid, 'suggestions', 'feedbackList', {});
    expect(list.items[0].senderName).toBe('党员委员');
    await c.ok(org.members.admin.openid, 'suggestions', 'answerFeedback', { id: sent.id, answer: '下个版本会调整，谢谢。' });
    const notes = await db.selectFrom('notification').select('member_id').where('org_id', '=', org.orgId).where('subject_id', '=', sent.id).execute();
    expect(notes.map((n) => n.member_id)).toEqual([org.members.cpc.id]);
  });
});
