import ExcelJS from 'exceljs';
import type { MaterialSource, TodoList } from '@tongxin/shared-types';
import type { DB } from '../../cloudfunctions/src/db/connect';
import { type Client, client, codeOf, orgSnapshot } from '../support/call';
import { uploadFile, useTestDb } from '../support/db';
import { type FixtureOrg, createFixtureOrg } from '../support/fixture-org';

jest.setTimeout(60_000);
const t = useTestDb();
let db: DB;
let c: Client;
let org: FixtureOrg;
const PDF = () => uploadFile(Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'));

async function publish(body: Record<string, unknown> = {}): Promise<MaterialSource> {
  return c.ok(org.members.admin.openid, 'study', 'publish', {
    title: '学习党史，坚定信念',
    category: '党史学习',
    bodyMarkdown: '# 导读\n\n学习**党史**，做好协商议政。',
    source: '政协办公室',
    ...body,
  });
}

beforeAll(async () => {
  db = t.db();
  c = client(db);
  org = await createFixtureOrg(db);
});

describe('材料库：发布、阅读、搜索、撤回', () => {
  test('办公室发布带 PDF 的材料；成员读到清洗过的正文、打开附件；恶意内容无害', async () => {
    const fileId = PDF();
    const m = await publish({
      bodyMarkdown: '正文<script>alert(1)</script>\n\n[点我](javascript:alert(1))\n\n![外站](https://evil.example/p.png)\n\n<img src=x onerror=alert(1)>',
      attachments: [{ fileId, name: '学习提纲.pdf' }],
      links: [{ label: '讲座视频', url: 'https://v.qq.com/x/page/abc.html' }],
    });
    const view = await c.ok(org.members.nonCpc.openid, 'study', 'get', { materialId: m.id });
    expect(view.bodyHtml).not.toMatch(/<script|<img|<a /i);
    expect(view.bodyHtml).not.toContain('evil.example');
    expect(view.bodyHtml).toContain('&lt;script&gt;');
    expect(view.attachments).toEqual([{ fileId, name: '学习提纲.pdf' }]);
    expect(view.links[0].url).toBe('https://v.qq.com/x/page/abc.html');
    // 成员的阅读视图里没有 Markdown 原文之外的东西，也没有阅读时长之类
    expect(Object.keys(view)).not.toEqual(expect.arrayContaining(['readingSeconds']));
    const file = await c.ok(org.members.nonCpc.openid, 'study', 'attachment', { materialId: m.id, fileId });
    expect(Buffer.from(file.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // 不在这篇上的文件不给，即使它存在
    const other = PDF();
    expect(codeOf(await c.call(org.members.nonCpc.openid, 'study', 'attachment', { materialId: m.id, fileId: other }))).toBe('NOT_FOUND');
    // 附件有了引用，不会被清理
    const up = await db.selectFrom('file_upload').select(['used_by']).where('file_id', '=', fileId).executeTakeFirstOrThrow();
    expect(up.used_by).toBe(`study_material:${m.id}`);
  });

  test('两个字的词在标题和正文里都找得到；% 按字面匹配；栏目筛选', async () => {
    const a = await publish({ title: '协商民主的历史', category: '政协理论', bodyMarkdown: '人民政协是专门协商机构。' });
    const b = await publish({ title: '读书笔记', category: '委员读书', bodyMarkdown: '本书讲述了党史中的重要时刻，完成率 100% 的故事。' });
    const ids = async (q: string, category?: string) => (await c.ok(org.members.cpc.openid, 'study', 'list', { q, category })).items.map((i) => i.id);
    expect(await ids('协商')).toEqual(expect.arrayContaining([a.id]));
    expect(await ids('党史')).toEqual(expect.arrayContaining([b.id]));
    expect(await ids('党史', '委员读书')).toEqual([b.id]);
    expect(await ids('100%')).toEqual([b.id]);
    expect(await ids('0%的')).toEqual([]);
    expect(await ids('_')).toEqual([]);
  });

  test('搜索：一个字的词、大小写、跨空格的词；修改后按新内容找得到', async () => {
    const m = await publish({ title: '读本 Guide', category: '委员读书', bodyMarkdown: '界别 活动 纪要' });
    const ids = async (q: string) => (await c.ok(org.members.cpc.openid, 'study', 'list', { q })).items.map((i) => i.id);
    expect(await ids('界')).toEqual(expect.arrayContaining([m.id]));
    expect(await ids('guide')).toEqual([m.id]);
    expect(await ids('界别 活动')).toEqual([m.id]);
    expect(await ids('别活')).toEqual([]);
    await c.ok(org.members.admin.openid, 'study', 'edit', { materialId: m.id, bodyMarkdown: '视察调研纪实' });
    expect(await ids('调研')).toEqual([m.id]);
    expect(await ids('界别 活动')).toEqual([]);
  });

  test('搜索的总数与分页：一页之外的总数照样对，翻过最后一页没有条目、总数不变；三个字的词核对字面', async () => {
    for (let i = 1; i <= 3; i++) await publish({ title: `分页检索第${i}篇`, category: '政协理论', bodyMarkdown: '鸿雁传书' });
    const list = (q: string, page: number) => c.ok(org.members.cpc.openid, 'study', 'list', { q, page, pageSize: 2 });
    const first = await list('鸿雁', 1);
    expect([first.items.length, first.total]).toEqual([2, 3]);
    const second = await list('鸿雁', 2);
    expect([second.items.length, second.total]).toEqual([1, 3]);
    const beyond = await list('鸿雁', 5);
    expect([beyond.items.length, beyond.total]).toEqual([0, 3]);
    expect((await list('鸿 雁', 1)).total).toBe(0);
    expect((await list('雁传书', 1)).total).toBe(3);
  });

  test('撤回后成员读不到、搜不到，也不能收藏或写心得；办公室仍看得到原文，但不能再改', async () => {
    const m = await publish({ title: '待撤回的材料' });
    await c.ok(org.members.admin.openid, 'study', 'withdraw', { materialId: m.id });
    for (const [action, data] of [
      ['get', { materialId: m.id }],
      ['finish', { materialId: m.id }],
      ['favourite', { materialId: m.id, on: true }],
      ['writeNote', { materialId: m.id, content: '这是一篇很好的学习材料，收获很大。' }],
    ] as const) {
      const res = await c.call(org.members.cpc.openid, 'study', action, data);
      expect([action, codeOf(res)]).toEqual([action, 'NOT_FOUND']);
    }
    expect((await c.ok(org.members.cpc.openid, 'study', 'list', { q: '待撤回' })).items).toEqual([]);
    expect((await c.ok(org.members.admin.openid, 'study', 'source', { materialId: m.id })).status).toBe('withdrawn');
    expect(codeOf(await c.call(org.members.admin.openid, 'study', 'edit', { materialId: m.id, title: '改个标题' }))).toBe('STUDY.WITHDRAWN');
    expect(codeOf(await c.call(org.members.admin.openid, 'study', 'withdraw', { materialId: m.id }))).toBe('STUDY.WITHDRAWN');
  });

  test('修改正文重新渲染与清洗', async () => {
    const m = await publish();
    const edited = await c.ok(org.members.admin.openid, 'study', 'edit', {
      materialId: m.id,
      bodyMarkdown: '## 新的一节\n\n<iframe src="https://evil.example"></iframe>',
    });
    expect(edited.bodyHtml).toContain('<h2>新的一节</h2>');
    expect(edited.bodyHtml).not.toContain('<iframe');
    expect(edited.bodyMarkdown).toContain('## 新的一节');
  });
});

describe('拒绝：每次都有稳定的码，什么也不写', () => {
  test('成员、书记不能发布、修改、撤回、布置', async () => {
    const m = await publish();
    const before = await orgSnapshot(db, org.orgId);
    for (const who of [org.members.cpc, org.members.secB, org.members.nonCpc]) {
      expect(await c.code(who.openid, 'study', 'publish', { title: '我发一篇', category: '党史学习', bodyMarkdown: '内容' })).toBe('FORBIDDEN');
      expect(await c.code(who.openid, 'study', 'edit', { materialId: m.id, title: '改掉' })).toBe('FORBIDDEN');
      expect(await c.code(who.openid, 'study', 'withdraw', { materialId: m.id })).toBe('FORBIDDEN');
      expect(await c.code(who.openid, 'study', 'assign', { materialId: m.id, dueAt: '2026-12-31T23:59:00+08:00', audience: [{ kind: 'all' }] })).toBe(
        'FORBIDDEN',
      );
    }
    expect(await orgSnapshot(db, org.orgId)).toEqual(before);
  });

  test('正文过长、链接不是 https、改了扩展名的可执行文件、别人上传的文件、别的政协的文件', async () => {
    const before = await orgSnapshot(db, org.orgId);
    const admin = org.members.admin.openid;
    const base = { title: '附件测试', category: '党纪法规', bodyMarkdown: '见附件' };
    const tooLong = await c.call(admin, 'study', 'publish', { ...base, bodyMarkdown: '长'.repeat(50_001) });
    expect(codeOf(tooLong)).toBe('INVALID_PARAMETER');
    expect(!tooLong.ok && tooLong.error.message).toContain('正文');
    expect(await c.code(admin, 'study', 'publish', { ...base, links: [{ label: '视频', url: 'javascript:alert(1)//x.y' }] })).toBe('INVALID_PARAMETER');
    expect(await c.code(admin, 'study', 'publish', { ...base, links: [{ label: '视频', url: 'http://v.qq.com/x' }] })).toBe('INVALID_PARAMETER');
    const exe = uploadFile(Buffer.from('MZ\x90\x00\x03\x00\x00\x00'));
    const res = await c.call(admin, 'study', 'publish', { ...base, attachments: [{ fileId: exe, name: '提纲.pdf' }] });
    expect(codeOf(res)).toBe('STUDY.ATTACHMENT_TYPE');
    expect(!res.ok && res.error.message).toContain('提纲.pdf');
    // 成员先交给函数登记过的上传（比如他自己的某个文件），管理员不能拿来挂在材料上
    const theirs = PDF();
    await db
      .insertInto('file_upload')
      .values({ file_id: theirs, org_id: org.orgId, purpose: 'roster', uploaded_by: org.members.cpc.id, seen_at: new Date() })
      .execute();
    expect(await c.code(admin, 'study', 'publish', { ...base, attachments: [{ fileId: theirs, name: '别人的.pdf' }] })).toBe('FILE.NOT_FOUND');
    // 别的政协登记过的文件
    const otherOrg = await createFixtureOrg(db);
    const foreign = PDF();
    await c.ok(otherOrg.members.admin.openid, 'study', 'publish', { ...base, attachments: [{ fileId: foreign, name: '外单位.pdf' }] });
    expect(await c.code(admin, 'study', 'publish', { ...base, attachments: [{ fileId: foreign, name: '外单位.pdf' }] })).toBe('FILE.NOT_FOUND');
    expect(await orgSnapshot(db, org.orgId)).toEqual(before);
  });

  test('期限已过、对象不存在（含别的政协的支部）的布置被拒绝', async () => {
    const m = await publish();
    const admin = org.members.admin.openid;
    const before = await orgSnapshot(db, org.orgId);
    expect(await c.code(admin, 'study', 'assign', { materialId: m.id, dueAt: '2026-11-01T00:00:00+08:00', audience: [{ kind: 'all' }] })).toBe(
      'STUDY.DUE_PASSED',
    );
    const otherOrg = await createFixtureOrg(db);
    expect(
      await c.code(admin, 'study', 'assign', { materialId: m.id, dueAt: '2026-12-31T23:59:00+08:00', audience: [{ kind: 'branch', id: otherOrg.branches.B }] }),
    ).toBe('STUDY.AUDIENCE_UNKNOWN');
    expect(await orgSnapshot(db, org.orgId)).toEqual(before);
  });
});

describe('必学篇目：布置、首页待办、读完确认、积分、完成情况', () => {
  let materialId: string;
  let assignmentId: string;
  const todos = async (openid: string) => (await c.ok(openid, 'home', 'todos')) as TodoList;
  const studyTodos = async (openid: string) => (await todos(openid)).items.filter((i) => i.kind === 'study');

  beforeAll(async () => {
    const m = await publish({ title: '必学：中共党史简明读本选读', category: '必学篇目' });
    materialId = m.id;
    const a = await c.ok(org.members.admin.openid, 'study', 'assign', {
      materialId,
      dueAt: '2026-12-10T23:59:00+08:00',
      audience: [{ kind: 'branch', id: org.branches.B }],
    });
    assignmentId = a.id;
    expect(a).toMatchObject({ expected: 2, finished: 0, audience: [{ kind: 'branch', id: org.branches.B, name: '经济委功能型党支部' }] });
  });

  test('支部里的人在首页与“我的必学”看到它；支部外的人从没被要求', async () => {
    expect(await studyTodos(org.members.cpc.openid)).toEqual([expect.objectContaining({ materialId, link: `/study/reader/index?id=${materialId}` })]);
    expect((await c.ok(org.members.cpc.openid, 'study', 'myAssignments')).map((a) => a.id)).toEqual([assignmentId]);
    expect(await studyTodos(org.members.nonCpc.openid)).toEqual([]);
    expect(await c.ok(org.members.nonCpc.openid, 'study', 'myAssignments')).toEqual([]);
    const view = await c.ok(org.members.cpc.openid, 'study', 'get', { materialId });
    expect(view.assignments).toEqual([{ id: assignmentId, dueAt: '2026-12-10T15:59:00.000Z' }]);
  });

  test('读完确认：记一次分、待办消失；再确认一次不再加分；只能确认自己的', async () => {
    const first = await c.ok(org.members.cpc.openid, 'study', 'finish', { materialId });
    expect(first.points).toBe(1);
    const again = await c.ok(org.members.cpc.openid, 'study', 'finish', { materialId });
    expect(again).toEqual(first);
    const entries = await db
      .selectFrom('points_entry')
      .select(['points', 'rule_code', 'source_title'])
      .where('org_id', '=', org.orgId)
      .where('member_id', '=', org.members.cpc.id)
      .where('rule_code', '=', 'duty.study_reading')
      .execute();
    expect(entries).toEqual([{ points: 1, rule_code: 'duty.study_reading', source_title: '必学：中共党史简明读本选读' }]);
    expect(await studyTodos(org.members.cpc.openid)).toEqual([]);
    // 输入里没有成员字段：想替别人确认会被输入校验拒绝
    expect(await c.code(org.members.cpc.openid, 'study', 'finish', { materialId, memberId: org.members.secB.id })).toBe('INVALID_PARAMETER');
    expect(await studyTodos(org.members.secB.openid)).toHaveLength(1);
    // 没布置给本人的也可以确认读完，但不记分
    const free = await c.ok(org.members.nonCpc.openid, 'study', 'finish', { materialId });
    expect(free.points).toBeNull();
  });

  test('完成情况：管理员看全部；书记只看本支部，指定别的支部被拒绝；数字不含支部外读完的人', async () => {
    const admin = await c.ok(org.members.admin.openid, 'study', 'completion', { assignmentId });
    expect(admin.assignment).toMatchObject({ expected: 2, finished: 1 });
    expect(admin.branches).toEqual(expect.arrayContaining([expect.objectContaining({ branchId: org.branches.B, expected: 2, finished: 1 })]));
    expect(admin.people.map((p) => [p.name, p.finished])).toEqual(
      expect.arrayContaining([
        ['党员委员', true],
        ['书记乙', false],
      ]),
    );
    expect(admin.people.map((p) => p.name)).not.toContain('民盟委员');

    const sec = await c.ok(org.members.secB.openid, 'study', 'completion', { assignmentId });
    expect(sec.people.map((p) => p.name).sort()).toEqual(['书记乙', '党员委员'].sort());
    expect(sec.branches.every((b) => b.branchId === org.branches.B)).toBe(true);
    expect(await c.code(org.members.secB.openid, 'study', 'completion', { assignmentId, branchId: org.branches.A })).toBe('FORBIDDEN');
    expect(await c.code(org.members.secB.openid, 'study', 'exportCompletion', { assignmentId, branchId: org.branches.A })).toBe('FORBIDDEN');
    expect(await c.code(org.members.cpc.openid, 'study', 'completion', { assignmentId })).toBe('FORBIDDEN');

    // 书记甲（机关支部）看同一任务：他的支部里没有应学的人
    const secA = await c.ok(org.members.secA.openid, 'study', 'completion', { assignmentId });
    expect(secA.people).toEqual([]);
    expect(secA.assignment.expected).toBe(0);
  });

  test('导出 XLSX：按支部与按人两张表，没有任何时长；记审计', async () => {
    const file = await c.ok(org.members.admin.openid, 'study', 'exportCompletion', { assignmentId });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['按支部', '按人']);
    const people = wb.getWorksheet('按人')!;
    expect(people.getRow(1).values).toEqual([undefined, '姓名', '支部', '是否读完', '确认读完的时间']);
    const text = JSON.stringify(wb.worksheets.map((w) => w.getSheetValues()));
    expect(text).toContain('党员委员');
    expect(text).not.toMatch(/时长|分钟|秒/);
    const audit = await db.selectFrom('audit_log').select('action').where('org_id', '=', org.orgId).where('action', '=', 'study.exportCompletion').execute();
    expect(audit.length).toBeGreaterThan(0);
  });
});

describe('收藏与学习心得', () => {
  test('收藏与取消；心得可改，第一次写记一次分；我的心得里有材料的也有活动的', async () => {
    const m = await publish({ title: '委员读书：协商民主十讲' });
    const me = org.members.staff;
    await c.ok(me.openid, 'study', 'favourite', { materialId: m.id, on: true });
    await c.ok(me.openid, 'study', 'favourite', { materialId: m.id, on: true });
    expect((await c.ok(me.openid, 'study', 'favourites')).map((f) => f.id)).toEqual([m.id]);
    expect((await c.ok(me.openid, 'study', 'get', { materialId: m.id })).favourite).toBe(true);
    await c.ok(me.openid, 'study', 'favourite', { materialId: m.id, on: false });
    expect(await c.ok(me.openid, 'study', 'favourites')).toEqual([]);

    const first = await c.ok(me.openid, 'study', 'writeNote', { materialId: m.id, content: '读了协商民主十讲，体会到有事好商量的意义。' });
    expect(first.points).toBe(1);
    await c.ok(me.openid, 'study', 'writeNote', { materialId: m.id, content: '再读一遍，补充：协商要在决策之前和决策实施之中。' });
    const entries = await db
      .selectFrom('points_entry')
      .select('points')
      .where('org_id', '=', org.orgId)
      .where('member_id', '=', me.id)
      .where('rule_code', '=', 'duty.study_note')
      .execute();
    expect(entries).toHaveLength(1);
    expect(codeOf(await c.call(me.openid, 'study', 'writeNote', { materialId: m.id, content: '太短' }))).toBe('INVALID_PARAMETER');

    // 活动后写的心得也在“我的心得”里：今天 9 点的政协讲堂，办公室代签，本人写心得
    const ev = await c.ok(org.members.admin.openid, 'event', 'create', {
      kind: '政协讲堂',
      title: '政协讲堂：履职能力',
      place: '报告厅',
      startsAt: '2026-11-26T09:00:00+08:00',
      endsAt: '2026-11-26T11:00:00+08:00',
      audience: [{ kind: 'all', id: null }],
    });
    await c.ok(org.members.admin.openid, 'event', 'proxyCheckin', { eventId: ev.id, memberId: me.id, reason: '没有带手机' });
    await c.ok(me.openid, 'event', 'writeNote', { eventId: ev.id, content: '听了讲堂很受启发，要提高履职能力。' });
    const notes = await c.ok(me.openid, 'study', 'myNotes');
    expect(notes.map((n) => n.kind).sort()).toEqual(['event', 'material']);
    expect(notes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'material', subjectId: m.id, content: '再读一遍，补充：协商要在决策之前和决策实施之中。' }),
        expect.objectContaining({ kind: 'event', subjectId: ev.id, title: '政协讲堂：履职能力' }),
      ]),
    );
    // 别人看不到我的心得
    expect(await c.ok(org.members.cpc.openid, 'study', 'myNotes')).not.toEqual(expect.arrayContaining([expect.objectContaining({ subjectId: m.id })]));
  });
});
