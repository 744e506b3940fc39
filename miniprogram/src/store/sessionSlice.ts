import type { StateCreator } from 'zustand'
import type { DevIdentity, MemberProfile } from '@tongxin/shared-types'
import type { AppState } from './index'

export interface SessionSlice {
  /** 本地模式下选中的演示身份（会持久化）；小程序里始终为 null，身份由微信给出 */
  devIdentity: DevIdentity | null
  /** 最近一次取到的本人资料，供各页显示称呼；换身份时清空 */
  profile: MemberProfile | null
  chooseDevIdentity: (identity: DevIdentity) => void
  rememberProfile: (profile: MemberProfile) => void
  forgetProfile: () => void
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  devIdentity: null,
  profile: null,
  chooseDevIdentity: (identity) => set({ devIdentity: identity, profile: null }),
  rememberProfile: (profile) => set({ profile }),
  forgetProfile: () => set({ profile: null }),
})
