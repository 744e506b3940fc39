import type { AppRole, MembershipKind } from '@tongxin/shared-types'
// 只取常量所在的文件：包入口会连带 zod，不进小程序包
import { APP_ROLE_LABELS } from '@tongxin/shared-types/src/domain'

export function roleLabels(roles: readonly AppRole[]): string {
  return roles.map((r) => APP_ROLE_LABELS[r] ?? r).join('、')
}

export const MEMBERSHIP_KIND_LABELS: Record<MembershipKind, string> = {
  primary: '第一组织关系',
  functional: '功能型',
}

/** 手机号中间四位打码：本人资料页也不整号显示，防旁人看到 */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone
}
