import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
const artifacts = resolve(__dirname, '../../.artifacts');

/** Debian 的 chromium；这台机器没有外网，关掉后台联网 */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** 截图存到 tests/.artifacts，便于人工查看 */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: false });
}

/** 通过页面上方的演示身份条切换身份 */
export async function actAs(page: Page, name: string): Promise<void> {
  await page.locator('.dev-bar__toggle >> visible=true').first().click();
  await page.locator('.dev-bar__option >> visible=true', { hasText: name }).first().click();
  await page.locator(`text=演示身份：${name} >> visible=true`).first().waitFor();
}

const TAB_PATHS: Record<string, string> = { 首页: 'pages/index/index', 学习: 'pages/study/index', 建言: 'pages/suggest/index', 我的: 'pages/mine/index' };

/** 点底部的标签并等路由真的换过去：各标签页都留在文档里，先一步去找元素会找到上一页里的同名控件 */
export async function openTab(page: Page, label: string): Promise<void> {
  await page.locator('.weui-tabbar__item', { hasText: label }).first().click();
  const path = TAB_PATHS[label];
  if (path) await page.waitForURL((url) => url.hash.includes(path));
  await page.waitForTimeout(300);
}

/**
 * 整页打开并等它取完数。只改 # 后面的 goto 不会重新加载文档，路由切换与取数在 goto 返回后才发生；
 * 这时切换身份，身份条会随页面重建而收起、点不中。先到 about:blank 保证是一次真正的加载。
 */
export async function openPage(page: Page, url: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForLoadState('networkidle');
}
