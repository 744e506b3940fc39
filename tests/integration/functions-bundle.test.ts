import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { DB } from '../../cloudfunctions/src/db/connect';
import { useTestDb } from '../support/db';
import { type FixtureOrg, createFixtureOrg } from '../support/fixture-org';

/**
 * 上传到云端的是 build.mjs 打好的包，不是源码：包里换掉了 zod 的多语言文案、pg 的运行环境探测（见 build.mjs），
 * 懒加载的大库另成文件。这里在新进程里加载打好的 member 函数（wx-server-sdk 换成桩，OPENID 由测试给），
 * 按云端的方式（PGHOST 等环境变量）连到测试数据库，确认它照常应答。
 * 只在真实的 PostgreSQL 服务器上跑（CI 的第二轮）：嵌入式 PGlite 只有一个会话，另一个进程的连接池会和测试的连接互相踩坏。
 */
const onServer = process.env.TEST_DATABASE_KIND === 'postgres';
if (!onServer) console.warn('跳过打好的云函数包的测试：需要真实的 PostgreSQL 服务器（设置 DATABASE_URL 后 npm test 会跑）');
const describeOnServer = onServer ? describe : describe.skip;
const ROOT = join(__dirname, '../..');

const CALLER = `
const Module = require('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'wx-server-sdk') return { init() {}, DYNAMIC_CURRENT_ENV: 'stub', getWXContext: () => ({ OPENID: process.env.STUB_OPENID }) };
  return load.call(this, request, ...rest);
};
const { main } = require(process.argv[1]);
(async () => {
  const answers = [];
  for (const event of JSON.parse(process.env.STUB_EVENTS)) answers.push(await main(event, {}));
  process.stdout.write(JSON.stringify(answers));
  process.exit(0);
})();
`;

function callBundle(
  fn: string,
  openid: string,
  events: unknown[],
): Array<{ ok: boolean; data?: { name?: string }; error?: { code: string; message: string } }> {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  const r = spawnSync(process.execPath, ['-e', CALLER, join(ROOT, 'cloudfunctions/dist', fn, 'index.js')], {
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      PATH: process.env.PATH,
      PGHOST: url.hostname,
      PGPORT: url.port || '5432',
      PGUSER: decodeURIComponent(url.username),
      PGPASSWORD: decodeURIComponent(url.password),
      PGDATABASE: url.pathname.slice(1),
      PGSSLMODE: 'disable',
      STUB_OPENID: openid,
      STUB_EVENTS: JSON.stringify(events),
    },
  });
  if (r.status !== 0) throw new Error(`打好的 ${fn} 没能应答：${r.stderr}`);
  return JSON.parse(r.stdout);
}

describeOnServer('打好的云函数包', () => {
  const t = useTestDb();
  let org: FixtureOrg;
  let db: DB;

  beforeAll(async () => {
    db = t.db();
    org = await createFixtureOrg(db);
    const built = spawnSync(process.execPath, [join(ROOT, 'cloudfunctions/build.mjs')], { cwd: ROOT, encoding: 'utf8', timeout: 170_000 });
    if (built.status !== 0) throw new Error(`云函数构建失败：${built.stderr}`);
  }, 180_000);

  test('member：已绑定的人取到资料；坏输入、未知操作、未绑定各有其码与中文说明', () => {
    const [me, bad, unknown] = callBundle('member', org.members.cpc.openid, [{ action: 'me' }, { action: 'me', data: { x: 1 } }, { action: 'dance' }]);
    expect(me.ok).toBe(true);
    expect(me.data?.name).toBe('党员委员');
    expect(bad.error?.code).toBe('INVALID_PARAMETER');
    expect(bad.error?.message).toMatch(/不支持的字段/);
    expect(unknown.error?.code).toBe('UNKNOWN_ACTION');
    const [stranger] = callBundle('member', 'nobody-here', [{ action: 'me' }]);
    expect(stranger.error?.code).toBe('NOT_BOUND');
  });
});
