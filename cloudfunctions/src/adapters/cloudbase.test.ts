/**
 * CloudBase 入口：配置不全（签到密钥、数据库连接）时不抛出，而是回答 CONFIG.MISSING，日志写明缺哪一项。
 * wx-server-sdk 换成桩；不连数据库（配置检查在任何查询之前）。
 */
const wx = {
  init: jest.fn(),
  DYNAMIC_CURRENT_ENV: 'env',
  getWXContext: () => ({ OPENID: 'o-test' }),
  openapi: { wxacode: { getUnlimited: jest.fn() } },
  downloadFile: jest.fn(),
  deleteFile: jest.fn(),
};
jest.mock('wx-server-sdk', () => wx, { virtual: true });

import { missingSetting } from './cloudbase';

const DB_ENV = { PGHOST: '127.0.0.1', PGPORT: '1', PGDATABASE: 'x', PGUSER: 'x', PGPASSWORD: 'x' };
const saved = { ...process.env };
let logged: string[];

beforeEach(() => {
  logged = [];
  jest.spyOn(console, 'error').mockImplementation((line: string) => void logged.push(String(line)));
  for (const k of ['CHECKIN_SECRET', 'DATABASE_URL', ...Object.keys(DB_ENV)]) delete process.env[k];
});
afterEach(() => {
  jest.restoreAllMocks();
  process.env = { ...saved };
});

/** 每次取一个新的函数模块（入口在模块作用域里缓存依赖） */
function freshMain(path: '../functions/event/main' | '../functions/member/main'): (event: unknown) => Promise<unknown> {
  let main: (event: unknown) => Promise<unknown> = async () => undefined;
  jest.isolateModules(() => {
    main = require(path).main;
  });
  return main;
}

const CONFIG_MISSING = { ok: false, error: { code: 'CONFIG.MISSING', message: '系统尚未配置完成，请联系管理员' } };

describe('配置不全时以信封回答', () => {
  test('event 函数没设 CHECKIN_SECRET：CONFIG.MISSING，日志写明 CHECKIN_SECRET', async () => {
    Object.assign(process.env, DB_ENV);
    const main = freshMain('../functions/event/main');
    expect(await main({ action: 'checkin', data: { token: 'x' }, userInfo: { appId: 'wx' } })).toEqual(CONFIG_MISSING);
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0])).toMatchObject({ level: 'error', message: 'configuration missing', fn: 'event', setting: 'CHECKIN_SECRET' });
  });

  test('CHECKIN_SECRET 太短：同样回答，日志说明长度', async () => {
    Object.assign(process.env, DB_ENV, { CHECKIN_SECRET: 'short' });
    const main = freshMain('../functions/event/main');
    expect(await main({ action: 'screen', data: {} })).toEqual(CONFIG_MISSING);
    expect(JSON.parse(logged[0]).problem).toMatch(/太短（5 个字符，至少 32 个）/);
  });

  test('没设数据库连接：CONFIG.MISSING，日志写明 PGHOST；member 函数不需要签到密钥', async () => {
    const main = freshMain('../functions/member/main');
    expect(await main({ action: 'me' })).toEqual(CONFIG_MISSING);
    expect(JSON.parse(logged[0])).toMatchObject({ fn: 'member', setting: 'PGHOST' });
    expect(missingSetting({ ...DB_ENV }, {})).toBeNull();
    expect(missingSetting({ DATABASE_URL: 'postgresql://x' }, {})).toBeNull();
    expect(missingSetting({ ...DB_ENV }, { checkinSecret: true })).toMatchObject({ setting: 'CHECKIN_SECRET' });
  });
});
