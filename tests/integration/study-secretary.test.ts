/**
 * 支部书记发布学习材料、布置必学（issue 14）：书记甲管机关支部（A），书记乙管经济委功能型支部（B）。
 * 书记只管本支部发布的材料；只给本支部或本支部的成员布置；越界一律拒绝且什么也不写。
 * 可见范围：支部发布的材料对全体成员可见（材料库、阅读、搜索），标明发布的支部。
 */
import type { MaterialSource } from '@tongxin/shared-types';
import type { DB } from '../../cloudfunctions/src/db/connect';
import { type Client, client, codeOf, orgSnapshot } from '../support/call';
import { useTestDb } from '../support/db';
import { type FixtureOrg, createFixtureOrg } from '../support/fixture-org';

jest.setTimeout(60_000);
const t = useTestDb();
let db: DB;
let c: Client;
let org: FixtureOrg;

const DUE = '2026-12-31T23:59:00+08:00';

async function publishAs(openid: string, body: Record<string, unknown> = {}): Promise<MaterialSource> {
  return c.ok(openid, 'study', 'publish', {
    title: '支部学习：协商议政',
    category: '党史学习',
    bodyMarkdown: '学习**党史**，做好协商议政。',
    source: '支部',
    ...body,
  });
}

const OUT_OF_BRANCH = '只能管理您所在支部的事务';
const OWN_AUDIENCE = '支部书记只能给本支部或本支部的成员布置必学篇目';

/** 调用被拒（FORBIDDEN，给出的说法），且组织里什么也没变 */
async function refusedUnchanged(openid: string, action: string, data: unknown, message: string) {
  const before = await orgSnapshot(db, org.orgId);
  const res = await c.call(openid, 'study', action as never, data as never);
  expect(res.ok ? 'OK' : { code: res.error.code, message: res.error.message }).toEqual({ code: 'FORBIDDEN', message });
  expect(await orgSnapshot(db, org.orgId)).toEqual(before);
}

beforeAll(async () => {
  db = t.db();
  c = client(db);
  org = await createFixtureOrg(db);
});

describe('书记发布、修改、撤回本支部的材料', () => {
  test('书记甲以本支部名义发布：记下支部与发布人；修改、撤回自己的', async () => {
    const m = await publishAs(org.members.secA.openid, { branchId: org.branches.A });
    const row = await db.selectFrom('study_material').select(['branch_id', 'created_by']).where('id', '=', m.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ branch_id: org.branches.A, created_by: org.members.secA.id });
    expect(m.branch).toEqual({ id: org.branches.A, name: '机关党支部' });

    const edited = await c.ok(org.members.secA.openid, 'study', 'edit', { materialId: m.id, title: '支部学习：协商议政（修订）' });
    expect(edited.title).toBe('支部学习：协商议政（修订）');
    expect((await c.ok(org.members.secA.openid, 'study', 'source', { materialId: m.id })).bodyMarkdown).toContain('党史');

    const list = await c.ok(org.members.secA.openid, 'study', 'manageList', undefined);
    expect(list.items.map((i) => i.id)).toContain(m.id);

    const gone = await c.ok(org.members.secA.openid, 'study', 'withdraw', { materialId: m.id });
    expect(gone.status).toBe('withdrawn');
    const audit = await db.selectFrom('audit_log').select('action').where('org_id', '=', org.orgId).where('target_id', '=', m.id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['study.edit', 'study.publish', 'study.withdraw']);
  });

  test('书记不写支部或写别的支部发布：FORBIDDEN，什么也不写', async () => {
    const body = { title: '越界发布', category: '党史学习', bodyMarkdown: '正文' };
    await refusedUnchanged(org.members.secA.openid, 'publish', body, OUT_OF_BRANCH);
    await refusedUnchanged(org.members.secA.openid, 'publish', { ...body, branchId: org.branches.B }, OUT_OF_BRANCH);
  });

  test('以支部名义发布：须是本政协在册的党支部；机关党委、党组等上级组织与不存在的 id 都答“支部不存在”，什么也不写', async () => {
    const body = { title: '以上级组织名义发布', category: '党史学习', bodyMarkdown: '正文' };
    for (const branchId of [org.branches.committeeParty, org.branches.root, '00000000-0000-4000-8000-000000000000']) {
      const before = await orgSnapshot(db, org.orgId);
      const res = await c.call(org.members.admin.openid, 'study', 'publish', { ...body, branchId });
      expect(res.ok ? 'OK' : { code: res.error.code, message: res.error.message }).toEqual({ code: 'NOT_FOUND', message: '支部不存在' });
      expect(await orgSnapshot(db, org.orgId)).toEqual(before);
    }
  });

  test('书记改不了、撤不回、看不到原文：办公室的与另一位书记的；管理列表里也没有它们', async () => {
    const office = await publishAs(org.members.admin.openid);
    const ofB = await publishAs(org.members.secB.openid, { branchId: org.branches.B });
    for (const id of [office.id, ofB.id]) {
      await refusedUnchanged(org.members.secA.openid, 'edit', { materialId: id, title: '书记甲改的标题' }, OUT_OF_BRANCH);
      await refusedUnchanged(org.members.secA.openid, 'withdraw', { materialId: id }, OUT_OF_BRANCH);
      expect(codeOf(await c.call(org.members.secA.openid, 'study', 'source', { materialId: id }))).toBe('FORBIDDEN');
    }
    // 不存在的材料对书记也是同一个答复（不透露是否存在）
    expect(codeOf(await c.call(org.members.secA.openid, 'study', 'withdraw', { materialId: '00000000-0000-4000-8000-000000000000' }))).toBe('FORBIDDEN');
    const mine = (await c.ok(org.members.secA.openid, 'study', 'manageList', undefined)).items.map((i) => i.id);
    expect(mine).not.toContain(office.id);
    expect(mine).not.toContain(ofB.id);
    // 普通成员仍进不了管理
    expect(codeOf(await c.call(org.members.cpc.openid, 'study', 'manageList', undefined))).toBe('FORBIDDEN');
  });

  test('办公室照旧管全部：改、撤回书记发布的', async () => {
    const ofB = await publishAs(org.members.secB.openid, { branchId: org.branches.B });
    const all = (await c.ok(org.members.admin.openid, 'study', 'manageList', undefined)).items.map((i) => i.id);
    expect(all).toContain(ofB.id);
    await c.ok(org.members.admin.openid, 'study', 'edit', { materialId: ofB.id, title: '办公室改过的标题' });
    expect((await c.ok(org.members.admin.openid, 'study', 'withdraw', { materialId: ofB.id })).status).toBe('withdrawn');
  });
});

describe('可见范围：支部的材料全体可见，标明支部', () => {
  test('别的支部、不在支部的成员在材料库、搜索、阅读里都看得到，并看到发布的支部', async () => {
    const m = await publishAs(org.members.secB.openid, { branchId: org.branches.B, title: '功能型支部专题学习', bodyMarkdown: '围绕营商环境开展协商。' });
    for (const who of [org.members.nonCpc, org.members.staff, org.members.secA]) {
      const list = await c.ok(who.openid, 'study', 'list', undefined);
      const item = list.items.find((i) => i.id === m.id);
      expect(item?.branch).toEqual({ id: org.branches.B, name: '经济委功能型党支部' });
      const found = await c.ok(who.openid, 'study', 'list', { q: '营商' });
      expect(found.items.map((i) => i.id)).toContain(m.id);
      const view = await c.ok(who.openid, 'study', 'get', { materialId: m.id });
      expect(view.branch?.name).toBe('经济委功能型党支部');
    }
    // 办公室发布的没有支部
    const office = await publishAs(org.members.admin.openid);
    expect((await c.ok(org.members.nonCpc.openid, 'study', 'get', { materialId: office.id })).branch).toBeNull();
  });
});

describe('书记布置必学：只给本支部或本支部的成员', () => {
  test('书记乙把办公室的材料、本支部的材料布置给本支部与本支部的成员', async () => {
    const office = await publishAs(org.members.admin.openid);
    const a = await c.ok(org.members.secB.openid, 'study', 'assign', { materialId: office.id, dueAt: DUE, audience: [{ kind: 'branch', id: org.branches.B }] });
    expect(a.expected).toBe(2); // 书记乙与党员委员
    const own = await publishAs(org.members.secB.openid, { branchId: org.branches.B });
    const b = await c.ok(org.members.secB.openid, 'study', 'assign', {
      materialId: own.id,
      dueAt: DUE,
      audience: [{ kind: 'member', id: org.members.cpc.id }],
    });
    expect(b.audience).toEqual([{ kind: 'member', id: org.members.cpc.id, name: '党员委员' }]);
    const mine = await c.ok(org.members.cpc.openid, 'study', 'myAssignments', undefined);
    expect(mine.map((x) => x.id)).toEqual(expect.arrayContaining([a.id, b.id]));
  });

  test('全体、别的支部、专委会、界别、支部外的人：FORBIDDEN，什么也不写', async () => {
    const own = await publishAs(org.members.secB.openid, { branchId: org.branches.B });
    const wider = [
      [{ kind: 'all', id: null }],
      [{ kind: 'branch', id: org.branches.A }],
      [{ kind: 'committee', id: org.committees.economy }],
      [{ kind: 'sector', id: org.sectors.cpc }],
      [{ kind: 'member', id: org.members.nonCpc.id }],
      [{ kind: 'member', id: org.members.staff.id }],
      // 夹带一个越界的也不行
      [
        { kind: 'branch', id: org.branches.B },
        { kind: 'member', id: org.members.staff.id },
      ],
    ];
    for (const audience of wider) {
      await refusedUnchanged(org.members.secB.openid, 'assign', { materialId: own.id, dueAt: DUE, audience }, OWN_AUDIENCE);
    }
  });

  test('办公室照旧可以布置给全体、专委会、界别', async () => {
    const office = await publishAs(org.members.admin.openid);
    const a = await c.ok(org.members.admin.openid, 'study', 'assign', {
      materialId: office.id,
      dueAt: DUE,
      audience: [
        { kind: 'all', id: null },
        { kind: 'committee', id: org.committees.economy },
        { kind: 'sector', id: org.sectors.education },
      ],
    });
    expect(a.audience).toHaveLength(3);
  });
});
