import type { Browser, Page } from 'playwright-core';
import { ELDER_RULES, NORMAL_RULES, auditPage, formatFindings } from './support/a11y';
import { hasChromium, launch } from './support/browser';

/**
 * 检查器自己的测试：它必须能失败。一张静态小页面，先是合格的，再把按钮改小、让输入框丢掉标签，
 * 检查器要分别报出来；大字模式的门槛（60 / 18）也要生效。
 */
const describeIfBrowser = hasChromium ? describe : describe.skip;

const fixture = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>检查器自测</title>
<style>
  body { font: 18px/1.5 sans-serif; margin: 0; padding: 16px; }
  button { min-width: 64px; min-height: 64px; font-size: 18px; }
  label { display: block; font-size: 18px; }
  input { display: block; height: 64px; width: 240px; font-size: 18px; }
  .small { min-width: 0; min-height: 0; width: 30px; height: 24px; padding: 0; }
  .fine { font-size: 12px; }
</style></head><body><main>
  <h1>报名</h1>
  <label for="name">姓名</label><input id="name">
  <button id="go">提交</button>
  <div id="row">点这一行</div>
</main></body></html>`;

describeIfBrowser('无障碍检查器能发现问题', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 375, height: 812 } });
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    await page.setContent(fixture);
  });

  test('合格的页面没有问题（普通与大字两档）', async () => {
    expect(formatFindings([{ view: 'fixture', findings: await auditPage(page, NORMAL_RULES) }])).toBe('');
    expect(await auditPage(page, ELDER_RULES)).toEqual([]);
  });

  test('按钮太小、输入框没有标签：两条都报出来', async () => {
    await page.evaluate(() => {
      document.getElementById('go')!.classList.add('small');
      document.querySelector('label')!.remove();
    });
    const findings = await auditPage(page, NORMAL_RULES);
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'target', where: expect.stringContaining('button'), detail: '30×24 < 44×44' }),
        expect.objectContaining({ kind: 'axe', rule: 'label', where: expect.stringMatching(/^#name /) }),
      ]),
    );
    const summary = formatFindings([{ view: 'fixture · 普通', findings }]);
    expect(summary).toContain('fixture · 普通');
    expect(summary).toContain('tap-target');
  });

  test('绑了点击的 View 也算触控区；正文太小要报；大字模式门槛更高', async () => {
    await page.evaluate(() => {
      const row = document.getElementById('row')!;
      // React 把处理函数挂在 __reactProps$… 上，检查器据此认出它
      Object.assign(row, { __reactProps$fixture: { onClick: () => undefined } });
      row.style.height = '48px';
      row.classList.add('fine');
    });
    const normal = await auditPage(page, NORMAL_RULES);
    expect(normal).toEqual([expect.objectContaining({ kind: 'text', where: expect.stringContaining('点这一行'), detail: '12px < 16px' })]);
    const elder = await auditPage(page, ELDER_RULES);
    expect(elder).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'target', where: expect.stringContaining('点这一行'), detail: '343×48 < 60×60' }),
        expect.objectContaining({ kind: 'text', detail: '12px < 18px' }),
      ]),
    );
  });
});
