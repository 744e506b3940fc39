/**
 * @tarojs/components 的测试替身（jest.config.js 的 moduleNameMapper 对每个页面测试都换上它）：
 * 把 Taro 组件画成普通 DOM，只保留测试关心的属性。@tarojs/test-utils-react 不支持 Taro 4，故自备。
 * 输入框与 H5 一样把 nativeProps（id、aria-labelledby）放到真正的 input 上，所以 getByLabelText 按看得见的标签就能找到。
 */
import { createElement, type ReactNode } from 'react'

type Props = { children?: ReactNode; [key: string]: unknown }

const KEPT = ['className', 'onClick', 'role', 'id', 'src', 'disabled']

function domProps(props: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(props)) {
    if (KEPT.includes(k) || k.startsWith('aria-') || k.startsWith('data-')) out[k] = v
  }
  return out
}

const tag = (name: string, extra: Record<string, unknown> = {}) =>
  function TaroStub(props: Props) {
    return createElement(name, { ...domProps(props), ...extra }, props.children as ReactNode)
  }

interface FieldProps extends Props {
  value?: string
  placeholder?: string
  nativeProps?: Record<string, unknown>
  onInput?: (e: { detail: { value: string } }) => void
  onConfirm?: () => void
}

const field = (name: 'input' | 'textarea') =>
  function FieldStub(props: FieldProps) {
    return createElement(name, {
      ...domProps(props),
      ...props.nativeProps,
      placeholder: props.placeholder,
      value: props.value ?? '',
      onChange: (e: { target: { value: string } }) => props.onInput?.({ detail: { value: e.target.value } }),
      onKeyDown: (e: { key: string }) => (e.key === 'Enter' ? props.onConfirm?.() : undefined),
    })
  }

function Picker(props: Props & { value?: string }) {
  return createElement('div', { 'data-picker': props.value }, props.children as ReactNode)
}

export const View = tag('div')
export const Text = tag('span')
export const Button = tag('button', { type: 'button' })
export const Image = tag('img')
/** RichText：把 nodes（服务器清洗过的 HTML 字符串）画出来，测试可以按文字查到正文 */
export function RichText(props: Props & { nodes?: unknown }) {
  return createElement('div', { ...domProps(props), dangerouslySetInnerHTML: { __html: typeof props.nodes === 'string' ? props.nodes : '' } })
}
export const ScrollView = tag('div')
export const Label = tag('label')
export const Input = field('input')
export const Textarea = field('textarea')
export { Picker }
