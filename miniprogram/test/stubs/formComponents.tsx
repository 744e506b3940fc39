/**
 * 管理页与绑定页测试用：在 stubs/components 之上补 Input，并让 Button 带上 disabled。
 * 用法：jest.mock('@tarojs/components', () => jest.requireActual('<本文件>').formComponents())
 */
import { createElement, type ReactNode } from 'react'

interface InputProps {
  value?: string
  placeholder?: string
  disabled?: boolean
  className?: string
  'aria-label'?: string
  onInput?: (e: { detail: { value: string } }) => void
}

function Input({ value, placeholder, disabled, className, onInput, ...rest }: InputProps) {
  return createElement('input', {
    className,
    value: value ?? '',
    placeholder,
    disabled,
    'aria-label': rest['aria-label'],
    onChange: (e: { target: { value: string } }) => onInput?.({ detail: { value: e.target.value } }),
  })
}

interface ButtonProps {
  children?: ReactNode
  className?: string
  disabled?: boolean
  onClick?: () => void
  [key: string]: unknown
}

function Button({ children, className, disabled, onClick, ...rest }: ButtonProps) {
  const aria = Object.fromEntries(Object.entries(rest).filter(([k]) => k.startsWith('aria-')))
  return createElement('button', { type: 'button', className, disabled, onClick, ...aria }, children)
}

/** View 另带 role（H5 的 View 会把它放到 div 上，提示条用 role=alert） */
function View({ children, className, onClick, role, ...rest }: ButtonProps & { role?: string }) {
  const aria = Object.fromEntries(Object.entries(rest).filter(([k]) => k.startsWith('aria-')))
  return createElement('div', { className, onClick, role, ...aria }, children)
}

export function formComponents() {
  const base = jest.requireActual('./components')
  return { __esModule: true, ...base, Input, Button, View }
}
