/**
 * events 分包的表单与提示控件。与 admin 分包的同类控件长得一样，但不跨分包引用：
 * 跨分包共用的模块会被搬进主包，主包要留给首页与签到页。
 */
import { useState, type ReactNode } from 'react'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import './controls.scss'

/** 失效按钮只换样式、标 aria-disabled，点击由处理函数拦下（H5 的 disabled 样式会把字变得看不清） */
export const offClass = (off: boolean | undefined, base: string) => (off ? `${base} ev-btn--off` : base)

export interface Option<T extends string> {
  value: T
  label: string
}

export interface TextFieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  /** number：手机上弹数字键盘 */
  type?: 'text' | 'number'
  maxlength?: number
  hint?: string
}

/** 带标签的单行输入：标签在上、输入框占满一行 */
export function TextField({ label, value, onChange, placeholder, type = 'text', maxlength = 60, hint }: TextFieldProps) {
  return (
    <View className='ev-field'>
      <Text className='ev-field__label'>{label}</Text>
      <Input className='ev-field__input' value={value} type={type} maxlength={maxlength} placeholder={placeholder} aria-label={label} onInput={(e) => onChange(e.detail.value)} />
      {hint && <Text className='ev-field__hint'>{hint}</Text>}
    </View>
  )
}

export interface TextAreaProps {
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  maxlength?: number
  hint?: string
}

/** 多行输入（请假原因、学习心得、发言要点） */
export function TextArea({ label, value, onChange, placeholder, maxlength = 200, hint }: TextAreaProps) {
  return (
    <View className='ev-field'>
      <Text className='ev-field__label'>{label}</Text>
      <Textarea
        className='ev-field__input ev-field__area'
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        aria-label={label}
        onInput={(e) => onChange(e.detail.value)}
      />
      {hint && <Text className='ev-field__hint'>{hint}</Text>}
    </View>
  )
}

export interface ChoiceChipsProps<T extends string> {
  label?: string
  options: readonly Option<T>[]
  value: T | null
  onChange: (value: T) => void
}

/** 单选：选中的填色并写「✓」（不只靠颜色区分） */
export function ChoiceChips<T extends string>({ label, options, value, onChange }: ChoiceChipsProps<T>) {
  return (
    <View className='ev-field'>
      {label && <Text className='ev-field__label'>{label}</Text>}
      <View className='ev-chips'>
        {options.map((o) => (
          <Button key={o.value} className={o.value === value ? 'ev-chip ev-chip--on' : 'ev-chip'} aria-pressed={o.value === value} onClick={() => onChange(o.value)}>
            {o.value === value ? `✓ ${o.label}` : o.label}
          </Button>
        ))}
      </View>
    </View>
  )
}

export interface SelectListProps {
  label: string
  value: string | null
  options: readonly Option<string>[]
  onChange: (value: string | null) => void
  /** 空选项的文字；不给则必须选一项 */
  noneLabel?: string
}

/** 选项多时：平时只显示当前值，点「更改」就地展开，不弹窗 */
export function SelectList({ label, value, options, onChange, noneLabel }: SelectListProps) {
  const [open, setOpen] = useState(false)
  const current = options.find((o) => o.value === value)?.label ?? noneLabel ?? '请选择'
  const pick = (v: string | null) => {
    onChange(v)
    setOpen(false)
  }
  const choices: Array<Option<string> | { value: null; label: string }> = [...(noneLabel ? [{ value: null, label: noneLabel }] : []), ...options]
  return (
    <View className='ev-field'>
      <Text className='ev-field__label'>{label}</Text>
      <Button className='ev-select' aria-expanded={open} onClick={() => setOpen(!open)}>
        <Text className='ev-select__value'>{current}</Text>
        <Text className='ev-select__action'>{open ? '收起 ▴' : '更改 ▾'}</Text>
      </Button>
      {open && (
        <View className='ev-chips ev-select__options'>
          {choices.map((o) => (
            <Button key={o.value ?? '-'} className={o.value === value ? 'ev-chip ev-chip--on' : 'ev-chip'} aria-pressed={o.value === value} onClick={() => pick(o.value)}>
              {o.value === value ? `✓ ${o.label}` : o.label}
            </Button>
          ))}
        </View>
      )}
    </View>
  )
}

export interface NoticeProps {
  kind: 'error' | 'success' | 'info'
  children: ReactNode
}

/** 醒目的提示条；错误用 role=alert，读屏软件会立即念出 */
export function Notice({ kind, children }: NoticeProps) {
  return (
    <View className={`ev-notice ev-notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </View>
  )
}

/** 白底圆角的一块，带标题 */
export function Card({ title, children, className }: { title?: string; children: ReactNode; className?: string }) {
  return (
    <View className={className ? `ev-card ${className}` : 'ev-card'}>
      {title && <Text className='ev-card__title'>{title}</Text>}
      {children}
    </View>
  )
}

/** 页面还没准备好时的一句话（加载中、需要身份、没有权限） */
export function StateText({ children }: { children: ReactNode }) {
  return <Text className='ev-card ev-state'>{children}</Text>
}
