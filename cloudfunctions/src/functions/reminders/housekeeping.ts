import { sql } from 'kysely';
import type { Deps } from '../../core/action';
import { cleanupUploads } from '../uploads';

const DAY = 24 * 3600_000;
/** 每轮每类至多删这么多行：删不完的下一轮（5 分钟后）接着删，一轮不会因为积压太多而超时 */
export const HOUSEKEEPING_BATCH = 1000;

/**
 * 定时器顺带的清理：三十天前的绑定、签到码失败尝试（限次只看最近十分钟，留三十天备查）；
 * 一年前已办完的投递记录（送达或没送达）与本地发件箱；一天后仍无人引用的上传（复用 uploads.ts 的清理）。
 */
export async function housekeep(deps: Deps, batch = HOUSEKEEPING_BATCH): Promise<Record<string, number>> {
  const now = deps.clock.now().getTime();
  const monthAgo = new Date(now - 30 * DAY);
  const yearAgo = new Date(now - 365 * DAY);
  const count = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0);
  const checkin = await sql`DELETE FROM checkin_attempt WHERE ctid IN (SELECT ctid FROM checkin_attempt WHERE at < ${monthAgo} LIMIT ${batch})`.execute(
    deps.db,
  );
  const bind = await sql`DELETE FROM bind_attempt WHERE id IN (SELECT id FROM bind_attempt WHERE at < ${monthAgo} LIMIT ${batch})`.execute(deps.db);
  const deliveries = await sql`
    DELETE FROM delivery WHERE (org_id, id) IN (
      SELECT org_id, id FROM delivery WHERE status IN ('sent','unreached') AND created_at < ${yearAgo} LIMIT ${batch})`.execute(deps.db);
  const outbox = await sql`DELETE FROM dev_outbox WHERE id IN (SELECT id FROM dev_outbox WHERE sent_at < ${yearAgo} LIMIT ${batch})`.execute(deps.db);
  const uploads = await cleanupUploads(deps, undefined, batch);
  return {
    checkinAttempts: count(checkin),
    bindAttempts: count(bind),
    deliveries: count(deliveries),
    devOutbox: count(outbox),
    uploads: uploads.removed,
  };
}
