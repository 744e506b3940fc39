import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { useAppStore } from '../store'
import { LOCAL_MODE } from '../localMode'
import { DevIdentityBar } from './DevIdentityBar'
import './PageShell.scss'

export interface PageShellProps {
  children: ReactNode
}

/** 每个页面的外壳：套上大字模式的样式类；本地模式下在顶部放演示身份切换条 */
export function PageShell({ children }: PageShellProps) {
  const elderMode = useAppStore((s) => s.elderMode)
  return (
    <View className={elderMode ? 'page page--elder' : 'page'}>
      {LOCAL_MODE && <DevIdentityBar />}
      {children}
    </View>
  )
}
