import { useEffect, useState } from 'react'
import type { MemberProfile } from '@tongxin/shared-types'
import { BRANCH_MANAGER_DUTIES } from '@tongxin/shared-types/src/domain'
import { callFunction } from '../../services/cloud'
import { useAppStore } from '../../store'
import { LOCAL_MODE } from '../../localMode'

/** 进入管理页的人：办公室管理员，或支部书记（只管本支部） */
export interface Manager {
  profile: MemberProfile
  isAdmin: boolean
  /** 本人担任书记、副书记或党务干部的支部 */
  managedBranchIds: string[]
}

export type ManagerState =
  | { status: 'loading' }
  | { status: 'needs-identity' }
  | { status: 'denied'; message: string }
  | { status: 'error'; message: string }
  | { status: 'ready'; manager: Manager }

export function toManager(profile: MemberProfile): Manager {
  return {
    profile,
    isAdmin: profile.roles.includes('admin'),
    managedBranchIds: profile.branches.filter((b) => BRANCH_MANAGER_DUTIES.includes(b.duty)).map((b) => b.branchId),
  }
}

export const ADMIN_ONLY_MESSAGE = '这项功能只有政协办公室管理员可以使用'
export const MANAGERS_ONLY_MESSAGE = '管理功能只对政协办公室管理员和支部书记开放'

/**
 * 本人的角色：先用 store 里已有的资料（从「我的」进来时已取过），没有再取 member.me。
 * 页面上的按钮按角色显示；真正的权限由服务端把关。
 */
export function useManager(adminOnly: boolean): { state: ManagerState; retry: () => void } {
  const devOpenid = useAppStore((s) => s.devIdentity?.openid ?? null)
  const profile = useAppStore((s) => s.profile)
  const rememberProfile = useAppStore((s) => s.rememberProfile)
  const [fetchState, setFetchState] = useState<ManagerState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    if (profile || (LOCAL_MODE && !devOpenid)) return
    let current = true
    setFetchState({ status: 'loading' })
    void callFunction('member', 'me').then((res) => {
      if (!current) return
      if (res.ok) rememberProfile(res.data)
      else setFetchState({ status: res.error.code === 'NOT_BOUND' ? 'denied' : 'error', message: res.error.message })
    })
    return () => {
      current = false
    }
  }, [profile, devOpenid, attempt, rememberProfile])

  const retry = () => setAttempt((n) => n + 1)
  if (LOCAL_MODE && !devOpenid) return { state: { status: 'needs-identity' }, retry }
  if (!profile) return { state: fetchState, retry }
  const manager = toManager(profile)
  if (adminOnly && !manager.isAdmin) return { state: { status: 'denied', message: ADMIN_ONLY_MESSAGE }, retry }
  if (!manager.isAdmin && !profile.roles.includes('secretary')) return { state: { status: 'denied', message: MANAGERS_ONLY_MESSAGE }, retry }
  return { state: { status: 'ready', manager }, retry }
}
