import { useCallback, useEffect, useState } from 'react'
import type { Envelope } from '@tongxin/shared-types'

export interface LoadState<T> {
  data: T | null
  loading: boolean
  /** 服务器给的中文提示（error.message） */
  error: string | null
}

/**
 * 取一份数据（列表、详情、组织树）。换页或重取时保留上一份数据，免得页面闪成空白；
 * 过期的回答（参数已变）直接丢弃。
 */
export function useLoad<T>(load: () => Promise<Envelope<T>>, deps: readonly unknown[]) {
  const [state, setState] = useState<LoadState<T>>({ data: null, loading: true, error: null })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let current = true
    setState((s) => ({ ...s, loading: true, error: null }))
    void load().then((res) => {
      if (!current) return
      setState((s) => (res.ok ? { data: res.data, loading: false, error: null } : { data: s.data, loading: false, error: res.error.message }))
    })
    return () => {
      current = false
    }
    // load 随 deps 变化；调用方给出依赖
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  /** 写操作返回了新数据（如 roster.update 返回新详情）时直接换上，不必再取一次 */
  const replace = useCallback((data: T) => setState({ data, loading: false, error: null }), [])
  return { ...state, reload, replace }
}
