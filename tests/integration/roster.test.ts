/**
 * 名册：列表的分页、搜索与筛选；书记只看、只管本支部；办公室的新增、修改、退出、管理员角色与审计日志。
 */
import type { MemberDetail } from '@tongxin/shared-types';
import { sql } from 'kysely';
import type { DB } from '../../cloudfunctions/src/db/connect';
import { readSheet } from '../../cloudfunctions/src/adapters/spreadsheet';
import { type Client, CHINESE, auditCount, client, codeOf, latestAudit, orgSnapshot } from '../support/call';
import { useTestDb } from '../support/db';
import { type FixtureOrg, createFixtureOrg } from '../support/fixture-org';

const t = useTestDb();
let db: DB;
let org: FixtureOrg;
let c: Client;
let admin: string;
let secB: string;

beforeAll(async () => {
  db = t.db();
  org = await createFixtureOrg(db);
  c = client(db);
  admin = org.members.admin.openid;
  secB = org.members.secB.openid;
});

const names = (items: MemberDetail[]) => items.map((m) => m.name).sort();
const list = (openid: string, data: Record<string, unknown> = {}) => c.ok(openid, 'roster', 'list', data);

/** 断言被拒绝（FORBIDDEN）且组织的数据一行也没变 */
async function expectForbiddenNoChange(openid: string, fn: 'roster' | 'org', action: string, data: unknown) {
  const before = await orgSnapshot(db, org.orgId);
  const res = await c.call(openid, fn as 'roster', action as 'get', data);
  expect(codeOf(res)).toBe('FORBIDDEN');
  expect(await orgSnapshot(db, org.orgId)).toEqual(before);
}

describe('成员列表（在一个独立的政协里）', () => {
  let own: FixtureOrg;
  beforeAll(async () => {
    own = await createFixtureOrg(db);
  });

  test('分页：每页 2 人，三页拼起来正好是全部 6 人，不重不漏', async () => {
    const pages = [];
    for (let page = 1; page <= 3; page++) pages.push(await c.ok(own.members.admin.openid, 'roster', 'list', { page, pageSize: 2 }));
    expect(pages.map((p) => [p.total, p.items.length, p.page, p.pageSize])).toEqual([
      [6, 2, 1, 2],
      [6, 2, 2, 2],
      [6, 2, 3, 2],
    ]);
    const all = pages.flatMap((p) => p.items.map((m) => m.id));
    expect(new Set(all).size).toBe(6);
    expect((await c.ok(own.members.admin.openid, 'roster', 'list', { page: 4, pageSize: 2 })).items).toEqual([]);
  });

  test('名单按姓名拼音排序（不是按汉字编码）；改名后随之改变位置', async () => {
    // 另起一个政协：改名不影响本组其他用例
    const mine = await createFixtureOrg(db);
    const order = async () => (await c.ok(mine.members.admin.openid, 'roster', 'list', { pageSize: 50 })).items.map((m) => m.name);
    // dang 党员委员、guan 管理员甲、ji 机关干部乙、min 民盟委员、shu 书记甲、shu 书记乙（按编码则“书”最前）
    expect(await order()).toEqual(['党员委员', '管理员甲', '机关干部乙', '民盟委员', '书记甲', '书记乙']);
    await c.ok(mine.members.admin.openid, 'roster', 'update', { memberId: mine.members.nonCpc.id, name: '艾民' });
    expect((await order())[0]).toBe('艾民');
  });

  test.each([
    ['按姓名搜索', () => ({ q: '委员' }), ['党员委员', '民盟委员']],
    ['按手机号片段搜索', () => ({ q: '00000004' }), ['党员委员']],
    ['搜索里的 % 不当通配符', () => ({ q: '%' }), []],
    ['按专委会筛选', (o: FixtureOrg) => ({ committeeId: o.committees.economy }), ['书记乙', '党员委员', '民盟委员']],
    ['按界别筛选', (o: FixtureOrg) => ({ sectorId: o.sectors.cpc }), ['书记乙', '党员委员']],
    ['按支部筛选', (o: FixtureOrg) => ({ branchId: o.branches.A }), ['书记甲', '机关干部乙', '管理员甲']],
    ['条件组合', (o: FixtureOrg) => ({ branchId: o.branches.B, q: '党员' }), ['党员委员']],
  ])('%s', async (_label, filter, expected) => {
    const page = await c.ok(own.members.admin.openid, 'roster', 'list', filter(own));
    expect(names(page.items)).toEqual([...expected].sort());
    expect(page.total).toBe(expected.length);
  });
});

describe('书记只看、只管本支部', () => {
  test('书记的列表只有本支部成员，手机号与政治面貌可见', async () => {
    const page = await list(secB);
    expect(names(page.items)).toEqual(['书记乙', '党员委员'].sort());
    const cpc = page.items.find((m) => m.name === '党员委员')!;
    expect(cpc).toMatchObject({ phone: expect.stringMatching(/^1\d{10}$/), phoneMasked: false, affiliation: '中共党员' });
  });

  test('书记按本支部筛选可以，按其他支部筛选 → FORBIDDEN', async () => {
    expect((await list(secB, { branchId: org.branches.B })).total).toBe(2);
    expect(codeOf(await c.call(secB, 'roster', 'list', { branchId: org.branches.A }))).toBe('FORBIDDEN');
  });

  test('书记读取其他支部成员被拒绝', async () => {
    await expectForbiddenNoChange(secB, 'roster', 'get', { memberId: org.members.staff.id });
    await expectForbiddenNoChange(secB, 'roster', 'get', { memberId: org.members.nonCpc.id });
  });

  test('书记修改其他支部成员被拒绝', async () => {
    await expectForbiddenNoChange(secB, 'roster', 'update', { memberId: org.members.staff.id, name: '被改名' });
  });

  test('书记可改本支部成员的姓名与手机号，审计日志记下字段名但不记手机号', async () => {
    const updated = await c.ok(secB, 'roster', 'update', { memberId: org.members.cpc.id, name: '党员委员', phone: '13912340001' });
    expect(updated.phone).toBe('13912340001');
    const [entry] = await latestAudit(db, org.orgId);
    expect(entry).toMatchObject({ action: 'roster.update', actor_name: '书记乙', target_id: org.members.cpc.id, summary: '修改了 党员委员 的手机号' });
    expect(JSON.stringify(entry)).not.toContain('13912340001');
  });

  test.each([
    ['政治面貌', { affiliation: '民盟' }],
    ['职务', { position: '常委' }],
    ['界别', { sectorId: null }],
    ['专委会', { committeeIds: [] }],
    ['组织关系', { memberships: [] }],
    ['姓名之外再带上职务', { name: '新名字', position: '常委' }],
  ])('书记修改本支部成员的%s → FORBIDDEN，什么也不变', async (_label, fields) => {
    await expectForbiddenNoChange(secB, 'roster', 'update', { memberId: org.members.cpc.id, ...fields });
  });
});

describe('新增与修改', () => {
  const base = { name: '新增甲', kind: 'committee_member', position: '委员', affiliation: '中共党员' };

  test('新增成员：专委会、界别与双重组织关系都记下，写审计日志', async () => {
    const created = await c.ok(admin, 'roster', 'create', {
      ...base,
      phone: '13912340002',
      sectorId: org.sectors.cpc,
      committeeIds: [org.committees.economy],
      memberships: [
        { branchId: org.branches.retired, kind: 'primary' },
        { branchId: org.branches.B, kind: 'functional', duty: '支委' },
      ],
    });
    expect(created).toMatchObject({
      name: '新增甲',
      phone: '13912340002',
      sector: { name: '中国共产党' },
      committees: [{ name: '经济委员会' }],
      status: 'active',
      bound: false,
    });
    expect(created.branches.map((b) => [b.branchName, b.kind, b.duty])).toEqual([
      ['离退休干部党支部', 'primary', '党员'],
      ['经济委功能型党支部', 'functional', '支委'],
    ]);
    expect((await latestAudit(db, org.orgId))[0]).toMatchObject({ action: 'roster.create', target_id: created.id, summary: '新增成员 新增甲' });
  });

  test.each([
    ['界别属于另一个政协', async (o: FixtureOrg, other: FixtureOrg) => ({ ...base, sectorId: other.sectors.education })],
    ['专委会属于另一个政协', async (o: FixtureOrg, other: FixtureOrg) => ({ ...base, committeeIds: [other.committees.economy] })],
    ['支部属于另一个政协', async (o: FixtureOrg, other: FixtureOrg) => ({ ...base, memberships: [{ branchId: other.branches.B, kind: 'functional' }] })],
    ['非中共党员加入支部', async (o: FixtureOrg) => ({ ...base, affiliation: '民盟', memberships: [{ branchId: o.branches.B, kind: 'functional' }] })],
    [
      '两个第一组织关系',
      async (o: FixtureOrg) => ({
        ...base,
        memberships: [
          { branchId: o.branches.A, kind: 'primary' },
          { branchId: o.branches.retired, kind: 'primary' },
        ],
      }),
    ],
    ['功能型关系挂在机关支部', async (o: FixtureOrg) => ({ ...base, memberships: [{ branchId: o.branches.A, kind: 'functional' }] })],
  ])('新增时%s → INVALID_PARAMETER，什么也没写', async (_label, make) => {
    const other = await createFixtureOrg(db);
    const before = await orgSnapshot(db, org.orgId);
    const res = await c.call(admin, 'roster', 'create', await make(org, other));
    expect(res).toEqual({ ok: false, error: { code: 'INVALID_PARAMETER', message: expect.stringMatching(CHINESE) } });
    expect(await orgSnapshot(db, org.orgId)).toEqual(before);
  });

  test('手机号已登记给别人 → CONFLICT（新增与修改都是）', async () => {
    const taken = (await c.ok(admin, 'roster', 'get', { memberId: org.members.staff.id })).phone;
    const before = await orgSnapshot(db, org.orgId);
    expect(codeOf(await c.call(admin, 'roster', 'create', { ...base, name: '撞号甲', phone: taken }))).toBe('CONFLICT');
    expect(codeOf(await c.call(admin, 'roster', 'update', { memberId: org.members.nonCpc.id, phone: taken }))).toBe('CONFLICT');
    expect(await orgSnapshot(db, org.orgId)).toEqual(before);
  });

  test('管理员修改政治面貌为民盟时须同时去掉组织关系', async () => {
    const m = await c.ok(admin, 'roster', 'create', { ...base, name: '转党派甲', memberships: [{ branchId: org.branches.B, kind: 'functional' }] });
    expect(codeOf(await c.call(admin, 'roster', 'update', { memberId: m.id, affiliation: '民盟' }))).toBe('INVALID_PARAMETER');
    const updated = await c.ok(admin, 'roster', 'update', { memberId: m.id, affiliation: '民盟', memberships: [] });
    expect(updated).toMatchObject({ affiliation: '民盟', branches: [] });
  });
});

describe('退出与管理员角色', () => {
  test('退出保留历史：成员仍在库里、状态 retired、解除绑定、组织关系与专委会保留；列表按状态可查', async () => {
    const { id, openid } = org.members.nonCpc;
    const retired = await c.ok(admin, 'roster', 'retire', { memberId: id, reason: '换届不再连任' });
    expect(retired).toMatchObject({ status: 'retired', retireReason: '换届不再连任', bound: false, committees: [{ name: '经济委员会' }] });
    expect(retired.retiredAt).toBe(c.clock.now().toISOString());
    expect(codeOf(await c.call(openid, 'member', 'me'))).toBe('NOT_BOUND');
    expect(await db.selectFrom('member').select('status').where('org_id', '=', org.orgId).where('id', '=', id).executeTakeFirst()).toEqual({
      status: 'retired',
    });
    expect(names((await list(admin)).items)).not.toContain('民盟委员');
    expect(names((await list(admin, { status: 'retired' })).items)).toEqual(['民盟委员']);
    expect(names((await list(admin, { status: 'all' })).items)).toContain('民盟委员');
    expect((await latestAudit(db, org.orgId))[0]).toMatchObject({ action: 'roster.retire', target_id: id, summary: '民盟委员 退出：换届不再连任' });
    expect(codeOf(await c.call(admin, 'roster', 'retire', { memberId: id, reason: '再退一次' }))).toBe('CONFLICT');
  });

  test('不能把自己设为退出', async () => {
    expect(codeOf(await c.call(admin, 'roster', 'retire', { memberId: org.members.admin.id, reason: '自己退出' }))).toBe('CONFLICT');
  });

  test('设为管理员后即可读审计日志；撤销后又被拒绝；不能撤销自己', async () => {
    const { id, openid } = org.members.cpc;
    expect(codeOf(await c.call(openid, 'roster', 'auditLog', {}))).toBe('FORBIDDEN');
    expect(await c.ok(admin, 'roster', 'setAdmin', { memberId: id, admin: true })).toMatchObject({ isAdmin: true });
    expect((await c.ok(openid, 'member', 'me')).roles).toContain('admin');
    expect(codeOf(await c.call(openid, 'roster', 'auditLog', {}))).toBe('OK');
    await c.ok(admin, 'roster', 'setAdmin', { memberId: id, admin: false });
    expect(codeOf(await c.call(openid, 'roster', 'auditLog', {}))).toBe('FORBIDDEN');
    expect(codeOf(await c.call(admin, 'roster', 'setAdmin', { memberId: org.members.admin.id, admin: false }))).toBe('CONFLICT');
    const entries = await latestAudit(db, org.orgId, 2);
    expect(entries.map((e) => e.summary)).toEqual(['撤销 党员委员 的管理员角色', '设 党员委员 为管理员']);
  });
});

describe('审计日志', () => {
  test('管理员可读：新的在前，可按操作筛选，写明谁在何时做了什么', async () => {
    const total = await auditCount(db, org.orgId);
    const page = await c.ok(admin, 'roster', 'auditLog', { pageSize: 100 });
    expect(page.total).toBe(total);
    expect(page.items.length).toBe(Math.min(total, 100));
    const ids = page.items.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const updates = await c.ok(admin, 'roster', 'auditLog', { action: 'roster.update' });
    expect(updates.items.length).toBeGreaterThan(0);
    for (const e of updates.items) {
      expect(e).toMatchObject({ action: 'roster.update', targetKind: 'member', actorName: expect.any(String), summary: expect.stringMatching(CHINESE) });
      expect(new Date(e.at).toString()).not.toBe('Invalid Date');
    }
  });

  test('按人与日期筛选：操作者或被操作的成员、北京时间的日期（含首尾）', async () => {
    const own = await createFixtureOrg(db);
    const day = (iso: string) => client(db, iso);
    await day('2026-11-20T10:00:00+08:00').ok(own.members.admin.openid, 'roster', 'update', { memberId: own.members.cpc.id, phone: '13912345001' });
    await day('2026-11-25T23:30:00+08:00').ok(own.members.admin.openid, 'roster', 'update', { memberId: own.members.nonCpc.id, phone: '13912345002' });
    const ask = (data: Record<string, unknown>) => c.ok(own.members.admin.openid, 'roster', 'auditLog', data).then((p) => p.items.map((e) => e.summary));
    const aboutCpc = await ask({ memberId: own.members.cpc.id });
    expect(aboutCpc).toHaveLength(1);
    expect(aboutCpc[0]).toContain('党员委员');
    expect(await ask({ person: '民盟委员' })).toEqual([expect.stringContaining('民盟委员')]);
    expect((await ask({ person: '管理员甲' })).length).toBe(2);
    // 11 月 25 日 23:30（北京时间）算 25 日
    expect(await ask({ from: '2026-11-25', to: '2026-11-25' })).toEqual([expect.stringContaining('民盟委员')]);
    expect(await ask({ from: '2026-11-21', to: '2026-11-24' })).toEqual([]);
    expect(await ask({ action: 'roster.update', from: '2026-11-01', to: '2026-11-30' })).toHaveLength(2);
  });

  test.each([
    ['书记', 'secB'],
    ['党员委员', 'cpc'],
    ['机关干部', 'staff'],
  ] as const)('%s读审计日志 → FORBIDDEN', async (_label, who) => {
    expect(codeOf(await c.call(org.members[who].openid, 'roster', 'auditLog', {}))).toBe('FORBIDDEN');
  });

  test('数据库层面只能追加：UPDATE、DELETE 与 TRUNCATE 都被拒绝', async () => {
    const before = await orgSnapshot(db, org.orgId);
    await expect(db.updateTable('audit_log').set({ summary: '篡改' }).where('org_id', '=', org.orgId).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').where('org_id', '=', org.orgId).execute()).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE audit_log SET actor_name = 'x' WHERE org_id = ${org.orgId}`.execute(db)).rejects.toThrow(/append-only/);
    // TRUNCATE 也不行（在事务里试，万一没拦住也回滚，不清空别的用例的数据）；积分流水同样
    for (const table of ['audit_log', 'points_entry']) {
      await expect(
        db.transaction().execute(async (trx) => {
          await sql`TRUNCATE ${sql.table(table)} CASCADE`.execute(trx);
          throw new Error('TRUNCATE 没有被拒绝');
        }),
      ).rejects.toThrow(/append-only/);
    }
    expect(await orgSnapshot(db, org.orgId)).toEqual(before);
  });
});

describe('导出名册', () => {
  test('管理员按筛选条件导出 XLSX：拼音次序、手机号与组织关系都在；导出记入审计；书记不能导出', async () => {
    const own = await createFixtureOrg(db);
    const oc = client(db);
    const file = await oc.ok(own.members.admin.openid, 'roster', 'exportRoster', { branchId: own.branches.B });
    expect(file.fileName).toMatch(/^成员名册-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = await readSheet(file.fileName, Buffer.from(file.contentBase64, 'base64'));
    expect(sheet.headers).toEqual([
      '姓名',
      '手机号',
      '类别',
      '职务',
      '政治面貌',
      '界别',
      '专委会',
      '党组织关系',
      '性别',
      '民族',
      '出生年月',
      '工作单位及职务',
      '届次',
      '微信绑定',
      '状态',
    ]);
    // B 支部：党员委员（dang）、书记乙（shu）
    expect(sheet.rows.map((r) => r.cells[0])).toEqual(['党员委员', '书记乙']);
    const cpc = sheet.rows[0].cells;
    expect(cpc[1]).toMatch(/^1380000\d{4}$/);
    expect(cpc[4]).toBe('中共党员');
    expect(cpc[7]).toContain('经济委功能型党支部（功能型）');
    expect(sheet.rows[1].cells[7]).toContain('（功能型·书记）');
    expect(sheet.rows.map((r) => r.cells[14])).toEqual(['在册', '在册']);
    expect((await latestAudit(db, own.orgId))[0]).toMatchObject({ action: 'roster.exportRoster', target_kind: 'export', summary: '导出成员名册（2 人）' });
    expect(codeOf(await oc.call(own.members.secB.openid, 'roster', 'exportRoster', {}))).toBe('FORBIDDEN');
  });
});

describe('修改组织关系：逐条比对，不抹掉历史', () => {
  test('仍在的关系保留加入时间、只改职务；新加的从现在算；已撤销临时支部里的记录保留；去掉的才删除', async () => {
    const own = await createFixtureOrg(db);
    const oc = client(db);
    const member = own.members.cpc.id;
    const joined = new Date('2025-03-01T00:00:00+08:00');
    // 加入时间在应用里不可改，测试直接用 SQL 把它放回过去
    await sql`UPDATE branch_membership SET joined_at = ${joined} WHERE org_id = ${own.orgId} AND member_id = ${member}`.execute(db);
    // 全会临时支部：参加过、已撤销
    const temp = (
      await db
        .insertInto('party_org')
        .values({
          org_id: own.orgId,
          parent_id: own.branches.committeeParty,
          name: '全会临时党支部',
          level: '党支部',
          branch_kind: '临时党支部',
          status: 'closed',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await db
      .insertInto('branch_membership')
      .values({ org_id: own.orgId, member_id: member, branch_id: temp, kind: 'functional', duty: '党员', joined_at: joined })
      .execute();

    // 表单里只有仍在的支部：第一组织关系不变、升为支委；去掉经济委功能型支部
    await oc.ok(own.members.admin.openid, 'roster', 'update', {
      memberId: member,
      memberships: [{ branchId: own.branches.retired, kind: 'primary', duty: '支委' }],
    });
    const rows = await db
      .selectFrom('branch_membership')
      .select(['branch_id', 'kind', 'duty', 'joined_at'])
      .where('org_id', '=', own.orgId)
      .where('member_id', '=', member)
      .execute();
    const byBranch = new Map(rows.map((r) => [r.branch_id, r]));
    expect(byBranch.get(own.branches.retired)).toMatchObject({ kind: 'primary', duty: '支委' });
    expect(new Date(byBranch.get(own.branches.retired)!.joined_at).getTime()).toBe(joined.getTime());
    expect(byBranch.has(own.branches.B)).toBe(false);
    expect(byBranch.get(temp)).toMatchObject({ kind: 'functional', duty: '党员' });

    // 第一组织关系从离退休支部转到机关支部，重新加入经济委功能型支部：守住“只有一个第一组织关系”
    await oc.ok(own.members.admin.openid, 'roster', 'update', {
      memberId: member,
      memberships: [
        { branchId: own.branches.A, kind: 'primary', duty: '党员' },
        { branchId: own.branches.B, kind: 'functional', duty: '党员' },
      ],
    });
    const after = await db
      .selectFrom('branch_membership')
      .select(['branch_id', 'kind', 'joined_at'])
      .where('org_id', '=', own.orgId)
      .where('member_id', '=', member)
      .execute();
    expect(new Set(after.map((r) => `${r.branch_id}:${r.kind}`))).toEqual(
      new Set([`${own.branches.A}:primary`, `${own.branches.B}:functional`, `${temp}:functional`]),
    );
    expect(new Date(after.find((r) => r.branch_id === own.branches.A)!.joined_at).getTime()).toBeGreaterThan(joined.getTime());

    // 表单把已撤销支部里的那条原样带回来（成员详情里有它）：视为历史，照常保存，不报“已撤销”
    await oc.ok(own.members.admin.openid, 'roster', 'update', {
      memberId: member,
      memberships: [
        { branchId: own.branches.A, kind: 'primary', duty: '支委' },
        { branchId: temp, kind: 'functional', duty: '党员' },
      ],
    });
    const last = await db
      .selectFrom('branch_membership')
      .select(['branch_id', 'duty', 'joined_at'])
      .where('org_id', '=', own.orgId)
      .where('member_id', '=', member)
      .execute();
    expect(new Set(last.map((r) => r.branch_id))).toEqual(new Set([own.branches.A, temp]));
    expect(new Date(last.find((r) => r.branch_id === temp)!.joined_at).getTime()).toBe(joined.getTime());
    // 但不能借此新加入一个已撤销的支部
    const other = (
      await db
        .insertInto('party_org')
        .values({
          org_id: own.orgId,
          parent_id: own.branches.committeeParty,
          name: '另一个临时党支部',
          level: '党支部',
          branch_kind: '临时党支部',
          status: 'closed',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const refused = await oc.call(own.members.admin.openid, 'roster', 'update', {
      memberId: member,
      memberships: [
        { branchId: own.branches.A, kind: 'primary', duty: '支委' },
        { branchId: other, kind: 'functional', duty: '党员' },
      ],
    });
    expect(codeOf(refused)).toBe('INVALID_PARAMETER');
  });
});
