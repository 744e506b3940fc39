import { useEffect, useState } from 'react'
import type { MemberProfile } from '@tongxin/shared-types'
import { BRANCH_MANAGER_DUTIES } from '@tongxin/shared-types/src/domain'
import { callFunction } from '../../services/cloud'
import { LOCAL_MODE } from '../../localMode'
import { useAppStore } from '../../store'

/** 组织活动的人：办公室管理员（全部），或支部书记（只限本支部主办的活动） */
export interface Organiser {
  profile: MemberProfile
  isAdmin: boolean
  /** 本人担任书记、副书记或党务干部的支部 */
  managedBranchIds: string[]
}

export type OrganiserState =
  | { status: 'loading' }
  | { status: 'needs-identity' }
  | { status: 'denied'; message: string }
  | { status: 'ready'; organiser: Organiser }

export const ORGANISERS_ONLY = '组织活动只对政协办公室管理员和支部书记开放'

/** 按角色决定页面上显示什么；真正的权限由服务端把关 */
export function useOrganiser(): OrganiserState {
  const devOpenid = useAppStore((s) => s.devIdentity?.openid ?? null)
  const profile = useAppStore((s) => s.profile)
  const rememberProfile = useAppStore((s) => s.rememberProfile)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    if (profile || (LOCAL_MODE && !devOpenid)) return
    let current = true
    void callFunction('member', 'me').then((res) => {
      if (!current) return
      if (res.ok) rememberProfile(res.data)
      else setProblem(res.error.message)
    })
    return () => {
      current = false
    }
  }, [profile, devOpenid, rememberProfile])

  if (LOCAL_MODE && !devOpenid) return { status: 'needs-identity' }
  if (!profile) return problem ? { status: 'denied', message: problem } : { status: 'loading' }
  const isAdmin = profile.roles.includes('admin')
  if (!isAdmin && !profile.roles.includes('secretary')) return { status: 'denied', message: ORGANISERS_ONLY }
  const managedBranchIds = profile.branches.filter((b) => BRANCH_MANAGER_DUTIES.includes(b.duty)).map((b) => b.branchId)
  return { status: 'ready', organiser: { profile, isAdmin, managedBranchIds } }
}
