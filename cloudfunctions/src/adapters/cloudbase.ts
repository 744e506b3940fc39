import type { CloudFunction } from '../core/dispatch';
import type { Deps } from '../core/action';
import { createDb } from '../db/connect';
import { systemClock } from './clock';
import { consoleLogger } from './logger';
import { cryptoRandom } from './random';
import type { CodeRenderer } from './codes';

/**
 * CloudBase 云函数入口。连接池在模块作用域创建，同一实例的后续调用复用；
 * 身份只取自 getWXContext() 的 OPENID，客户端传来的任何 id 都不被信任。
 */
export function cloudbaseEntry(fn: CloudFunction) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  let deps: Deps | undefined;
  return async (event: unknown): Promise<unknown> => {
    deps ??= {
      db: createDb({ max: 2 }),
      clock: systemClock,
      logger: consoleLogger,
      random: cryptoRandom,
      codes: miniProgramCodes(cloud),
      secrets: { checkin: requireSecret('CHECKIN_SECRET') },
    };
    const { OPENID } = cloud.getWXContext() as { OPENID?: string };
    return fn.handle(stripSdkFields(event), OPENID, deps);
  };
}

/** 小程序码：scene 放令牌（≤ 32 字符），微信扫一扫直接打开签到页 */
function miniProgramCodes(cloud: { openapi: { wxacode: { getUnlimited(o: object): Promise<{ buffer: Buffer; contentType?: string }> } } }): CodeRenderer {
  return {
    async render(token) {
      const res = await cloud.openapi.wxacode.getUnlimited({ scene: token, page: 'pages/checkin/index', checkPath: false, width: 430 });
      return `data:${res.contentType ?? 'image/jpeg'};base64,${Buffer.from(res.buffer).toString('base64')}`;
    },
  };
}

function requireSecret(name: string): string {
  const value = process.env[name];
  if (!value || value.length < 32) throw new Error(`环境变量 ${name} 未设置或太短（至少 32 个字符）：请在云函数配置里设置`);
  return value;
}

/** 小程序端 callFunction 会在 event 里附带 userInfo 等字段，只保留 action 与 data。 */
function stripSdkFields(event: unknown): unknown {
  if (typeof event !== 'object' || event === null) return event;
  const { action, data } = event as { action?: unknown; data?: unknown };
  return { action, data };
}
