/**
 * 积分页面测试用的 @tarojs/components 替身：沿用 test/stubs 的 View/Text/Button，
 * 另补输入框（Input、Textarea）：把 onInput 的 { detail: { value } } 接到普通 input 的 change 上。
 */
import { createElement } from 'react'

const base = jest.requireActual('../stubs/components')
export const { View, Text, Button, Image, ScrollView } = base

interface FieldStubProps {
  value?: string
  placeholder?: string
  className?: string
  'aria-label'?: string
  onInput?: (e: { detail: { value: string } }) => void
  onConfirm?: () => void
}

const field = (tag: 'input' | 'textarea') =>
  function FieldStub(props: FieldStubProps) {
    return createElement(tag, {
      className: props.className,
      'aria-label': props['aria-label'],
      placeholder: props.placeholder,
      value: props.value ?? '',
      onChange: (e: { target: { value: string } }) => props.onInput?.({ detail: { value: e.target.value } }),
      onKeyDown: (e: { key: string }) => (e.key === 'Enter' ? props.onConfirm?.() : undefined),
    })
  }

export const Input = field('input')
export const Textarea = field('textarea')
export default {}
