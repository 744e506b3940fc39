import type { Browser } from 'playwright-core';
import { hasChromium, launch } from '../e2e/support/browser';
import { callFn, newDataDir, startHost } from '../e2e/support/host';
import { report } from './stats';

/** 首页的“第一屏真内容”：活动列表取完数后挂上 data-ready（加载中的占位没有它），且至少有一张活动卡片 */
export const FIRST_CONTENT = '[data-ready] .event-card';
const RUNS = 6;

function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** 慢网（150 ms 往返、1.6 Mbit/s 下行、750 kbit/s 上行）与 4 倍 CPU 降速：与 Lighthouse 的移动端档位相当 */
const SLOW_NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

/** 加载前写好演示身份（一个已绑定的委员），并记下内容第一次出现的时刻（相对导航开始，即 performance.now()） */
function initScript(selector: string): string {
  const identity = { openid: 'dev_cpc_member', name: '王秀兰', roles: ['member'], description: '' };
  const stored = JSON.stringify({ data: JSON.stringify({ state: { devIdentity: identity, elderMode: false }, version: 0 }) });
  return `(() => {
    if (!location.protocol.startsWith('http')) return;
    localStorage.setItem('tongxin-app', ${JSON.stringify(stored)});
    const seen = () => { if (!window.__firstContentMs && document.querySelector(${JSON.stringify(selector)})) { window.__firstContentMs = performance.now(); observer.disconnect(); } };
    const observer = new MutationObserver(seen);
    observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-ready'] });
  })();`;
}

/**
 * ui.h5_first_content_ms：本地宿主上 H5 首页冷启动（不用缓存、全新的浏览器上下文）到第一屏真内容的中位数，
 * 375×812，慢网 + 4 倍 CPU 降速，六次。
 */
export async function benchUi(selector = process.env.BENCH_FIRST_CONTENT ?? FIRST_CONTENT): Promise<void> {
  if (!hasChromium) {
    console.error('跳过 ui.h5_first_content_ms：没有找到 Chromium');
    return;
  }
  const { ensureH5Build } = await import('../../scripts/lib/h5.mjs');
  await ensureH5Build();
  const host = await startHost(newDataDir());
  let browser: Browser | undefined;
  try {
    const now = Date.now();
    const created = await callFn(
      host,
      'event',
      {
        action: 'create',
        data: {
          kind: '委员培训',
          title: '首页速度测量用的培训',
          place: '政协礼堂',
          startsAt: new Date(now + 3600_000).toISOString(),
          endsAt: new Date(now + 3 * 3600_000).toISOString(),
          audience: [{ kind: 'all', id: null }],
        },
      },
      'dev_admin',
    );
    if (!created.body.ok) throw new Error(`建活动失败：${JSON.stringify(created.body)}`);
    browser = await launch();
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });
      const page = await context.newPage();
      await page.addInitScript(initScript(selector));
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', SLOW_NETWORK);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(`${host.url}/#/pages/index/index`, { waitUntil: 'commit' });
      await page.waitForFunction(() => (window as unknown as { __firstContentMs?: number }).__firstContentMs, undefined, { timeout: 60_000, polling: 100 });
      samples.push(await page.evaluate(() => (window as unknown as { __firstContentMs: number }).__firstContentMs));
      await context.close();
    }
    if (process.env.BENCH_DEBUG) console.error(`ui.h5_first_content samples: ${samples.map(Math.round).join(', ')}`);
    report('ui.h5_first_content_ms', median(samples));
  } finally {
    await browser?.close();
    await host.stop();
  }
}

if (require.main === module) {
  benchUi().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
