import type { DB } from '../../cloudfunctions/src/db/connect';
import { memberFunction } from '../../cloudfunctions/src/functions/member';
import { makeDeps, useTestDb } from '../support/db';
import { type FixtureOrg, createFixtureOrg } from '../support/fixture-org';

const t = useTestDb();
let org: FixtureOrg;
let db: DB;

beforeAll(async () => {
  db = t.db();
  org = await createFixtureOrg(db);
});

const call = (event: unknown, openid: string | undefined) => memberFunction.handle(event, openid, makeDeps(db).deps);

describe('member.me', () => {
  test('已绑定的党员委员看到自己的资料与双重组织关系，第一组织关系在前', async () => {
    const res = await call({ action: 'me' }, org.members.cpc.openid);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const me = res.data as import('@tongxin/shared-types').MemberProfile;
    expect(me.name).toBe('党员委员');
    expect(me.orgId).toBe(org.orgId);
    expect(me.affiliation).toBe('中共党员');
    expect(me.sector?.name).toBe('中国共产党');
    expect(me.committees.map((c) => c.name)).toEqual(['经济委员会']);
    expect(me.roles).toEqual(['member']);
    expect(me.branches.map((b) => [b.branchName, b.kind, b.duty])).toEqual([
      ['离退休干部党支部', 'primary', '党员'],
      ['经济委功能型党支部', 'functional', '党员'],
    ]);
  });

  test('角色：管理员带 admin，支部书记带 secretary，机关干部带 staff', async () => {
    const roles = async (openid: string) => {
      const res = await call({ action: 'me' }, openid);
      return res.ok ? (res.data as { roles: string[] }).roles : res.error.code;
    };
    expect(await roles(org.members.admin.openid)).toEqual(['staff', 'admin']);
    expect(await roles(org.members.secB.openid)).toEqual(['member', 'secretary']);
    expect(await roles(org.members.staff.openid)).toEqual(['staff']);
    expect(await roles(org.members.nonCpc.openid)).toEqual(['member']);
  });

  test('data 可以省略，也可以是空对象', async () => {
    expect((await call({ action: 'me', data: {} }, org.members.nonCpc.openid)).ok).toBe(true);
  });

  test('未绑定的微信身份得到 NOT_BOUND', async () => {
    const res = await call({ action: 'me' }, org.unboundOpenid);
    expect(res).toEqual({ ok: false, error: { code: 'NOT_BOUND', message: expect.stringContaining('绑定') } });
  });

  test('已退出（retired）的成员不能再以其身份调用', async () => {
    const { id, openid } = org.members.staff;
    await db.updateTable('member').set({ status: 'retired' }).where('org_id', '=', org.orgId).where('id', '=', id).execute();
    try {
      const res = await call({ action: 'me' }, openid);
      expect(res.ok ? 'ok' : res.error.code).toBe('NOT_BOUND');
    } finally {
      await db.updateTable('member').set({ status: 'active' }).where('org_id', '=', org.orgId).where('id', '=', id).execute();
    }
  });

  test.each([[undefined], [''], [null]])('没有身份（%p）得到 UNAUTHENTICATED', async (openid) => {
    const res = await call({ action: 'me' }, openid as string | undefined);
    expect(res.ok ? 'ok' : res.error.code).toBe('UNAUTHENTICATED');
  });

  test('未知操作得到 UNKNOWN_ACTION，包括原型链上的名字', async () => {
    for (const action of ['nope', 'toString', '__proto__', 'constructor']) {
      const res = await call({ action }, org.members.cpc.openid);
      expect(res.ok ? 'ok' : res.error.code).toBe('UNKNOWN_ACTION');
    }
  });

  test.each([
    ['事件不是对象', 'me'],
    ['缺少 action', {}],
    ['action 不是文字', { action: 3 }],
    ['事件是数组', [{ action: 'me' }]],
  ])('%s 得到 INVALID_PARAMETER', async (_name, event) => {
    const res = await call(event, org.members.cpc.openid);
    expect(res.ok ? 'ok' : res.error.code).toBe('INVALID_PARAMETER');
  });

  test.each([
    [{ extra: 1 }, '包含不支持的字段'],
    [5, '请求数据'],
    ['x', '请求数据'],
  ])('不合规的 data %p 得到中文的 INVALID_PARAMETER', async (data, text) => {
    const res = await call({ action: 'me', data }, org.members.cpc.openid);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('INVALID_PARAMETER');
    expect(res.error.message).toContain(text);
    expect(res.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  test('意外故障得到 INTERNAL 与请求编号，日志里有堆栈，信封里没有', async () => {
    const { deps, logger } = makeDeps(db);
    const broken = {
      ...deps,
      db: new Proxy(db, {
        get: (target, key) =>
          key === 'selectFrom' || key === 'getExecutor'
            ? () => {
                throw new Error('boom: connection lost');
              }
            : Reflect.get(target, key),
      }),
    };
    const res = await memberFunction.handle({ action: 'me' }, org.members.cpc.openid, broken);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('INTERNAL');
    expect(res.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(res)).not.toContain('boom');
    expect(logger.entries).toHaveLength(1);
    expect(logger.entries[0].fields).toMatchObject({ requestId: res.error.requestId, fn: 'member', action: 'me' });
    expect(String(logger.entries[0].fields?.error)).toContain('boom: connection lost');
  });
});
