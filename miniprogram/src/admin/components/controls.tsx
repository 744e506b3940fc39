import { useState, type ReactNode } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import './controls.scss'

/**
 * 失效按钮：只换样式类、标 aria-disabled，点击由处理函数自己拦下。
 * 不用 Button 的 disabled：H5 在 disabled={false} 时也写出 disabled="false"，Taro 自带的
 * taro-button-core[disabled] 样式随即把字变成半透明白色，白底按钮上的字就看不见了。
 */
export const offClass = (off: boolean | undefined, base: string) => (off ? `${base} btn--off` : base)

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
  disabled?: boolean
  /** 输入框下的一行说明 */
  hint?: string
}

/** 带标签的单行输入：标签在上、输入框占满一行，字大框高 */
export function TextField({ label, value, onChange, placeholder, type = 'text', maxlength = 60, disabled, hint }: TextFieldProps) {
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      <Input
        className='field__input'
        value={value}
        type={type}
        maxlength={maxlength}
        disabled={disabled || undefined}
        placeholder={placeholder}
        aria-label={label}
        onInput={(e) => onChange(e.detail.value)}
      />
      {hint && <Text className='field__hint'>{hint}</Text>}
    </View>
  )
}

export interface ChoiceChipsProps<T extends string> {
  label?: string
  options: readonly Option<T>[]
  value: T | null
  onChange: (value: T) => void
}

/** 单选：一排可点的方块，选中的填色并写明「✓」（不只靠颜色区分） */
export function ChoiceChips<T extends string>({ label, options, value, onChange }: ChoiceChipsProps<T>) {
  return (
    <View className='field'>
      {label && <Text className='field__label'>{label}</Text>}
      <View className='chips'>
        {options.map((o) => (
          <Button
            key={o.value}
            className={o.value === value ? 'chip chip--on' : 'chip'}
            aria-pressed={o.value === value}
            onClick={() => onChange(o.value)}
          >
            {o.value === value ? `✓ ${o.label}` : o.label}
          </Button>
        ))}
      </View>
    </View>
  )
}

export interface MultiChipsProps<T extends string> {
  label: string
  options: readonly Option<T>[]
  values: readonly T[]
  onChange: (values: T[]) => void
  emptyText?: string
}

/** 多选（如专委会）：点一下选上，再点取消 */
export function MultiChips<T extends string>({ label, options, values, onChange, emptyText }: MultiChipsProps<T>) {
  const toggle = (v: T) => onChange(values.includes(v) ? values.filter((x) => x !== v) : [...values, v])
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      {options.length === 0 && emptyText && <Text className='field__hint'>{emptyText}</Text>}
      <View className='chips'>
        {options.map((o) => {
          const on = values.includes(o.value)
          return (
            <Button key={o.value} className={on ? 'chip chip--on' : 'chip'} aria-pressed={on} onClick={() => toggle(o.value)}>
              {on ? `✓ ${o.label}` : o.label}
            </Button>
          )
        })}
      </View>
    </View>
  )
}

export interface SelectListProps {
  label: string
  /** 选中项的 value；null 表示「不限」或「无」 */
  value: string | null
  options: readonly Option<string>[]
  onChange: (value: string | null) => void
  /** 空选项的文字（如「不限」「无」）；不给则必须选一项 */
  noneLabel?: string
}

/**
 * 选项多时（界别、支部）用的选择：平时只显示当前值，点「更改」就地展开全部选项，
 * 不弹窗，也不用小程序的滚轮选择器（长辈不好拨）。
 */
export function SelectList({ label, value, options, onChange, noneLabel }: SelectListProps) {
  const [open, setOpen] = useState(false)
  const current = options.find((o) => o.value === value)?.label ?? noneLabel ?? '请选择'
  const pick = (v: string | null) => {
    onChange(v)
    setOpen(false)
  }
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      <Button className='select__current' aria-expanded={open} onClick={() => setOpen(!open)}>
        <Text className='select__value'>{current}</Text>
        <Text className='select__action'>{open ? '收起 ▴' : '更改 ▾'}</Text>
      </Button>
      {open && (
        <View className='chips select__options'>
          {noneLabel && (
            <Button className={value === null ? 'chip chip--on' : 'chip'} aria-pressed={value === null} onClick={() => pick(null)}>
              {value === null ? `✓ ${noneLabel}` : noneLabel}
            </Button>
          )}
          {options.map((o) => (
            <Button key={o.value} className={o.value === value ? 'chip chip--on' : 'chip'} aria-pressed={o.value === value} onClick={() => pick(o.value)}>
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

/** 醒目的提示条：错误用 role=alert，读屏软件会立即念出 */
export function Notice({ kind, children }: NoticeProps) {
  return (
    <View className={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </View>
  )
}

export interface ConfirmPanelProps {
  title: string
  /** 会发生什么，一两句 */
  message: string
  confirmLabel: string
  /** 需要填写原因时给出标签，如「退出原因」 */
  reasonLabel?: string
  busy?: boolean
  error?: string | null
  onConfirm: (reason: string) => void
  onCancel: () => void
}

/** 就地确认危险操作（退出、解除绑定、撤销支部）：写明后果，原因至少两个字 */
export function ConfirmPanel({ title, message, confirmLabel, reasonLabel, busy, error, onConfirm, onCancel }: ConfirmPanelProps) {
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const submit = () => {
    if (busy) return
    if (reasonLabel && reason.trim().length < 2) {
      setProblem(`请填写${reasonLabel}（至少两个字）`)
      return
    }
    setProblem(null)
    onConfirm(reason.trim())
  }
  return (
    <View className='confirm'>
      <Text className='confirm__title'>{title}</Text>
      <Text className='confirm__message'>{message}</Text>
      {reasonLabel && <TextField label={reasonLabel} value={reason} onChange={setReason} maxlength={200} placeholder='至少两个字' />}
      {(problem || error) && <Notice kind='error'>{problem ?? error}</Notice>}
      <View className='btn-row'>
        <Button className={offClass(busy, 'btn btn--danger')} aria-disabled={busy} onClick={submit}>
          {busy ? '正在提交…' : confirmLabel}
        </Button>
        <Button className={offClass(busy, 'btn btn--plain')} aria-disabled={busy} onClick={() => !busy && onCancel()}>
          取消
        </Button>
      </View>
    </View>
  )
}

export interface PagerProps {
  page: number
  pages: number
  total: number
  /** 合计的量词，如「共 58 人」里的「人」 */
  unit: string
  busy?: boolean
  onChange: (page: number) => void
}

/** 上一页 / 第 x/y 页 / 下一页，两端不可再翻时按钮失效 */
export function Pager({ page, pages, total, unit, busy, onChange }: PagerProps) {
  return (
    <View className='pager'>
      <Text className='pager__total'>
        共 {total} {unit}
      </Text>
      <View className='pager__row'>
        <Button className={offClass(busy || page <= 1, 'btn btn--plain pager__btn')} aria-disabled={busy || page <= 1} onClick={() => page > 1 && onChange(page - 1)}>
          上一页
        </Button>
        <Text className='pager__page'>
          第 {page}/{pages} 页
        </Text>
        <Button className={offClass(busy || page >= pages, 'btn btn--plain pager__btn')} aria-disabled={busy || page >= pages} onClick={() => page < pages && onChange(page + 1)}>
          下一页
        </Button>
      </View>
    </View>
  )
}
