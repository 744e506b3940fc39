import type { DB } from '../../db/connect';
import type { EventRow } from './shared';

/**
 * 签到热路径的活动行缓存（函数实例内，按令牌里的短代码）。200 人扫同一块屏时，活动行每人读一遍是白费的往返；
 * 屏幕一亮几十人同时扫，也只读一次（缓存的是读的那次 Promise）。
 * 缓存不必“及时失效”：写签到的语句只在活动行的修订号（迁移 007，任何改动都加一）与缓存一致时才写，
 * 不一致就重读（fresh）再判断（见 recordOwnAttendance）。过期时间与条数上限只为不让内存无限增长。
 */
const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 500;
const cache = new Map<string, { row: Promise<EventRow | undefined>; loadedAt: number }>();

export function eventByShortCode(db: DB, shortCode: string, options: { fresh?: boolean } = {}): Promise<EventRow | undefined> {
  const hit = cache.get(shortCode);
  if (hit && !options.fresh && Date.now() - hit.loadedAt < TTL_MS) return hit.row;
  const row = db.selectFrom('event').selectAll().where('short_code', '=', shortCode).executeTakeFirst();
  cache.delete(shortCode);
  cache.set(shortCode, { row, loadedAt: Date.now() });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  // 读失败或没有这场活动都不留在缓存里：下次重读
  const forget = () => {
    if (cache.get(shortCode)?.row === row) cache.delete(shortCode);
  };
  row.then((r) => r ?? forget(), forget);
  return row;
}
