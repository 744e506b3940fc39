import { useEffect, useState } from 'react'
import type { MemberProfile } from '@tongxin/shared-types'
import { callFunction } from '../services/cloud'
import { useAppStore } from '../store'
import { LOCAL_MODE } from '../localMode'

export type MyProfileState =
  | { status: 'loading' }
  | { status: 'ready'; profile: MemberProfile }
  /** 微信身份还没绑定到委员 */
  | { status: 'not-bound'; message: string }
  | { status: 'error'; message: string }
  /** 本地模式下还没选演示身份 */
  | { status: 'needs-identity' }

/** 取本人资料（member.me）；换演示身份或点「重试」时重新取 */
export function useMyProfile(): { state: MyProfileState; retry: () => void } {
  const devOpenid = useAppStore((s) => s.devIdentity?.openid ?? null)
  const rememberProfile = useAppStore((s) => s.rememberProfile)
  const [state, setState] = useState<MyProfileState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    if (LOCAL_MODE && !devOpenid) {
      setState({ status: 'needs-identity' })
      return
    }
    let current = true // 快速切换身份时，丢弃过期的回答
    setState({ status: 'loading' })
    void callFunction('member', 'me').then((res) => {
      if (!current) return
      if (res.ok) {
        rememberProfile(res.data)
        setState({ status: 'ready', profile: res.data })
      } else if (res.error.code === 'NOT_BOUND') {
        setState({ status: 'not-bound', message: res.error.message })
      } else {
        setState({ status: 'error', message: res.error.message })
      }
    })
    return () => {
      current = false
    }
  }, [devOpenid, attempt, rememberProfile])

  return { state, retry: () => setAttempt((n) => n + 1) }
}
