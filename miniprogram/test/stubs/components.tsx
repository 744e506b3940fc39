/**
 * @tarojs/components 的测试替身：把 Taro 组件画成普通 DOM 元素，只保留测试关心的属性。
 * （@tarojs/test-utils-react 不支持 Taro 4，故自备。）
 */
import { createElement, type ReactNode } from 'react'

type Props = { children?: ReactNode; className?: string; onClick?: () => void; [key: string]: unknown }

function passThrough(props: Props) {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(props)) {
    if (k === 'className' || k === 'onClick' || k === 'children' || k === 'id' || k.startsWith('aria-') || k.startsWith('data-')) {
      out[k] = v
    }
  }
  return out
}

const make = (tag: string, extra: Record<string, unknown> = {}) =>
  function TaroStub(props: Props) {
    return createElement(tag, { ...passThrough(props), ...extra })
  }

export const View = make('div')
export const Text = make('span')
export const Button = make('button', { type: 'button' })
export const Image = make('img')
export const ScrollView = make('div')
