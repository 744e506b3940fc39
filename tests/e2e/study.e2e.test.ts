import type { Browser, BrowserContext, Page } from 'playwright-core';
import { actAs, hasChromium, launch, openPage, shot } from './support/browser';
import { type RunningHost, callFn, newDataDir, startHost } from './support/host';

const describeIfBrowser = hasChromium ? describe : describe.skip;

const visible = (page: Page, selector: string) => page.locator(`${selector} >> visible=true`).first();
const button = (page: Page, text: string) => page.locator('taro-button-core >> visible=true', { hasText: text }).first();

/** 想在阅读页里执行代码的各种写法：每一种得手都会改 window.__pwned 或弹窗 */
const HOSTILE = [
  '# 恶意样例：学习党史',
  '',
  '正文第一段，讲党史。',
  '',
  '<script>window.__pwned = "script"</script>',
  '<img src="x" onerror="window.__pwned = \'img-onerror\'">',
  '<svg onload="window.__pwned = \'svg-onload\'"></svg>',
  '<iframe src="javascript:window.__pwned = \'iframe\'"></iframe>',
  '<a href="https://example.org/" onclick="window.__pwned = \'onclick\'; return false">普通链接</a>',
  '',
  '[点我看资料](javascript:window.__pwned=%22md-link%22)',
  '',
  '<div style="position:fixed;inset:0;background:red" onmouseover="window.__pwned = \'hover\'">遮罩</div>',
  '',
  '<details open ontoggle="window.__pwned = \'toggle\'"><summary>展开</summary>内容</details>',
  '',
  '文末。',
].join('\n');

describeIfBrowser('学习：恶意正文在真实浏览器里无害；读完确认', () => {
  let host: RunningHost;
  let browser: Browser;
  let mobile: BrowserContext;
  let page: Page;
  let materialId = '';

  beforeAll(async () => {
    host = await startHost(newDataDir());
    browser = await launch();
    mobile = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    page = await mobile.newPage();
    const res = await callFn(
      host,
      'study',
      { action: 'publish', data: { title: '恶意样例：学习党史', category: '党史学习', bodyMarkdown: HOSTILE } },
      'dev_admin',
    );
    expect(res.body.ok).toBe(true);
    materialId = res.body.data.id as string;
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  test('脚本、事件属性、javascript: 链接、iframe 都不起作用；正文照常显示', async () => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await openPage(page, `${host.url}/#/study/reader/index?id=${materialId}`);
    await actAs(page, '王秀兰');
    await visible(page, 'text=正文第一段，讲党史。').waitFor();

    const body = visible(page, '.st-body');
    // 清洗后的 DOM 里没有脚本、框架、事件属性、javascript: 地址
    const found = await body.evaluate((el) => {
      const all = [el, ...Array.from(el.querySelectorAll('*'))];
      return {
        scripts: el.querySelectorAll('script, iframe, svg, object, embed').length,
        handlers: all.flatMap((n) => Array.from(n.attributes).filter((a) => a.name.toLowerCase().startsWith('on'))).length,
        jsUrls: all.filter((n) => /javascript:/i.test(n.getAttribute('href') ?? '') || /javascript:/i.test(n.getAttribute('src') ?? '')).length,
        styles: all.filter((n) => n.hasAttribute('style')).length,
      };
    });
    expect(found).toEqual({ scripts: 0, handlers: 0, jsUrls: 0, styles: 0 });

    // 把能点的、能悬停的都碰一遍
    for (const text of ['普通链接', '点我看资料', '遮罩', '展开']) {
      const el = page.locator('.st-body >> visible=true').locator(`text=${text}`).first();
      if ((await el.count()) > 0) {
        await el.hover().catch(() => undefined);
        await el.click({ noWaitAfter: true }).catch(() => undefined);
      }
    }
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null)).toBeNull();
    expect(dialogs).toEqual([]);
    // 仍在阅读页（没有被链接带走）
    expect(page.url()).toContain('/study/reader/index');
    await shot(page, 'e2e-study-01-hostile-body');
  });

  test('读到文末确认读完：按钮变成“已读完”的说明', async () => {
    await openPage(page, `${host.url}/#/study/reader/index?id=${materialId}`);
    await actAs(page, '王秀兰');
    await visible(page, 'text=文末。').waitFor();
    const finish = button(page, '我已读完');
    await finish.scrollIntoViewIfNeeded();
    await finish.click();
    await visible(page, 'text=您已读完这篇').waitFor();
    await shot(page, 'e2e-study-02-finished');
  });
});
