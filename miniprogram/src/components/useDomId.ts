import { useState } from 'react'

/**
 * 计数器放在全局对象上：H5 构建里每个页面的代码块各带一份本模块（异步代码块之间不拆公共模块），
 * 模块里的计数器会各数各的，两页又会数出同样的 id。小程序里主包模块只有一份，全局对象取不到时退回模块内计数。
 */
const counter: { n: number } = (() => {
  const g = (typeof globalThis !== 'undefined' ? globalThis : {}) as { __txDomIdSeq?: { n: number } }
  return (g.__txDomIdSeq ??= { n: 0 })
})()

/**
 * 供 aria-labelledby / aria-describedby 用的 id，在整个应用里唯一。
 * 不用 React 的 useId：它只在一个 React 根里唯一，而 Taro H5 每个页面各是一个根，被缓存的标签页还留在文档里，
 * 于是 “:r3:” 会在两页里各出现一次，getElementById 找到的是别页的标签（无障碍检查报 label-title-only）。
 * 只含字母与数字，小程序的 id 里也能用。
 */
export function useDomId(prefix: string): string {
  const [id] = useState(() => `${prefix}${(++counter.n).toString(36)}`)
  return id
}
