import { resolve } from 'node:path';

interface AppConfigShape {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  tabBar?: { list: Array<{ pagePath: string }> };
}

/**
 * 小程序的每个页面路径（不带开头的 /），直接取自 miniprogram/src/app.config.ts：以后加的页面不用改测试就会被检查。
 * app.config.ts 里的 defineAppConfig 是 Taro 构建时注入的全局函数，这里给它一个原样返回的替身。
 */
export function appPages(): { pages: string[]; tabPages: string[] } {
  const g = globalThis as { defineAppConfig?: (c: AppConfigShape) => AppConfigShape };
  g.defineAppConfig ??= (c) => c;
  const config = (require(resolve(__dirname, '../../../miniprogram/src/app.config.ts')) as { default: AppConfigShape }).default;
  const sub = (config.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`));
  return { pages: [...config.pages, ...sub], tabPages: (config.tabBar?.list ?? []).map((t) => t.pagePath) };
}
