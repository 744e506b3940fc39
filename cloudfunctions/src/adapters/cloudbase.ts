import type { CloudFunction } from '../core/dispatch';
import type { Deps } from '../core/action';
import { createDb } from '../db/connect';
import { systemClock } from './clock';
import { consoleLogger } from './logger';
import { cryptoRandom } from './random';

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
    deps ??= { db: createDb({ max: 2 }), clock: systemClock, logger: consoleLogger, random: cryptoRandom };
    const { OPENID } = cloud.getWXContext() as { OPENID?: string };
    return fn.handle(stripSdkFields(event), OPENID, deps);
  };
}

/** 小程序端 callFunction 会在 event 里附带 userInfo 等字段，只保留 action 与 data。 */
function stripSdkFields(event: unknown): unknown {
  if (typeof event !== 'object' || event === null) return event;
  const { action, data } = event as { action?: unknown; data?: unknown };
  return { action, data };
}
