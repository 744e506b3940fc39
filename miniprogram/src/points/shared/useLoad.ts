import { useEffect, useRef, useState } from 'react'
import type { Envelope } from '@tongxin/shared-types'
import { LOCAL_MODE } from '../../localMode'
import { useAppStore } from '../../store'

export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; code: string; message: string }
  /** 本地模式下还没选演示身份 */
  | { status: 'needs-identity' }

/**
 * 取一份数据：换演示身份、key 变化或调用 reload 时重取；快速切换时丢弃过期的回答。
 * load 每次渲染都可以是新函数，是否重取只看 key。
 * reload（如提交之后）时先留着旧内容，页面不闪、不跳回顶部；换了 key 则显示“正在加载”。
 */
export function useLoad<T>(load: () => Promise<Envelope<T>>, key: string): { state: LoadState<T>; reload: () => void } {
  const devOpenid = useAppStore((s) => s.devIdentity?.openid ?? null)
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const shown = useRef('')

  useEffect(() => {
    if (LOCAL_MODE && !devOpenid) {
      setState({ status: 'needs-identity' })
      return
    }
    let current = true
    const target = `${devOpenid ?? ''}|${key}`
    if (shown.current !== target) setState({ status: 'loading' })
    shown.current = target
    void load().then((res) => {
      if (!current) return
      setState(res.ok ? { status: 'ready', data: res.data } : { status: 'error', code: res.error.code, message: res.error.message })
    })
    return () => {
      current = false
    }
    // load 由 key 代表
  }, [devOpenid, key, attempt])

  return { state, reload: () => setAttempt((n) => n + 1) }
}
