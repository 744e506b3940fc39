import type { ReactNode } from 'react'
import { Button as TaroButton, View } from '@tarojs/components'
import './Button.scss'

export interface ButtonProps {
  children: ReactNode
  /** 样式：primary 实心主色（一页最要紧的那一下）；plain 白底主色边（默认）；danger 危险操作；quiet 白底深字 */
  kind?: 'primary' | 'plain' | 'danger' | 'quiet'
  /** big：页面上最主要的大按钮（扫码签到、签到） */
  size?: 'normal' | 'big'
  /** 占满一行 */
  block?: boolean
  /** 失效：换成灰底、标 aria-disabled，点击不触发 */
  off?: boolean
  /** 正在提交：与 off 相同，并把文字换成 busyText */
  busy?: boolean
  busyText?: string
  onClick?: () => void
  /** 读屏念的名称（按钮上的字不够说明时） */
  ariaLabel?: string
  /** 展开 / 收起类的按钮：读屏念出当前是否展开 */
  'aria-expanded'?: boolean
  className?: string
}

/**
 * 唯一的按钮。失效不用原生 disabled：H5 在 disabled={false} 时也写出 disabled="false"，
 * Taro 自带的 taro-button-core[disabled] 样式随即把字变成半透明，白底上就看不见了。
 */
export function Button({
  children,
  kind = 'plain',
  size = 'normal',
  block,
  off,
  busy,
  busyText = '正在提交…',
  onClick,
  ariaLabel,
  className,
  ...aria
}: ButtonProps) {
  const disabled = Boolean(off || busy)
  const classes = ['ui-btn', `ui-btn--${kind}`, size === 'big' && 'ui-btn--big', block && 'ui-btn--block', disabled && 'ui-btn--off', className]
  return (
    <TaroButton
      className={classes.filter(Boolean).join(' ')}
      aria-disabled={disabled || undefined}
      aria-label={ariaLabel}
      aria-expanded={aria['aria-expanded']}
      onClick={() => !disabled && onClick?.()}
    >
      {busy ? busyText : children}
    </TaroButton>
  )
}

export interface ButtonRowProps {
  children: ReactNode
}

/** 一排按钮：放不下时整个按钮换行，而不是按钮里的字折成两行 */
export function ButtonRow({ children }: ButtonRowProps) {
  return <View className='ui-btn-row'>{children}</View>
}
