import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import type { MyRoles, MyRolesState } from '../hooks/useMyRoles'
import type { LoadError } from '../services/refusal'
import { ErrorState, NeedsIdentity, Skeleton } from './PageState'

/** admin：只有政协办公室管理员；manager：管理员或支部书记；member：已绑定的人都可以 */
export type RoleNeed = 'admin' | 'manager' | 'member'

/** 不够格时的说法：说清楚谁能办，而不是“重试” */
export const ROLE_REFUSALS: Record<Exclude<RoleNeed, 'member'>, { message: string; who: string }> = {
  admin: { message: '这项功能只有政协办公室管理员可以使用', who: '如需办理，请联系政协办公室。' },
  manager: { message: '这项功能只对政协办公室管理员和支部书记开放', who: '如需办理，请联系本支部书记或政协办公室。' },
}

export function meets(me: MyRoles, need: RoleNeed): boolean {
  return need === 'member' || (need === 'admin' ? me.isAdmin : me.isManager)
}

export interface RoleGateProps {
  /** useMyRoles 的结果 */
  state: MyRolesState
  retry: () => void
  need: RoleNeed
  /** 身份确认后再画页面内容 */
  children: (me: MyRoles) => ReactNode
}

/** 微信身份还没绑定到委员：说清邀请码从哪来，并给「输入邀请码绑定」（首页、「我的」与每个按角色开放的页面共用） */
export function NotBound({ error }: { error: LoadError }) {
  return (
    <ErrorState
      error={error}
      refusal='绑定用的邀请码由政协办公室发放；如未收到，请与办公室联系。'
      action={{ label: '输入邀请码绑定', onClick: () => void Taro.navigateTo({ url: '/account/bind/index' }) }}
    />
  )
}

/** 先确认“我是谁、能不能用这一页”，再画内容；不够格时说清谁能办（不给「重试」） */
export function RoleGate({ state, retry, need, children }: RoleGateProps) {
  switch (state.status) {
    case 'loading':
      return <Skeleton what='您的身份' lines={2} />
    case 'needs-identity':
      return <NeedsIdentity />
    case 'not-bound':
      return <NotBound error={state.error} />
    case 'error':
      return <ErrorState error={state.error} onRetry={retry} />
    case 'ready': {
      if (meets(state.me, need)) return <>{children(state.me)}</>
      const refusal = ROLE_REFUSALS[need as Exclude<RoleNeed, 'member'>]
      return <ErrorState error={{ code: 'FORBIDDEN', message: refusal.message }} refusal={refusal.who} />
    }
  }
}
