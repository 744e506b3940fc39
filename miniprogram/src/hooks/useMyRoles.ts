import { useEffect, useRef, useState } from 'react'
import type { AppRole, MemberProfile } from '@tongxin/shared-types'
import { BRANCH_MANAGER_DUTIES } from '@tongxin/shared-types/src/domain'
import { callFunction } from '../services/cloud'
import { settledCall } from '../services/preloaded'
import type { LoadError } from '../services/refusal'
import { LOCAL_MODE } from '../localMode'
import { useAppStore } from '../store'

/** 本人是谁、能做什么。页面按它决定显示哪些按钮；真正的权限由服务端把关 */
export interface MyRoles {
  profile: MemberProfile
  roles: readonly AppRole[]
  isAdmin: boolean
  isSecretary: boolean
  /** 管理员或支部书记：可以组织活动、进管理页、评定积分 */
  isManager: boolean
  /** 本人担任书记、副书记或党务干部的支部（书记的范围） */
  managedBranchIds: string[]
}

export type MyRolesState =
  | { status: 'loading' }
  /** 本地模式下还没选演示身份 */
  | { status: 'needs-identity' }
  /** 微信身份还没绑定到委员 */
  | { status: 'not-bound'; error: LoadError }
  | { status: 'error'; error: LoadError }
  | { status: 'ready'; me: MyRoles }

export function toMyRoles(profile: MemberProfile): MyRoles {
  const isAdmin = profile.roles.includes('admin')
  const isSecretary = profile.roles.includes('secretary')
  return {
    profile,
    roles: profile.roles,
    isAdmin,
    isSecretary,
    isManager: isAdmin || isSecretary,
    managedBranchIds: profile.branches.filter((b) => BRANCH_MANAGER_DUTIES.includes(b.duty)).map((b) => b.branchId),
  }
}

export interface MyRolesOptions {
  /** 每次进入都重取 member.me（首页、「我的」）；否则先用 store 里已取过的资料 */
  fresh?: boolean
}

/**
 * 唯一的“我是谁、我能做什么”hook（取代 useManager、useOrganiser、useViewer、useMyProfile）：
 * 先用 store 里已有的资料，没有（或要求 fresh）再取 member.me；换演示身份或点「重试」时重取。
 */
export function useMyRoles(options: MyRolesOptions = {}): { state: MyRolesState; retry: () => void } {
  const devOpenid = useAppStore((s) => s.devIdentity?.openid ?? null)
  const stored = useAppStore((s) => s.profile)
  const rememberProfile = useAppStore((s) => s.rememberProfile)
  const waiting = LOCAL_MODE && !devOpenid
  // 要求 fresh 时，member.me 的回答若已在手边（H5 首页的预先请求已回来），第一次渲染就用它，不再取
  const [early, setEarly] = useState(() => {
    const got = options.fresh && !waiting ? settledCall('member', 'me') : undefined
    return got?.ok ? got.data : null
  })
  const profile = early ?? stored
  const [problem, setProblem] = useState<LoadError | null>(null)
  const [fetched, setFetched] = useState(early !== null)
  const [attempt, setAttempt] = useState(0)
  const needFetch = !waiting && (options.fresh ? !fetched : !profile)

  // 手边的回答记进 store（别的页面也要用）；记下后以 store 为准
  useEffect(() => {
    if (!early) return
    rememberProfile(early)
    setEarly(null)
  }, [early, rememberProfile])

  useEffect(() => {
    if (!needFetch) return
    let current = true // 快速切换身份时，丢弃过期的回答
    setProblem(null)
    void callFunction('member', 'me').then((res) => {
      if (!current) return
      if (res.ok) rememberProfile(res.data)
      else setProblem(res.error)
      setFetched(true)
    })
    return () => {
      current = false
    }
    // needFetch 由 profile 与 fetched 算出；换身份（devOpenid）或重试（attempt）时重来
  }, [needFetch, devOpenid, attempt, rememberProfile])

  // 换了演示身份：重新取（fresh 的页面也要）；第一次渲染时不算换
  const firstIdentity = useRef(devOpenid)
  useEffect(() => {
    if (firstIdentity.current === devOpenid) return
    firstIdentity.current = devOpenid
    setFetched(false)
  }, [devOpenid])

  const retry = () => {
    setFetched(false)
    setProblem(null)
    setAttempt((n) => n + 1)
  }
  if (waiting) return { state: { status: 'needs-identity' }, retry }
  if (problem) return { state: problem.code === 'NOT_BOUND' ? { status: 'not-bound', error: problem } : { status: 'error', error: problem }, retry }
  if (profile && (!options.fresh || fetched)) return { state: { status: 'ready', me: toMyRoles(profile) }, retry }
  return { state: { status: 'loading' }, retry }
}
