import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functions } from '../../cloudfunctions/src/functions';
import { createHost } from '../../cloudfunctions/src/host/server';
import { seedDemo } from '../../cloudfunctions/src/seed/demo';
import { seedSuggestionsDemo } from '../../cloudfunctions/src/seed/suggestions';
import { TEST_FILES, makeDeps, useTestDb } from '../support/db';
import { writeXlsx } from '../../cloudfunctions/src/adapters/spreadsheet';
import { type FixtureOrg, createFixtureOrg } from '../support/fixture-org';

const t = useTestDb();
let server: Server;
let base: string;
let org: FixtureOrg;

beforeAll(async () => {
  org = await createFixtureOrg(t.db());
  const demo = await seedDemo(t.db());
  await seedSuggestionsDemo(makeDeps(t.db()).deps, demo.orgId);
  const staticDir = mkdtempSync(join(tmpdir(), 'tx-h5-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>同心圆</title>');
  server = createHost({ deps: makeDeps(t.db()).deps, functions, files: TEST_FILES, staticDir });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

async function post(path: string, body: string, openid?: string) {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) },
    body,
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; data?: any; error?: { code: string; message: string } } };
}

describe('本地宿主', () => {
  test('提醒：POST /api/dev/tick 按指定时间跑一轮定时器，GET /api/dev/outbox 列出发件箱；时间格式不对答 INVALID_PARAMETER', async () => {
    const tick = await post('/api/dev/tick', JSON.stringify({ at: '2026-12-02T14:30:00+08:00' }));
    expect(tick.body).toMatchObject({ ok: true, data: { enqueued: expect.any(Number), sent: expect.any(Number), remaining: expect.any(Number) } });
    expect((await post('/api/dev/tick', '{"at":"明天"}')).body.error?.code).toBe('INVALID_PARAMETER');
    const outbox = (await (await fetch(`${base}/api/dev/outbox?limit=5`)).json()) as { ok: boolean; data: unknown[] };
    expect(outbox.ok).toBe(true);
    expect(Array.isArray(outbox.data)).toBe(true);
  });

  test('POST /api/fn/member {action:me} 以请求头中的身份回答', async () => {
    const res = await post('/api/fn/member', '{"action":"me"}', org.members.secA.openid);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, data: { name: '书记甲', roles: ['staff', 'secretary'] } });
  });

  test.each([
    ['没有请求头', '{"action":"me"}', undefined, 'UNAUTHENTICATED'],
    ['未绑定的身份', '{"action":"me"}', 'someone-unknown', 'NOT_BOUND'],
    ['未知操作', '{"action":"fly"}', 'dev_admin', 'UNKNOWN_ACTION'],
    ['坏的 data', '{"action":"me","data":[1]}', 'dev_admin', 'INVALID_PARAMETER'],
    ['不是 JSON', '{action:me', 'dev_admin', 'INVALID_PARAMETER'],
    ['空请求体', '', 'dev_admin', 'INVALID_PARAMETER'],
  ])('%s：HTTP 200 + %s', async (_name, body, openid, code) => {
    const res = await post('/api/fn/member', body, openid);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: false, error: { code, message: expect.any(String) } });
  });

  test('未知云函数也以信封回答', async () => {
    const res = await post('/api/fn/nothing', '{"action":"me"}', 'dev_admin');
    expect(res.body.error?.code).toBe('UNKNOWN_ACTION');
  });

  test('POST /api/upload：本地模式的上传，交回的 id 交给 roster.previewImport / commitImport', async () => {
    const admin = org.members.admin.openid;
    const rows = Array.from({ length: 50 }, (_, i) => [`上传${i}号`, `136${String(i).padStart(8, '0')}`, '', '', '民盟', '委员', '', '']);
    const xlsx = await writeXlsx('名单', ['姓名', '手机号', '界别', '专委会', '政治面貌', '职务', '第一组织关系', '功能型支部'], rows);
    const up = await fetch(`${base}/api/upload`, { method: 'POST', headers: { 'x-dev-openid': admin }, body: new Uint8Array(xlsx) });
    const { data } = (await up.json()) as { data: { fileId: string } };
    expect(data.fileId).toMatch(/^local\//);
    const preview = await post('/api/fn/roster', JSON.stringify({ action: 'previewImport', data: { fileName: '名单.xlsx', fileId: data.fileId } }), admin);
    expect(preview.body).toMatchObject({ ok: true, data: { total: 50, valid: 50 } });
    const commit = await post('/api/fn/roster', JSON.stringify({ action: 'commitImport', data: { fileName: '名单.xlsx', fileId: data.fileId } }), admin);
    expect(commit.body).toMatchObject({ ok: true, data: { created: 50 } });
  });

  test('POST /api/upload：超过 10 MB 不落盘；没有身份不收', async () => {
    const big = await fetch(`${base}/api/upload`, {
      method: 'POST',
      headers: { 'x-dev-openid': org.members.admin.openid },
      body: new Uint8Array(20 * 1024 * 1024),
    });
    expect(await big.json()).toMatchObject({ ok: false, error: { code: 'FILE.TOO_LARGE', message: '文件不能超过 10 MB' } });
    const anonymous = await fetch(`${base}/api/upload`, { method: 'POST', body: 'a,b' });
    expect(await anonymous.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  test('GET /api/dev/identities 列出演示身份及其角色', async () => {
    const res = (await (await fetch(`${base}/api/dev/identities`)).json()) as { ok: boolean; data: any[] };
    expect(res.ok).toBe(true);
    const byOpenid = Object.fromEntries(res.data.map((d: { openid: string; roles: string[] }) => [d.openid, d.roles]));
    expect(byOpenid.dev_admin).toContain('admin');
    expect(byOpenid.dev_secretary).toContain('secretary');
    expect(byOpenid.dev_non_cpc).toEqual(['member']);
    expect(byOpenid.dev_unbound).toEqual([]);
    expect(byOpenid.dev_unit).toEqual(['handler']);
  });

  test('GET /api/dev/contract 列出每个函数与操作的输入 JSON Schema', async () => {
    const res = (await (await fetch(`${base}/api/dev/contract`)).json()) as { data: any[] };
    const member = res.data.find((f: { name: string }) => f.name === 'member');
    expect(member.actions).toContainEqual(expect.objectContaining({ action: 'me', access: 'member', input: expect.objectContaining({ type: 'object' }) }));
    // 每个操作列出可能返回的错误码与默认提示：分发器产生的，加上处理器声明的
    const bind = member.actions.find((a: { action: string }) => a.action === 'bind');
    const codes = bind.errors.map((e: { code: string }) => e.code);
    expect(codes).toEqual(expect.arrayContaining(['UNAUTHENTICATED', 'INVALID_PARAMETER', 'INTERNAL', 'RATE_LIMITED', 'MEMBER.INVITE_EXPIRED']));
    expect(codes).not.toContain('NOT_BOUND');
    expect(bind.errors).toContainEqual({ code: 'RATE_LIMITED', key: 'RATE_LIMITED#BIND', message: '尝试次数过多，请 {minutes} 分钟后再试' });
  });

  test('静态页面：任意路径回到 index.html，不能越出目录', async () => {
    const page = await fetch(`${base}/pages/mine/index`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('同心圆');
    const escape = await fetch(`${base}/..%2f..%2fetc%2fpasswd`);
    expect(await escape.text()).not.toContain('root:');
  });
});

describe('演示数据', () => {
  test('建言：承办单位的工作人员看到交办给住建局的两件；一件等评价；办公室的队列里有待审查的社情民意；再写一次不重复', async () => {
    const { deps } = makeDeps(t.db());
    const demo = await seedDemo(t.db());
    expect(await seedSuggestionsDemo(deps, demo.orgId)).toBe(false);
    const unit = await functions.suggestions.handle({ action: 'unitList' }, 'dev_unit', deps);
    expect(unit.ok && (unit.data as Array<{ status: string }>).map((s) => s.status).sort()).toEqual(['assigned', 'replied']);
    const todos = await functions.home.handle({ action: 'todos' }, 'dev_secretary', deps);
    expect(todos.ok && (todos.data as { items: Array<{ kind: string }> }).items.map((i) => i.kind)).toContain('rateReply');
    const queue = await functions.suggestions.handle({ action: 'queue', data: { status: 'submitted' } }, 'dev_admin', deps);
    expect(queue.ok && (queue.data as { items: Array<{ kind: string }> }).items.map((i) => i.kind)).toEqual(['opinion']);
  });

  test('约 60 人、约四成党员、五个功能型党支部；重复写入不会重复', async () => {
    const db = t.db();
    const again = await seedDemo(db);
    expect(again.created).toBe(false);
    const members = await db.selectFrom('member').select(['affiliation', 'kind']).where('org_id', '=', again.orgId).execute();
    expect(members.length).toBeGreaterThanOrEqual(55);
    expect(members.length).toBeLessThanOrEqual(70);
    const cpcShare = members.filter((m) => m.affiliation === '中共党员').length / members.length;
    expect(cpcShare).toBeGreaterThan(0.3);
    expect(cpcShare).toBeLessThan(0.55);
    const functional = await db.selectFrom('party_org').select('id').where('org_id', '=', again.orgId).where('branch_kind', '=', '功能型党支部').execute();
    expect(functional).toHaveLength(5);
    const sectors = await db.selectFrom('sector').select('id').where('org_id', '=', again.orgId).execute();
    expect(sectors.length).toBeGreaterThanOrEqual(12);
    const dual = await db
      .selectFrom('branch_membership')
      .select('member_id')
      .where('org_id', '=', again.orgId)
      .groupBy('member_id')
      .having((eb) => eb.fn.count('kind').distinct(), '=', 2)
      .execute();
    expect(dual.length).toBeGreaterThan(0);
  });

  test('学习：几篇材料、一项必学篇目（经济委功能型支部的委员看得到、民盟委员没被要求）；重复写入不会重复', async () => {
    const db = t.db();
    const { orgId } = await seedDemo(db);
    const materials = await db.selectFrom('study_material').select('category').where('org_id', '=', orgId).execute();
    expect(materials.length).toBeGreaterThanOrEqual(3);
    const deps = makeDeps(db, new Date().toISOString()).deps;
    const mine = await functions.study.handle({ action: 'myAssignments' }, 'dev_cpc_member', deps);
    expect(mine.ok && (mine.data as unknown[]).length).toBe(1);
    const other = await functions.study.handle({ action: 'myAssignments' }, 'dev_non_cpc', deps);
    expect(other.ok && (other.data as unknown[]).length).toBe(0);
    // 面向全体的学习测试，人人可答
    const quizzes = await functions.study.handle({ action: 'myQuizzes' }, 'dev_non_cpc', deps);
    expect(quizzes.ok && (quizzes.data as unknown[]).length).toBe(1);
  });
});
