import type { TickResult } from '@tongxin/shared-types';
import type { Deps } from '../../core/action';
import { enqueueDeliveries } from '../../hub/deliveries';
import { dueSources, registerDueSource } from '../../hub/due';
import { quizDueSource, readingDueSource } from '../../hub/due-study';
import { type DeliverOptions, deliverPending, openDeliveries } from './deliver';
import { housekeep } from './housekeeping';
import { reminderPorts } from './ports';

// 学习的截止前提醒（会议提醒在 hub/due.ts 里登记）
registerDueSource(readingDueSource);
registerDueSource(quizDueSource);

/** 函数一次至多运行 60 秒：50 秒后不再领新的活，留出收尾的时间 */
export const TICK_BUDGET_MS = 50_000;

/**
 * 定时器的一轮（每 5 分钟）：问每个来源“现在该提醒谁”并入队（幂等），投递待发的（含上一轮没发完、租约已过的），
 * 还有时间就做清理。时间以 deps.clock 为准（本地 POST /api/dev/tick 可指定），运行时长按真实时间计。
 */
export async function runTick(
  deps: Deps,
  options: { startedAt?: number; budgetMs?: number } & Partial<Pick<DeliverOptions, 'concurrency' | 'leaseMs'>> = {},
): Promise<TickResult> {
  const startedAt = options.startedAt ?? Date.now();
  const stopAt = startedAt + (options.budgetMs ?? TICK_BUDGET_MS);
  const now = deps.clock.now();
  let enqueued = 0;
  for (const source of dueSources()) {
    enqueued += await enqueueDeliveries(deps.db, await source.find(deps.db, now), now);
  }
  const delivered = await deliverPending(deps, reminderPorts(deps), { stopAt, concurrency: options.concurrency, leaseMs: options.leaseMs });
  const housekeeping = Date.now() < stopAt && !delivered.aborted ? await housekeep(deps) : {};
  const remaining = await openDeliveries(deps.db);
  deps.logger.info('reminders tick', { at: now.toISOString(), enqueued, ...delivered, remaining });
  return { enqueued, sent: delivered.sent, unreached: delivered.unreached, remaining, housekeeping };
}
