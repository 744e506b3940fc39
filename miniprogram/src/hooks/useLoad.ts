import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Envelope } from '@tongxin/shared-types'
import { LOCAL_MODE } from '../localMode'
import type { LoadError } from '../services/refusal'
import { useAppStore } from '../store'

export type { LoadError } from '../services/refusal'

/** 一份数据的状态：页面据此画骨架屏、内容、空状态或错误 */
export type LoadState<T> =
  | { status: 'loading' }
  /** 本地模式下还没选演示身份 */
  | { status: 'needs-identity' }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: LoadError }

export interface Loaded<T> {
  state: LoadState<T>
  /** 最近一次取到的数据：重取、出错时仍保留，页面不闪成空白；还没取到为 null */
  data: T | null
  /** 正在取（首次或重取） */
  loading: boolean
  /** 最近一次失败；成功后清空 */
  error: LoadError | null
  /** 再取一次（重试、提交之后） */
  reload: () => void
  /** 写操作已返回新数据时直接换上，不必再取 */
  replace: (data: T) => void
}

interface Inner<T> {
  data: T | null
  loading: boolean
  error: LoadError | null
}

/**
 * 唯一的取数 hook。load 为 null 时不取（如缺参数）；deps 变化、换演示身份或 reload 时重取；
 * 参数已变的过期回答直接丢弃。重取时保留上一份数据：有数据就画数据，没数据才画骨架屏。
 * early：第一次渲染时若同一份回答已在手边（见 services/preloaded 的 settledCall），直接画它，这一次不再取。
 */
export function useLoad<T>(load: (() => Promise<Envelope<T>>) | null, deps: readonly unknown[], early?: () => Envelope<T> | undefined): Loaded<T> {
  const devOpenid = useAppStore((s) => s.devIdentity?.openid ?? null)
  const waiting = LOCAL_MODE && !devOpenid
  const [inner, setInner] = useState<Inner<T>>(() => {
    const got = load && !waiting ? early?.() : undefined
    return got?.ok ? { data: got.data, loading: false, error: null } : { data: null, loading: true, error: null }
  })
  const [attempt, setAttempt] = useState(0)
  const who = useRef(devOpenid)
  // 第一次渲染已用上手边的回答：第一次 effect 不再取
  const skipFirst = useRef(!inner.loading)

  useEffect(() => {
    if (skipFirst.current) {
      skipFirst.current = false
      return
    }
    if (!load || waiting) return
    let current = true
    // 换了身份：上一位的数据不能再给这一位看
    const switched = who.current !== devOpenid
    who.current = devOpenid
    setInner((s) => ({ data: switched ? null : s.data, loading: true, error: null }))
    void load().then((res) => {
      if (!current) return
      setInner((s) => (res.ok ? { data: res.data, loading: false, error: null } : { data: s.data, loading: false, error: res.error }))
    })
    return () => {
      current = false
    }
    // load 随 deps 变化，由调用方给出依赖
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt, load === null, waiting, devOpenid])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  const replace = useCallback((data: T) => setInner({ data, loading: false, error: null }), [])

  // 同一份数据给出同一个 state 对象：页面可以放心把它放进 effect 的依赖
  const state = useMemo((): LoadState<T> => {
    if (waiting) return { status: 'needs-identity' }
    if (inner.error && inner.data === null) return { status: 'error', error: inner.error }
    if (inner.data !== null) return { status: 'ready', data: inner.data }
    return { status: 'loading' }
  }, [waiting, inner])
  return { state, data: waiting ? null : inner.data, loading: !waiting && inner.loading, error: waiting ? null : inner.error, reload, replace }
}
