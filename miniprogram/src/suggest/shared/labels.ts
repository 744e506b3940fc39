// 建言分包共用的说法（从 shared-types 的单个文件引入，不经包入口，zod 不进小程序包）
import {
  ADOPTION_LEVEL_LABELS,
  COSIGN_STATUS_LABELS,
  RATING_LABELS,
  SUGGESTION_KIND_LABELS,
  SUGGESTION_STATUS_LABELS,
  type SuggestionSummary,
} from '@tongxin/shared-types/src/suggestions'

export { ADOPTION_LEVEL_LABELS, COSIGN_STATUS_LABELS, RATING_LABELS, SUGGESTION_KIND_LABELS, SUGGESTION_STATUS_LABELS }

/** 列表里的一行说明：类型 · 状态 · 编号 */
export function summaryLine(s: Pick<SuggestionSummary, 'kind' | 'status' | 'number' | 'isKey'>): string {
  return [SUGGESTION_KIND_LABELS[s.kind], SUGGESTION_STATUS_LABELS[s.status], s.number, s.isKey ? '重点提案' : null].filter(Boolean).join(' · ')
}

export const detailUrl = (id: string) => `/suggest/detail/index?id=${encodeURIComponent(id)}`
export const editUrl = (id?: string, kind?: string) => `/suggest/edit/index${id ? `?id=${encodeURIComponent(id)}` : kind ? `?kind=${kind}` : ''}`
