import { useCallback, useEffect, useState } from 'react'
import type { Envelope } from '@tongxin/shared-types'

export interface LoadState<T> {
  data: T | null
  loading: boolean
  /** 服务器给的中文提示 */
  error: string | null
}

/**
 * 取一份数据。重取时保留上一份，页面不闪成空白；参数变了的过期回答直接丢弃。
 * silent 重取（定时刷新）不把 loading 置上，也不清掉错误以外的东西。
 */
export function useLoad<T>(load: (() => Promise<Envelope<T>>) | null, deps: readonly unknown[]) {
  const [state, setState] = useState<LoadState<T>>({ data: null, loading: true, error: null })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    if (!load) return
    let current = true
    setState((s) => ({ ...s, loading: true }))
    void load().then((res) => {
      if (!current) return
      setState((s) => (res.ok ? { data: res.data, loading: false, error: null } : { data: s.data, loading: false, error: res.error.message }))
    })
    return () => {
      current = false
    }
    // load 随 deps 变化；调用方给出依赖
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt, load === null])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  const replace = useCallback((data: T) => setState({ data, loading: false, error: null }), [])
  return { ...state, reload, replace }
}
