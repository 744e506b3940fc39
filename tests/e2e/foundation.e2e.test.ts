import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { actAs, hasChromium, launch, openTab, shot } from './support/browser';
import { type RunningHost, callFn, newDataDir, startHost } from './support/host';

const describeIfBrowser = hasChromium ? describe : describe.skip;
if (!hasChromium) console.warn('跳过端到端测试：没有找到 Chromium（安装 Debian 的 chromium 与 fonts-noto-cjk）');

describeIfBrowser('新用户第一次打开：本地宿主 + H5', () => {
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  const dataDir = newDataDir();

  beforeAll(async () => {
    host = await startHost(dataDir);
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  test('启动时打印地址与演示身份', () => {
    expect(host.output()).toContain('dev_admin');
    expect(host.output()).toContain('dev_non_cpc');
  });

  test('打开页面看到小程序与标签栏；选择身份后“我的”显示从后端取来的资料', async () => {
    await page.goto(host.url);
    for (const tab of ['首页', '学习', '建言', '我的']) await page.locator('.weui-tabbar__item', { hasText: tab }).first().waitFor();
    await shot(page, 'e2e-01-home');
    await actAs(page, '王秀兰');
    await openTab(page, '我的');
    await page.locator('text=离退休干部党支部 >> visible=true').first().waitFor();
    await page.locator('text=经济委功能型党支部 >> visible=true').first().waitFor();
    await shot(page, 'e2e-02-mine');
  });

  test('切换到民盟委员：没有党组织关系，显示界别', async () => {
    await actAs(page, '陈志远');
    await page.locator('text=教育界 >> visible=true').first().waitFor();
    expect(await page.locator('text=离退休干部党支部 >> visible=true').count()).toBe(0);
  });

  test('未绑定的身份看到绑定提示，而不是报错', async () => {
    await actAs(page, '新用户');
    await page.locator('text=/尚未绑定/ >> visible=true').first().waitFor();
    await shot(page, 'e2e-03-not-bound');
  });

  test('大字模式下正文至少 18px，按钮至少 60px 高', async () => {
    await actAs(page, '王秀兰');
    await openTab(page, '我的');
    await page.locator('text=大字模式 >> visible=true').first().scrollIntoViewIfNeeded();
    await page.locator('.ui-row >> visible=true', { hasText: '大字模式' }).first().click();
    await page.waitForTimeout(300);
    const sizes = await page.evaluate(() => {
      const visible = (el: Element) => (el as HTMLElement).offsetParent !== null;
      const texts = [...document.querySelectorAll('.page--elder *')]
        .filter(visible)
        .filter((el) => el.childElementCount === 0 && (el.textContent ?? '').trim().length > 1);
      const fonts = texts.map((el) => parseFloat(getComputedStyle(el).fontSize));
      const buttons = [...document.querySelectorAll('taro-button-core, button')].filter(visible).map((el) => el.getBoundingClientRect().height);
      return { minFont: Math.min(...fonts), minButton: Math.min(...buttons), count: fonts.length };
    });
    await shot(page, 'e2e-04-elder');
    expect(sizes.count).toBeGreaterThan(5);
    expect(sizes.minFont).toBeGreaterThanOrEqual(18);
    expect(sizes.minButton).toBeGreaterThanOrEqual(60);
  });

  test('接口：已绑定 ok，未知身份 NOT_BOUND，无身份 UNAUTHENTICATED，未知操作与坏输入各有其码', async () => {
    const cases: Array<[unknown, string | undefined, string]> = [
      [{ action: 'me' }, 'dev_admin', 'ok'],
      [{ action: 'me' }, 'nobody-here', 'NOT_BOUND'],
      [{ action: 'me' }, undefined, 'UNAUTHENTICATED'],
      [{ action: 'dance' }, 'dev_admin', 'UNKNOWN_ACTION'],
      [{ action: 'me', data: { x: 1 } }, 'dev_admin', 'INVALID_PARAMETER'],
    ];
    for (const [body, openid, expected] of cases) {
      const res = await callFn(host, 'member', body, openid);
      expect(res.status).toBe(200);
      expect(res.body.ok ? 'ok' : res.body.error!.code).toBe(expected);
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  test('首屏的脚本：index.html 预先下载首页的代码块；入口与首页那组脚本第一行是 V8 编译提示，别的页面的块没有', async () => {
    const html = await (await fetch(`${host.url}/`)).text();
    const scripts = [...html.matchAll(/<script defer="defer" src="([^"]+)"/g)].map((m) => m[1]);
    const preloaded = [...html.matchAll(/<link rel="preload" as="script" href="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    expect(preloaded.length).toBeGreaterThan(0);
    const firstLoad = [...scripts, ...preloaded];
    for (const src of firstLoad) {
      const text = await (await fetch(`${host.url}${src}`)).text();
      expect(`${src}: ${text.split('\n', 1)[0]}`).toBe(`${src}: //# allFunctionsCalledOnLoad`);
    }
    const jsDir = join(__dirname, '../../miniprogram/dist/h5/js');
    const others = readdirSync(jsDir).filter((f) => f.endsWith('.js') && !firstLoad.includes(`/js/${f}`));
    expect(others.length).toBeGreaterThan(10);
    for (const f of others) expect(`${f}: ${readFileSync(join(jsDir, f), 'utf8').startsWith('//# allFunctionsCalledOnLoad')}`).toBe(`${f}: false`);
  });

  test('Ctrl-C 干净退出，重启后数据都在', async () => {
    const created = await callFn(
      host,
      'roster',
      { action: 'create', data: { name: '重启测试委员', kind: 'committee_member', position: '委员', affiliation: '无党派' } },
      'dev_admin',
    );
    expect(created.body.ok).toBe(true);
    expect(await host.stop()).toBe(0);
    expect(host.output()).toContain('已停止');
    host = await startHost(dataDir);
    expect(host.output()).not.toContain('已写入演示数据');
    const found = await callFn(host, 'roster', { action: 'list', data: { q: '重启测试' } }, 'dev_admin');
    expect(found.body.data.items.map((m: { name: string }) => m.name)).toEqual(['重启测试委员']);
  });
});
