import { useState } from 'react'

let seq = 0

/**
 * 供 aria-labelledby / aria-describedby 用的 id，在整个应用里唯一。
 * 不用 React 的 useId：它只在一个 React 根里唯一，而 Taro H5 每个页面各是一个根，被缓存的标签页还留在文档里，
 * 于是 “:r3:” 会在两页里各出现一次，getElementById 找到的是别页的标签（无障碍检查报 label-title-only）。
 * 只含字母与数字，小程序的 id 里也能用。
 */
export function useDomId(prefix: string): string {
  const [id] = useState(() => `${prefix}${(++seq).toString(36)}`)
  return id
}
