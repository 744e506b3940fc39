import type { MemberDetail } from '@tongxin/shared-types'

/** 邀请码四位一组，念给本人听时不易错：ABCD EFGH */
export function groupInviteCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ')
}

export type BindingStatus = '已绑定' | '邀请码待使用' | '未绑定'

export function bindingStatus(m: Pick<MemberDetail, 'bound' | 'invitePending'>): BindingStatus {
  if (m.bound) return '已绑定'
  return m.invitePending ? '邀请码待使用' : '未绑定'
}

export { MEMBER_STATUS_LABELS } from '@tongxin/shared-types/src/views'

/** 共 y 页（至少 1 页，空列表也显示「第 1/1 页」） */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize))
}
