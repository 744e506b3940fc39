import type { ReactNode } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { useDomId } from './useDomId'
import './Field.scss'

/** 每个输入框都有看得见的标签，并与输入框关联：读屏念出标签，H5 里 axe 也认得 */
function useFieldIds() {
  const base = useDomId('f')
  return { label: `${base}-label`, input: `${base}-input`, hint: `${base}-hint` }
}

/**
 * H5 的 Taro 输入框是 <taro-input-core> 里包一个真正的 <input>：外层的 aria-label 到不了里层，
 * 所以用 nativeProps 把 id 与 aria-labelledby / aria-describedby 直接放到里层的 input 上；
 * 小程序没有 nativeProps，读屏用 aria-label。
 */
function a11yProps(ids: ReturnType<typeof useFieldIds>, label: string, hint: string | undefined) {
  return {
    'aria-label': label,
    // aria-label 与看得见的标签同字：axe 从 aria-labelledby 取名时认不出 taro-text-core 里的字，有说明（aria-describedby）的输入框
    // 便被当成“只有说明没有标签”（label-title-only）；读屏软件仍以 aria-labelledby 为准
    nativeProps: { id: ids.input, 'aria-labelledby': ids.label, 'aria-label': label, ...(hint ? { 'aria-describedby': ids.hint } : {}) },
  }
}

interface FieldFrameProps {
  ids: ReturnType<typeof useFieldIds>
  label: string
  hint?: string
  className?: string
  children: ReactNode
}

function FieldFrame({ ids, label, hint, className, children }: FieldFrameProps) {
  return (
    <View className={className ? `ui-field ${className}` : 'ui-field'}>
      <Text className='ui-field__label' id={ids.label}>
        {label}
      </Text>
      {children}
      {hint && (
        <Text className='ui-field__hint' id={ids.hint}>
          {hint}
        </Text>
      )}
    </View>
  )
}

export interface TextFieldProps {
  /** 看得见的标签，也是读屏念的名称 */
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  /** number：手机上弹数字键盘（微信的数字键盘没有负号，可为负的数用 text）；idcard、digit 同小程序 */
  type?: 'text' | 'number' | 'digit' | 'idcard'
  /** 小程序输入框默认只收 140 字，这里总写明 */
  maxlength?: number
  disabled?: boolean
  /** 输入框下的一行说明（范围、格式） */
  hint?: string
  /** search：键盘右下角显示“搜索”，按下触发 onConfirm */
  confirmType?: 'done' | 'search' | 'next' | 'go' | 'send'
  onConfirm?: () => void
  /** 外层额外的样式类 */
  className?: string
}

/** 带标签的单行输入：标签在上、输入框占满一行，字大框高（大字模式随令牌变高） */
export function TextField({
  label,
  value,
  onChange,
  placeholder,
  type = 'text',
  maxlength = 60,
  disabled,
  hint,
  confirmType,
  onConfirm,
  className,
}: TextFieldProps) {
  const ids = useFieldIds()
  return (
    <FieldFrame ids={ids} label={label} hint={hint} className={className}>
      <Input
        className='ui-field__input'
        value={value}
        type={type}
        maxlength={maxlength}
        disabled={disabled || undefined}
        placeholder={placeholder}
        confirmType={confirmType}
        onConfirm={onConfirm ? () => onConfirm() : undefined}
        onInput={(e) => onChange(e.detail.value)}
        {...a11yProps(ids, label, hint)}
      />
    </FieldFrame>
  )
}

export interface TextAreaProps {
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  maxlength?: number
  hint?: string
  className?: string
}

/** 多行输入（请假原因、学习心得、申诉理由）：与单行输入同一套字号与高度令牌 */
export function TextArea({ label, value, onChange, placeholder, maxlength = 200, hint, className }: TextAreaProps) {
  const ids = useFieldIds()
  return (
    <FieldFrame ids={ids} label={label} hint={hint} className={className}>
      <Textarea
        className='ui-field__input ui-field__area'
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        onInput={(e) => onChange(e.detail.value)}
        {...a11yProps(ids, label, hint)}
      />
    </FieldFrame>
  )
}
