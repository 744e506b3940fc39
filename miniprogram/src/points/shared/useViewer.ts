import type { AppRole, Envelope, MemberProfile } from '@tongxin/shared-types'
import { callFunction } from '../../services/cloud'
import { useAppStore } from '../../store'
import { useLoad, type LoadState } from './useLoad'

export interface Viewer {
  name: string
  roles: AppRole[]
  isAdmin: boolean
  isSecretary: boolean
}

const toViewer = (p: MemberProfile): Viewer => ({
  name: p.name,
  roles: p.roles,
  isAdmin: p.roles.includes('admin'),
  isSecretary: p.roles.includes('secretary'),
})

/** 当前用户的角色：用「我的」已取到的资料，没有就取一次 member.me */
export function useViewer(): LoadState<Viewer> {
  const profile = useAppStore((s) => s.profile)
  const remember = useAppStore((s) => s.rememberProfile)
  const { state } = useLoad<Viewer>(async (): Promise<Envelope<Viewer>> => {
    if (profile) return { ok: true, data: toViewer(profile) }
    const res = await callFunction('member', 'me')
    if (!res.ok) return res
    remember(res.data)
    return { ok: true, data: toViewer(res.data) }
  }, 'viewer')
  return state
}
