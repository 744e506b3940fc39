/** 分位数（毫秒），四舍五入到 0.01 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, idx)] * 100) / 100;
}

/** 以固定并发执行 n 个任务，返回每个任务的耗时（毫秒）与总耗时 */
export async function runConcurrent(n: number, concurrency: number, task: (i: number) => Promise<void>): Promise<{ latencies: number[]; totalMs: number }> {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < n; i = next++) {
        const t0 = performance.now();
        await task(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, totalMs: performance.now() - start };
}

export function report(name: string, value: number): void {
  console.log(`${name}: ${Number.isFinite(value) ? Math.round(value * 100) / 100 : value}`);
}
