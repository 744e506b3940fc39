/**
 * H5 的无障碍适配：只修 Taro 自己的 H5 运行时带来的问题（我们的标记修在组件里），只在 H5 包里加载。
 * 小程序里没有这两处 DOM：页面由微信原生滚动，输入框是原生组件，整块都能点。
 */

/**
 * 1. Taro 给每个页面一个 div.taro_page，页面内容在它里面滚动（overflow: auto）。键盘用户要能把焦点放到可滚动的
 *    区域上才能用方向键滚动，否则 axe 报 scrollable-region-focusable（严重）。给页面容器 tabindex="0"，
 *    与浏览器给文档本身的滚动一样；不改布局，也不改 Taro 的滚动 API（pageScrollTo、onReachBottom 都看这个容器）。
 */
function makePageFocusable(page: Element) {
  if (!page.hasAttribute('tabindex')) page.setAttribute('tabindex', '0')
}

/**
 * 2. Taro 的 <Input> / <Textarea> 在 H5 是 <taro-input-core> 里包一个真正的 <input>；外层的内边距与最小高度
 *    点了不会聚焦，手指真正能点中的只有里层那一小条。小程序的原生输入框整块都能点：点外层时把焦点交给里层，
 *    这样 H5 与小程序一致，触控区就是看得见的整个输入框。
 */
function forwardFocus(event: MouseEvent) {
  const host = event.target instanceof Element ? event.target : null
  if (!host || !host.matches('taro-input-core, taro-textarea-core')) return
  const field = host.querySelector<HTMLInputElement | HTMLTextAreaElement>('input:not([type="hidden"]), textarea')
  if (field && document.activeElement !== field) field.focus()
}

export function installH5Accessibility(): void {
  if (typeof document === 'undefined') return
  document.querySelectorAll('.taro_page').forEach(makePageFocusable)
  new MutationObserver((records) => {
    for (const record of records) {
      record.addedNodes.forEach((node) => {
        if (node instanceof Element && node.classList.contains('taro_page')) makePageFocusable(node)
      })
    }
  }).observe(document.body, { childList: true, subtree: true })
  document.addEventListener('click', forwardFocus, true)
}
