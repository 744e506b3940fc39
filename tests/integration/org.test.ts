/**
 * 组织结构：党组织树、层级规则、开设/撤销/合并临时党支部、专委会与界别。
 */
import type { OrgTree } from '@tongxin/shared-types';
import type { DB } from '../../cloudfunctions/src/db/connect';
import { type Client, CHINESE, client, codeOf, insertTempBranch, latestAudit, membershipsOf, orgSnapshot } from '../support/call';
import { useTestDb } from '../support/db';
import { type FixtureOrg, createFixtureOrg } from '../support/fixture-org';

const t = useTestDb();
let db: DB;
let c: Client;
beforeAll(() => {
  db = t.db();
  c = client(db);
});

/** 每个测试一个新的政协：这里的写操作会改树 */
let org: FixtureOrg;
let admin: string;
beforeEach(async () => {
  org = await createFixtureOrg(db);
  admin = org.members.admin.openid;
});

const unit = (tree: OrgTree, id: string) => tree.units.find((u) => u.id === id);

/** 断言得到某个错误码，且组织的数据一行也没变 */
async function expectRefused(action: string, data: unknown, code: string, message?: RegExp) {
  const before = await orgSnapshot(db, org.orgId);
  const res = await c.call(admin, 'org', action as 'createUnit', data);
  expect(codeOf(res)).toBe(code);
  if (!res.ok) expect(res.error.message).toMatch(message ?? CHINESE);
  expect(await orgSnapshot(db, org.orgId)).toEqual(before);
}

describe('党组织树', () => {
  test('管理员与书记都能看到整棵树、专委会、界别与各支部人数；普通成员 → FORBIDDEN', async () => {
    for (const who of [admin, org.members.secB.openid]) {
      const tree = await c.ok(who, 'org', 'tree');
      expect(tree.units.map((u) => [u.name, u.level, u.branchKind, u.memberCount])).toEqual([
        ['测试党组', '党组', null, 0],
        ['机关党委', '机关党委', null, 0],
        ['机关党支部', '党支部', '机关支部', 3],
        ['经济委功能型党支部', '党支部', '功能型党支部', 2],
        ['离退休干部党支部', '党支部', '离退休支部', 1],
      ]);
      expect(unit(tree, org.branches.A)?.parentId).toBe(org.branches.committeeParty);
      expect(tree.committees.map((x) => x.name)).toEqual(['经济委员会']);
      expect(tree.sectors.map((x) => x.name).sort()).toEqual(['中国共产党', '教育界'].sort());
    }
    expect(codeOf(await c.call(org.members.cpc.openid, 'org', 'tree'))).toBe('FORBIDDEN');
  });
});

describe('新建与调整党组织', () => {
  test('在机关党委下开设临时党支部，写审计日志', async () => {
    const tree = await c.ok(admin, 'org', 'createUnit', {
      parentId: org.branches.committeeParty,
      name: '十四届三次全会临时党支部',
      level: '党支部',
      branchKind: '临时党支部',
    });
    const created = tree.units.find((u) => u.name === '十四届三次全会临时党支部');
    expect(created).toMatchObject({ parentId: org.branches.committeeParty, level: '党支部', branchKind: '临时党支部', status: 'active', memberCount: 0 });
    expect((await latestAudit(db, org.orgId))[0]).toMatchObject({
      action: 'org.createUnit',
      target_id: created!.id,
      summary: '新建临时党支部：十四届三次全会临时党支部',
    });
  });

  test.each([
    [
      '党支部没有类别',
      'INVALID_PARAMETER',
      (o: FixtureOrg) => ({ parentId: o.branches.committeeParty, name: '无类别支部', level: '党支部', branchKind: null }),
      /支部类别/,
    ],
    [
      '不是党支部却有类别',
      'INVALID_PARAMETER',
      (o: FixtureOrg) => ({ parentId: o.branches.root, name: '带类别的党委', level: '机关党委', branchKind: '临时党支部' }),
      /支部类别/,
    ],
    [
      '党组设在党支部之下',
      'INVALID_PARAMETER',
      (o: FixtureOrg) => ({ parentId: o.branches.A, name: '下级党组', level: '党组', branchKind: null }),
      /党组不能设在党支部之下/,
    ],
    [
      '党支部设在党支部之下',
      'INVALID_PARAMETER',
      (o: FixtureOrg) => ({ parentId: o.branches.A, name: '支部里的支部', level: '党支部', branchKind: '机关支部' }),
      /层级/,
    ],
    [
      '上级是另一个政协的组织',
      'NOT_FOUND',
      (_o: FixtureOrg, other: FixtureOrg) => ({ parentId: other.branches.committeeParty, name: '越界支部', level: '党支部', branchKind: '临时党支部' }),
      CHINESE,
    ],
  ])('%s → %s', async (_label, code, make, message) => {
    const other = await createFixtureOrg(db);
    await expectRefused('createUnit', make(org, other), code, message);
  });

  test('党小组可以设在党支部之下', async () => {
    const tree = await c.ok(admin, 'org', 'createUnit', { parentId: org.branches.A, name: '第一党小组', level: '党小组' });
    expect(tree.units.find((u) => u.name === '第一党小组')).toMatchObject({ parentId: org.branches.A, level: '党小组', branchKind: null });
  });

  test('上级已撤销 → CONFLICT', async () => {
    const temp = await insertTempBranch(db, org.orgId, org.branches.committeeParty);
    await c.ok(admin, 'org', 'closeBranch', { id: temp, reason: '全会结束' });
    await expectRefused('createUnit', { parentId: temp, name: '撤销后的小组', level: '党小组' }, 'CONFLICT');
  });

  test('调整上级到已撤销的组织 → CONFLICT（与新建一致）', async () => {
    const temp = await insertTempBranch(db, org.orgId, org.branches.committeeParty);
    const group = (await c.ok(admin, 'org', 'createUnit', { parentId: org.branches.A, name: '第二党小组', level: '党小组' })).units.find(
      (u) => u.name === '第二党小组',
    )!;
    await c.ok(admin, 'org', 'closeBranch', { id: temp, reason: '全会结束' });
    await expectRefused('updateUnit', { id: group.id, parentId: temp }, 'CONFLICT');
  });

  test('改名与调整上级', async () => {
    const tree = await c.ok(admin, 'org', 'updateUnit', { id: org.branches.B, name: '经济界功能型党支部', parentId: org.branches.root });
    expect(unit(tree, org.branches.B)).toMatchObject({ name: '经济界功能型党支部', parentId: org.branches.root });
    expect((await latestAudit(db, org.orgId))[0].summary).toBe('经济委功能型党支部：改名为 经济界功能型党支部，调整上级');
  });

  test.each([
    ['挂到自己之下', (o: FixtureOrg) => ({ id: o.branches.committeeParty, parentId: o.branches.committeeParty })],
    ['挂到自己的下级之下', (o: FixtureOrg) => ({ id: o.branches.root, parentId: o.branches.committeeParty })],
    ['挂到更下一级之下', (o: FixtureOrg) => ({ id: o.branches.root, parentId: o.branches.B })],
  ])('调整上级时不能成环：%s → INVALID_PARAMETER', async (_label, make) => {
    await expectRefused('updateUnit', make(org), 'INVALID_PARAMETER', /不能是它自己或它的下级/);
  });

  test('调整上级也守层级规则：党支部不能挂到党支部之下', async () => {
    await expectRefused('updateUnit', { id: org.branches.B, parentId: org.branches.A }, 'INVALID_PARAMETER', /党支部不能设在党支部之下/);
  });
});

describe('撤销与合并临时党支部', () => {
  test('非临时党支部不能撤销 → ORG.NOT_TEMPORARY', async () => {
    await expectRefused('closeBranch', { id: org.branches.A, reason: '试图撤销' }, 'ORG.NOT_TEMPORARY');
    await expectRefused('closeBranch', { id: org.branches.committeeParty, reason: '试图撤销' }, 'ORG.NOT_TEMPORARY');
  });

  test('撤销临时党支部：状态 closed，书记不再是书记，成员的组织关系记录保留；再撤销 → CONFLICT', async () => {
    const temp = await insertTempBranch(db, org.orgId, org.branches.committeeParty);
    await db
      .insertInto('branch_membership')
      .values({ org_id: org.orgId, member_id: org.members.cpc.id, branch_id: temp, kind: 'functional', duty: '书记' })
      .execute();
    expect((await c.ok(org.members.cpc.openid, 'member', 'me')).roles).toContain('secretary');
    const tree = await c.ok(admin, 'org', 'closeBranch', { id: temp, reason: '全会结束' });
    expect(unit(tree, temp)?.status).toBe('closed');
    expect((await latestAudit(db, org.orgId))[0]).toMatchObject({ action: 'org.closeBranch', target_id: temp, summary: '撤销 全会临时党支部：全会结束' });
    const me = await c.ok(org.members.cpc.openid, 'member', 'me');
    expect(me.roles).not.toContain('secretary');
    expect(me.branches.map((b) => b.branchId)).not.toContain(temp);
    expect((await membershipsOf(db, org.orgId, org.members.cpc.id)).map((m) => m.branch_id)).toContain(temp);
    await expectRefused('closeBranch', { id: temp, reason: '再次撤销' }, 'CONFLICT');
  });

  test('撤销或合并走的临时党支部，其下的党小组一并撤销，不留挂在已撤销支部下的小组', async () => {
    const temp = await insertTempBranch(db, org.orgId, org.branches.committeeParty, '考察临时党支部');
    const tree = await c.ok(admin, 'org', 'createUnit', { parentId: temp, name: '考察第一小组', level: '党小组' });
    const group = tree.units.find((u) => u.name === '考察第一小组')!;
    const closed = await c.ok(admin, 'org', 'closeBranch', { id: temp, reason: '考察结束' });
    expect(unit(closed, temp)?.status).toBe('closed');
    expect(unit(closed, group.id)?.status).toBe('closed');
    expect((await latestAudit(db, org.orgId))[0].summary).toBe('撤销 考察临时党支部及其下 1 个党小组：考察结束');

    const temp2 = await insertTempBranch(db, org.orgId, org.branches.committeeParty, '调研临时党支部');
    const group2 = (await c.ok(admin, 'org', 'createUnit', { parentId: temp2, name: '调研小组', level: '党小组' })).units.find((u) => u.name === '调研小组')!;
    const merged = await c.ok(admin, 'org', 'mergeBranches', { sourceId: temp2, targetId: org.branches.B });
    expect(unit(merged, group2.id)?.status).toBe('closed');
    expect((await latestAudit(db, org.orgId))[0].summary).toBe('调研临时党支部 合并入 经济委功能型党支部，转入 0 人，原支部下 1 个党小组一并撤销');
    // 别的支部下的党小组不受影响
    expect(unit(merged, org.branches.B)?.status).toBe('active');
  });

  test('所在临时支部撤销后，仍可修改这位成员的手机号', async () => {
    const temp = await insertTempBranch(db, org.orgId, org.branches.committeeParty);
    await db.insertInto('branch_membership').values({ org_id: org.orgId, member_id: org.members.cpc.id, branch_id: temp, kind: 'functional' }).execute();
    await c.ok(admin, 'org', 'closeBranch', { id: temp, reason: '全会结束' });
    const updated = await c.ok(admin, 'roster', 'update', { memberId: org.members.cpc.id, phone: '13912349999' });
    expect(updated.phone).toBe('13912349999');
    expect((await c.ok(org.members.secB.openid, 'roster', 'update', { memberId: org.members.cpc.id, name: '党员委员' })).name).toBe('党员委员');
  });

  test('合并：成员转入目标支部（已在目标支部的不重复），原支部撤销', async () => {
    const temp = await insertTempBranch(db, org.orgId, org.branches.committeeParty);
    // cpc 已在 B；secA 与 staff 不在；secA 是临时支部书记（职务不带入目标支部）
    for (const [who, duty] of [
      ['cpc', '党员'],
      ['secA', '书记'],
      ['staff', '党员'],
    ] as const) {
      await db
        .insertInto('branch_membership')
        .values({ org_id: org.orgId, member_id: org.members[who].id, branch_id: temp, kind: 'functional', duty })
        .execute();
    }
    const res = await c.ok(admin, 'org', 'mergeBranches', { sourceId: temp, targetId: org.branches.B });
    expect(res.moved).toBe(2);
    expect(unit(res, temp)?.status).toBe('closed');
    expect(unit(res, org.branches.B)?.memberCount).toBe(4);
    const inB = await db
      .selectFrom('branch_membership')
      .select(['member_id', 'kind', 'duty'])
      .where('org_id', '=', org.orgId)
      .where('branch_id', '=', org.branches.B)
      .execute();
    expect(inB.filter((r) => r.member_id === org.members.cpc.id)).toHaveLength(1);
    expect(inB.find((r) => r.member_id === org.members.secA.id)).toEqual({ member_id: org.members.secA.id, kind: 'functional', duty: '党员' });
    expect((await latestAudit(db, org.orgId))[0]).toMatchObject({
      action: 'org.mergeBranches',
      target_id: temp,
      summary: '全会临时党支部 合并入 经济委功能型党支部，转入 2 人',
    });
    // 转入的成员仍可正常编辑（合并没有造出违反组织关系规则的数据）
    expect((await c.ok(admin, 'roster', 'update', { memberId: org.members.staff.id, phone: '13912348888' })).phone).toBe('13912348888');
  });

  test.each([
    ['被合并的不是临时支部', 'ORG.NOT_TEMPORARY', (o: FixtureOrg, temp: string) => ({ sourceId: o.branches.B, targetId: temp })],
    ['合并到自己', 'INVALID_PARAMETER', (_o: FixtureOrg, temp: string) => ({ sourceId: temp, targetId: temp })],
    ['目标不是支部', 'NOT_FOUND', (o: FixtureOrg, temp: string) => ({ sourceId: temp, targetId: o.branches.committeeParty })],
    ['目标是机关支部（功能型关系不能挂在机关支部上）', 'INVALID_PARAMETER', (o: FixtureOrg, temp: string) => ({ sourceId: temp, targetId: o.branches.A })],
  ])('%s → %s', async (_label, code, make) => {
    const temp = await insertTempBranch(db, org.orgId, org.branches.committeeParty);
    await db.insertInto('branch_membership').values({ org_id: org.orgId, member_id: org.members.staff.id, branch_id: temp, kind: 'functional' }).execute();
    await expectRefused('mergeBranches', make(org, temp), code);
  });

  test('合并到已撤销的支部 → CONFLICT', async () => {
    const [a, b] = [
      await insertTempBranch(db, org.orgId, org.branches.committeeParty, '临时一'),
      await insertTempBranch(db, org.orgId, org.branches.committeeParty, '临时二'),
    ];
    await c.ok(admin, 'org', 'closeBranch', { id: b, reason: '考察结束' });
    await expectRefused('mergeBranches', { sourceId: a, targetId: b }, 'CONFLICT');
  });
});

describe('专委会与界别', () => {
  test.each([
    ['committee', '专委会'],
    ['sector', '界别'],
  ] as const)('%s：新建、改名、重名 → CONFLICT、改不存在的 → NOT_FOUND', async (kind, label) => {
    let tree = await c.ok(admin, 'org', 'saveGroup', { kind, name: '提案委员会' });
    const list = (tr: OrgTree) => (kind === 'committee' ? tr.committees : tr.sectors);
    const created = list(tree).find((g) => g.name === '提案委员会')!;
    expect(created).toBeDefined();
    expect((await latestAudit(db, org.orgId))[0]).toMatchObject({
      action: 'org.saveGroup',
      target_kind: kind,
      target_id: created.id,
      summary: `${label}：提案委员会`,
    });
    tree = await c.ok(admin, 'org', 'saveGroup', { kind, id: created.id, name: '提案和法制委员会' });
    expect(list(tree).find((g) => g.id === created.id)?.name).toBe('提案和法制委员会');
    await expectRefused('saveGroup', { kind, name: '提案和法制委员会' }, 'CONFLICT', new RegExp(`已有同名的${label}`));
    const existing = kind === 'committee' ? '经济委员会' : '教育界';
    await expectRefused('saveGroup', { kind, id: created.id, name: existing }, 'CONFLICT');
    await expectRefused('saveGroup', { kind, id: org.members.cpc.id, name: '不存在的组' }, 'NOT_FOUND');
  });

  test('专委会的 id 不能当界别改', async () => {
    await expectRefused('saveGroup', { kind: 'sector', id: org.committees.economy, name: '冒名界别' }, 'NOT_FOUND');
  });
});
