/** 大屏的刷新：二维码按 refreshInMs 换，人数至少每 3 秒更新一次；出错时 3 秒后重试 */
export const COUNTS_EVERY_MS = 3000

export function nextRefreshDelay(refreshInMs: number): number {
  // 换码时刻稍后一点再取，免得取到的还是旧码
  return Math.max(200, Math.min(refreshInMs + 150, COUNTS_EVERY_MS))
}
