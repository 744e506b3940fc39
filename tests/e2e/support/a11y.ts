import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * 无障碍检查：axe-core 的严重（serious / critical）问题 + 我们自己的两条规矩：
 * 触控区（普通 ≥ 44×44，大字模式 ≥ 60×60）与正文字号（普通 ≥ 16px，大字模式 ≥ 18px）。
 * 在页面里跑，返回问题清单；没有问题时为空数组。
 */
export interface A11yRules {
  minTarget: number;
  minFont: number;
}

export const NORMAL_RULES: A11yRules = { minTarget: 44, minFont: 16 };
export const ELDER_RULES: A11yRules = { minTarget: 60, minFont: 18 };

export interface Finding {
  kind: 'axe' | 'target' | 'text';
  /** axe 规则名，或 target / text */
  rule: string;
  /** 出问题的元素（简短的选择器 + 文字） */
  where: string;
  detail: string;
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function auditPage(page: Page, rules: A11yRules): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    // 在 tsx（esbuild keepNames）下运行时，序列化进页面的函数会调用 __name：给它一个原样返回的替身
    await page.addScriptTag({ content: `${axeSource}\nwindow.__name = window.__name || ((f) => f);` });
  }
  const axeFindings = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) =>
        v.nodes.map((n) => ({
          kind: 'axe' as const,
          rule: v.id,
          where: `${n.target.join(' ')} ${n.html.slice(0, 120)}`,
          detail: `${v.impact}: ${n.failureSummary?.split('\n')[1]?.trim() ?? v.help}`,
        })),
      );
  });
  const measured = await page.evaluate(measureInPage, rules);
  return [...axeFindings, ...measured];
}

/** 在浏览器里执行：量触控区与字号。不能引用外部变量（整个函数体被序列化到页面里） */
function measureInPage(rules: A11yRules): Finding[] {
  const findings: Finding[] = [];
  const describe = (el: Element) => {
    const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}` : '';
    const text = (el.textContent ?? (el as HTMLInputElement).placeholder ?? '').trim().replace(/\s+/g, ' ').slice(0, 16);
    const hint = text || (el as HTMLInputElement).placeholder || el.getAttribute('aria-label') || '';
    return `${el.tagName.toLowerCase()}${cls}${hint ? ` “${hint}”` : ''}`;
  };
  const shown = (el: Element) => {
    if (el.closest('[aria-hidden="true"], [hidden]')) return false;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && el.checkVisibility();
  };
  /** React 把事件处理函数放在 DOM 节点的 __reactProps$… 上：据此认出“绑了点击的 View” */
  const hasTapHandler = (el: Element) => {
    const key = Object.keys(el).find((k) => k.startsWith('__reactProps$'));
    const props = key ? ((el as unknown as Record<string, Record<string, unknown>>)[key] ?? {}) : {};
    return typeof props.onClick === 'function' || typeof props.onTap === 'function' || typeof props.onLongPress === 'function';
  };

  // 1. 触控区：手指点中的那个元素。输入框量原生 input；包在 <label> 里时量 label（点 label 也聚焦）；
  //    在 Taro 的 taro-input-core / taro-textarea-core 里时量外层：应用的 H5 适配（utils/h5Accessibility）
  //    把点外层转成聚焦里层，与小程序原生输入框一样整块可点（a11y.e2e.test.ts 验证这一点）。
  const native =
    'button, a[href], input:not([type="hidden"]), textarea, select, [role="button"], [role="link"], [role="tab"], [role="switch"], [role="checkbox"], [role="radio"]';
  const taro = 'taro-button-core, taro-switch-core, taro-checkbox-core, taro-radio-core, taro-picker-core, taro-navigator-core, .weui-tabbar__item';
  const seen = new Set<Element>();
  const candidates = [...document.querySelectorAll(`${native}, ${taro}`), ...[...document.querySelectorAll('body *')].filter(hasTapHandler)];
  for (const el of candidates) {
    if (seen.has(el) || !shown(el)) continue;
    seen.add(el);
    // Taro 的 switch / checkbox 里面还有原生 input：外层已经算过
    if (el.matches('input') && el.parentElement?.closest('taro-switch-core, taro-checkbox-core, taro-radio-core')) continue;
    const target = (el.matches('input, textarea, select') && el.closest('label, taro-input-core, taro-textarea-core')) || el;
    const box = target.getBoundingClientRect();
    if (box.width < rules.minTarget - 0.5 || box.height < rules.minTarget - 0.5) {
      findings.push({
        kind: 'target',
        rule: 'tap-target',
        where: describe(el),
        detail: `${Math.round(box.width)}×${Math.round(box.height)} < ${rules.minTarget}×${rules.minTarget}`,
      });
    }
  }

  // 2. 字号：每段看得见、含文字或数字的文本
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const small = new Map<Element, number>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!/[\p{L}\p{N}]/u.test(node.textContent ?? '')) continue;
    const el = node.parentElement;
    if (!el || small.has(el) || el.closest('script, style, svg') || !shown(el)) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < rules.minFont - 0.05) small.set(el, size);
  }
  for (const [el, size] of small) findings.push({ kind: 'text', rule: 'text-size', where: describe(el), detail: `${size}px < ${rules.minFont}px` });
  return findings;
}

/** 失败时打印的紧凑摘要：每个页面视图一行标题，下面每条问题一行 */
export function formatFindings(byView: Array<{ view: string; findings: Finding[] }>): string {
  return byView
    .filter((v) => v.findings.length > 0)
    .map((v) => [`${v.view}  (${v.findings.length})`, ...v.findings.map((f) => `    ${f.rule}: ${f.where} — ${f.detail}`)].join('\n'))
    .join('\n');
}
