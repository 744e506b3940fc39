import type { Browser, Page } from 'playwright-core';
import type { DevIdentity } from '@tongxin/shared-types';
import { ELDER_RULES, type Finding, NORMAL_RULES, auditPage, formatFindings } from './support/a11y';
import { appPages } from './support/app-pages';
import { hasChromium, launch, shot } from './support/browser';
import { type RunningHost, callFn, newDataDir, startHost } from './support/host';

/**
 * 无障碍检查：H5 构建的每个页面（取自 app.config.ts，以后加的页面自动在内）× 每个演示身份 × 普通 / 大字模式，375×812。
 * axe-core 的 serious / critical 问题、触控区、正文字号，任何一条不合格都算失败，并按页面打印摘要。
 *
 * 快：每个身份与模式只整页加载一次，之后像用户点链接一样只改 # 后的路由（Taro 的路由据此换页，axe 也不必重新注入）；
 * 一个浏览器、一个本地宿主。
 */
const describeIfBrowser = hasChromium ? describe : describe.skip;
const { pages } = appPages();
const modes = [
  { name: '普通', elder: false, rules: NORMAL_RULES },
  { name: '大字', elder: true, rules: ELDER_RULES },
] as const;

/** 加载前写好 zustand 持久化的演示身份与大字模式（Taro 存储的格式：localStorage[key] = {"data": "<JSON>"}），并数着进行中的请求 */
function initScript(identity: DevIdentity, elderMode: boolean): string {
  const stored = JSON.stringify({ data: JSON.stringify({ state: { devIdentity: identity, elderMode }, version: 0 }) });
  return `(() => {
    if (!location.protocol.startsWith('http')) return;
    localStorage.setItem('tongxin-app', ${JSON.stringify(stored)});
    const net = (window.__txNet = { inflight: 0, last: performance.now() });
    const settle = () => { net.inflight--; net.last = performance.now(); };
    const fetch0 = window.fetch;
    window.fetch = function (...args) { net.inflight++; net.last = performance.now(); return fetch0.apply(this, args).finally(settle); };
  })();`;
}

/** 换到某页并等它取完数：该页的容器可见且有内容，且 150ms 内没有进行中的请求 */
async function openRoute(page: Page, route: string): Promise<void> {
  const [path] = route.split('?');
  await page.evaluate((hash) => (location.hash = hash), `#/${route}`);
  await page.waitForFunction(
    (path) => {
      const net = (window as unknown as { __txNet: { inflight: number; last: number } }).__txNet;
      const view = [...document.querySelectorAll('.taro_page')].find((el) => el.id.startsWith(`/${path}?`) && !el.classList.contains('taro_page_shade'));
      return !!view && view.childElementCount > 0 && net.inflight === 0 && performance.now() - net.last > 150;
    },
    path,
    { polling: 50, timeout: 15_000 },
  );
}

describeIfBrowser('无障碍：每个页面 × 每个演示身份 × 普通/大字模式', () => {
  let host: RunningHost;
  let browser: Browser;
  let identities: DevIdentity[] = [];
  /** 要 id 的页面用演示数据里的真东西，页面才有内容可查 */
  const query: Record<string, string> = {};
  const route = (path: string) => (query[path] ? `${path}?${query[path]}` : path);

  beforeAll(async () => {
    host = await startHost(newDataDir());
    browser = await launch();
    identities = ((await (await fetch(`${host.url}/api/dev/identities`)).json()) as { data: DevIdentity[] }).data;
    const now = Date.now();
    const event = {
      kind: '委员培训',
      title: '无障碍检查用的培训',
      place: '政协礼堂',
      startsAt: new Date(now + 10 * 60_000).toISOString(),
      endsAt: new Date(now + 3 * 3600_000).toISOString(),
      audience: [{ kind: 'all', id: null }],
    };
    const created = await callFn(host, 'event', { action: 'create', data: event }, 'dev_admin');
    const eventId = created.body.data.id as string;
    const members = await callFn(host, 'roster', { action: 'list', data: { q: '王秀兰' } }, 'dev_admin');
    const memberId = members.body.data.items[0].id as string;
    for (const p of ['events/detail/index', 'events/edit/index', 'events/screen/index', 'events/attendance/index', 'events/reminders/index'])
      query[p] = `id=${eventId}`;
    query['admin/member/index'] = `id=${memberId}`;
    // 建言：演示数据里王秀兰领衔、已交办住建局的那件提案
    const mine = await callFn(host, 'suggestions', { action: 'mine' }, 'dev_cpc_member');
    const filed = (mine.body.data as Array<{ id: string; number: string | null }>).find((s) => s.number)!;
    for (const p of ['suggest/detail/index', 'suggest/handle/index', 'suggest/print/index']) query[p] = `id=${filed.id}`;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  test('页面清单来自 app.config.ts；演示身份里有成员、书记与管理员', () => {
    expect(pages).toEqual(expect.arrayContaining(['pages/index/index', 'events/edit/index', 'admin/member-new/index']));
    const roles = new Set(identities.flatMap((i) => i.roles));
    for (const role of ['member', 'secretary', 'admin']) expect(roles).toContain(role);
  });

  test('H5 适配：点输入框外层的边也聚焦到里层（与小程序原生输入框一样整块可点）；页面容器可聚焦', async () => {
    const admin = identities.find((i) => i.roles.includes('admin'))!;
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 1 });
    await context.addInitScript(initScript(admin, false));
    const page = await context.newPage();
    try {
      await page.goto(`${host.url}/#/pages/index/index`);
      await openRoute(page, 'admin/member-new/index');
      const hosts = page.locator('.taro_page:not(.taro_page_shade) taro-input-core');
      expect(await hosts.count()).toBeGreaterThan(0);
      const first = hosts.first();
      const box = (await first.boundingBox())!;
      const inner = (await first.locator('input').boundingBox())!;
      // 整块都要点得中：点外层上边缘（里层 input 撑满外框时，这一点就落在 input 上）
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(inner.height).toBeGreaterThanOrEqual(Math.min(44, box.height - 8));
      await page.mouse.click(box.x + box.width / 2, box.y + 2);
      expect(await first.evaluate((el) => document.activeElement === el.querySelector('input'))).toBe(true);
      expect(await page.locator('.taro_page:not(.taro_page_shade)').getAttribute('tabindex')).toBe('0');
    } finally {
      await context.close();
    }
  });

  test.each(modes)(
    '$name模式：没有严重问题，触控区与字号达标',
    async (mode) => {
      const results: Array<{ view: string; findings: Finding[] }> = [];
      for (const identity of identities) {
        const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 1 });
        await context.addInitScript(initScript(identity, mode.elder));
        const page = await context.newPage();
        try {
          await page.goto(`${host.url}/#/${route(pages[0])}`);
          for (const path of pages) {
            await openRoute(page, route(path));
            let findings = await auditPage(page, mode.rules);
            // Taro 的组件（stencil）在数据到后还要异步画一帧：有问题时稍等再查一次，只报仍然存在的
            if (findings.length > 0) {
              await page.waitForTimeout(400);
              findings = await auditPage(page, mode.rules);
            }
            results.push({ view: `${path} · ${identity.name} · ${mode.name}`, findings });
            // A11Y_SHOTS=1：每一屏都截图到 tests/.artifacts，供人逐页查看（截断、重叠、字太小）
            if (process.env.A11Y_SHOTS) await shot(page, `a11y-${mode.elder ? 'elder' : 'normal'}-${identity.openid}-${path.replace(/\//g, '_')}`);
          }
        } finally {
          await context.close();
        }
      }
      const summary = formatFindings(results);
      if (summary) console.log(`无障碍问题（${mode.name}模式）：\n${summary}`);
      expect(summary).toBe('');
    },
    600_000,
  );
});
