import type { MemberDetail } from '@tongxin/shared-types'

/** 政协办公室都在东八区：按北京时间显示，不随电脑时区变化 */
const BEIJING_OFFSET_MS = 8 * 3600 * 1000
const pad = (n: number) => String(n).padStart(2, '0')

function beijing(iso: string): Date | null {
  const t = Date.parse(iso)
  return Number.isNaN(t) ? null : new Date(t + BEIJING_OFFSET_MS)
}

/** 2026年12月26日 */
export function formatDate(iso: string): string {
  const d = beijing(iso)
  return d ? `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日` : iso
}

/** 2026-12-26 09:05 */
export function formatDateTime(iso: string): string {
  const d = beijing(iso)
  if (!d) return iso
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** 邀请码四位一组，念给本人听时不易错：ABCD EFGH */
export function groupInviteCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ')
}

export type BindingStatus = '已绑定' | '邀请码待使用' | '未绑定'

export function bindingStatus(m: Pick<MemberDetail, 'bound' | 'invitePending'>): BindingStatus {
  if (m.bound) return '已绑定'
  return m.invitePending ? '邀请码待使用' : '未绑定'
}

export const MEMBER_STATUS_LABELS: Record<MemberDetail['status'], string> = { active: '在册', retired: '已退出' }

/** 共 y 页（至少 1 页，空列表也显示「第 1/1 页」） */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize))
}
