/**
 * 有界并发：至多 size 个任务同时进行（发送是等网络，不占 CPU；并发受微信、腾讯云的频率限制与数据库连接数约束）。
 * 任一任务抛出后不再开始新的任务，等进行中的结束后把第一个错误抛出。
 */
export async function runPool<T>(items: readonly T[], size: number, task: (item: T) => Promise<void>, shouldStop: () => boolean = () => false): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && !shouldStop() && next < items.length) {
      const item = items[next++];
      try {
        await task(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  if (failure) throw failure.error;
}
