import { fail } from '@tongxin/shared-types';
import type { CloudFunction } from '../core/dispatch';
import type { Deps } from '../core/action';
import type { CodeRenderer, Logger } from '../core/ports';
import { createDb } from '../db/connect';
import { systemClock } from './clock';
import { consoleLogger } from './logger';
import { cryptoRandom } from './random';
import { cloudStorage } from './storage-cloud';
import { weixinContentCheck } from './content-check';
import { cloudReminderPorts } from './senders-cloud';

/** 一个函数在 CloudBase 上需要的环境变量（除数据库连接外） */
export interface EntryOptions {
  /** 签名签到码的密钥：只有 event 函数需要 */
  checkinSecret?: boolean;
  /** 发提醒（订阅消息、短信）：reminders 函数 */
  reminders?: boolean;
  /** 定时触发（event.Type === 'Timer'）时做什么；没有时定时事件当作普通调用（会得到 INVALID_PARAMETER） */
  onTimer?: (deps: Deps) => Promise<unknown>;
}

/** CloudBase 的定时触发事件：{ Type: 'Timer', TriggerName, Time } */
export function isTimerEvent(event: unknown): boolean {
  return (
    typeof event === 'object' &&
    event !== null &&
    ((event as { Type?: unknown }).Type === 'Timer' || typeof (event as { TriggerName?: unknown }).TriggerName === 'string')
  );
}

export interface MissingSetting {
  setting: string;
  problem: string;
}

const SECRET_MIN_LENGTH = 32;
/** pg 从这些变量连接（PGPORT 可省，默认 5432）；也可以只设一个 DATABASE_URL */
const DB_SETTINGS = ['PGHOST', 'PGDATABASE', 'PGUSER', 'PGPASSWORD'] as const;

/** 部署时漏设或设错的配置：找出第一项，写进日志，调用方只看到 CONFIG.MISSING */
export function missingSetting(env: NodeJS.ProcessEnv, options: EntryOptions): MissingSetting | null {
  if (!env.DATABASE_URL) {
    const absent = DB_SETTINGS.find((name) => !env[name]);
    if (absent) return { setting: absent, problem: '未设置（数据库连接需要 PGHOST、PGDATABASE、PGUSER、PGPASSWORD，或一个 DATABASE_URL）' };
  }
  if (options.checkinSecret) {
    const secret = env.CHECKIN_SECRET;
    if (!secret) return { setting: 'CHECKIN_SECRET', problem: '未设置' };
    if (secret.length < SECRET_MIN_LENGTH) return { setting: 'CHECKIN_SECRET', problem: `太短（${secret.length} 个字符，至少 ${SECRET_MIN_LENGTH} 个）` };
  }
  return null;
}

/**
 * CloudBase 云函数入口。连接池在模块作用域创建，同一实例的后续调用复用；
 * 身份只取自 getWXContext() 的 OPENID，客户端传来的任何 id 都不被信任。
 * 配置不全时不抛出（抛出会让小程序只看到“网络不给力”）：回答 CONFIG.MISSING，日志写明缺哪一项。
 */
export function cloudbaseEntry(fn: CloudFunction, options: EntryOptions = {}, logger: Logger = consoleLogger) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  let deps: Deps | undefined;
  return async (event: unknown): Promise<unknown> => {
    if (!deps) {
      const missing = missingSetting(process.env, options);
      if (missing) {
        logger.error('configuration missing', {
          fn: fn.name,
          setting: missing.setting,
          problem: `环境变量 ${missing.setting} ${missing.problem}：请在云函数配置里设置`,
        });
        return fail('CONFIG.MISSING');
      }
      deps = {
        db: createDb({ max: 2 }),
        clock: systemClock,
        logger,
        random: cryptoRandom,
        codes: miniProgramCodes(cloud),
        files: cloudStorage(cloud),
        content: weixinContentCheck(cloud, (error) => logger.error('content check failed', { fn: fn.name, error: String(error) })),
        secrets: { checkin: process.env.CHECKIN_SECRET ?? '' },
        reminders: options.reminders ? cloudReminderPorts(cloud, process.env, logger) : undefined,
      };
    }
    if (options.onTimer && isTimerEvent(event)) return options.onTimer(deps);
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

/** 小程序端 callFunction 会在 event 里附带 userInfo 等字段，只保留 action 与 data。 */
function stripSdkFields(event: unknown): unknown {
  if (typeof event !== 'object' || event === null) return event;
  const { action, data } = event as { action?: unknown; data?: unknown };
  return { action, data };
}
