import { useEffect, type ReactNode } from 'react'
import { View } from '@tarojs/components'
import { useAppStore } from '../store'
import { LOCAL_MODE } from '../localMode'
import { DevIdentityBar } from './DevIdentityBar'
import './PageShell.scss'

export interface PageShellProps {
  children: ReactNode
  /** 根节点另加的样式类（如管理页的 page--admin） */
  className?: string
}

/**
 * H5 的底部标签栏在页面之外（Taro 自己画的），读不到页面根节点上的令牌：
 * 在 <html> 上挂同一个开关，h5-overrides.scss 据此放大标签栏。小程序的原生标签栏改不了字号。
 */
function useRootElderClass(elderMode: boolean) {
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return
    document.documentElement.classList.toggle('elder-mode', elderMode)
  }, [elderMode])
}

/** 每个页面的外壳：根节点挂普通 / 大字两套令牌之一；本地模式下在顶部放演示身份切换条 */
export function PageShell({ children, className }: PageShellProps) {
  const elderMode = useAppStore((s) => s.elderMode)
  useRootElderClass(elderMode)
  const classes = ['page', elderMode && 'page--elder', className].filter(Boolean).join(' ')
  return (
    <View className={classes}>
      {LOCAL_MODE && <DevIdentityBar />}
      {children}
    </View>
  )
}
