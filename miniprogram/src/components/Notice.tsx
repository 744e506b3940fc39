import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import './Notice.scss'

export interface NoticeProps {
  /** error 出错（读屏立即念出）；success 办成了；info 提醒；warn 需要留意 */
  kind: 'error' | 'success' | 'info' | 'warn'
  children: ReactNode
  className?: string
}

/** 醒目的提示条，就地显示、不弹窗 */
export function Notice({ kind, children, className }: NoticeProps) {
  return (
    <View className={`ui-notice ui-notice--${kind}${className ? ` ${className}` : ''}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </View>
  )
}
