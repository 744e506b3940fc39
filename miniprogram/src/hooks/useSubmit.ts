import { useCallback, useRef, useState } from 'react'
import type { Envelope } from '@tongxin/shared-types'
import type { LoadError } from '../services/refusal'

export interface Submitting {
  /** 正在提交：按钮显示“正在提交…”并失效 */
  busy: boolean
  /** 最近一次失败（服务器的中文提示在 message 里）；再次提交或 clear 时清空 */
  error: LoadError | null
  /** 提交一次；正在提交时再点不会重复发出。成功返回 { data }（data 可以是空的），失败或重复点击返回 null */
  run: <T>(send: () => Promise<Envelope<T>>) => Promise<{ data: T } | null>
  /** 页面自己发现的问题（如必填项没填），与服务器的失败显示在同一处 */
  fail: (message: string) => void
  clear: () => void
}

/** 唯一的提交 hook：防重复提交、记下失败 */
export function useSubmit(): Submitting {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<LoadError | null>(null)
  const inFlight = useRef(false)

  const run = useCallback(async <T>(send: () => Promise<Envelope<T>>): Promise<{ data: T } | null> => {
    if (inFlight.current) return null
    inFlight.current = true
    setBusy(true)
    setError(null)
    try {
      const res = await send()
      if (res.ok) return { data: res.data }
      setError(res.error)
      return null
    } finally {
      inFlight.current = false
      setBusy(false)
    }
  }, [])
  const fail = useCallback((message: string) => setError({ code: 'CLIENT.INVALID', message }), [])
  const clear = useCallback(() => setError(null), [])
  return { busy, error, run, fail, clear }
}
