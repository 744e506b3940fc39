/** 积分页面共用的纯函数：分值、条目状态、合计（日期见 utils/time）。不引用 Taro，便于测试。 */
import type { PointsEntryView, PointsRuleView, PointsTrack } from '@tongxin/shared-types'

/** 分值总带符号：+5、−10（减号用全宽的 −，长辈看得清；不只靠颜色区分加减） */
export function signedPoints(n: number): string {
  if (n > 0) return `+${n}`
  if (n < 0) return `−${Math.abs(n)}`
  return '0'
}

/** 合计：负数用 −，正数不加号 */
export const totalPoints = (n: number): string => (n < 0 ? signedPoints(n) : String(n))

export type EntryTone = 'plus' | 'minus' | 'zero'
export const entryTone = (n: number): EntryTone => (n > 0 ? 'plus' : n < 0 ? 'minus' : 'zero')

/** 某条积分记录的状态标签（可多个），页面上与说明一起显示 */
export interface EntryBadge {
  kind: 'reversed' | 'reversal' | 'appeal-pending' | 'appeal-accepted' | 'appeal-rejected'
  label: string
}

export function entryBadges(entry: PointsEntryView): EntryBadge[] {
  const badges: EntryBadge[] = []
  if (entry.reversesEntryId) badges.push({ kind: 'reversal', label: '冲正记录' })
  if (entry.reversedByEntryId) badges.push({ kind: 'reversed', label: '已冲正' })
  if (entry.appeal?.status === 'pending') badges.push({ kind: 'appeal-pending', label: '申诉中' })
  if (entry.appeal?.status === 'accepted') badges.push({ kind: 'appeal-accepted', label: '申诉已采纳' })
  if (entry.appeal?.status === 'rejected') badges.push({ kind: 'appeal-rejected', label: '申诉未采纳' })
  return badges
}

/** 能否（再次）申诉：服务端说可申诉，且眼下没有待处理的申诉 */
export const canAppeal = (entry: PointsEntryView): boolean => entry.appealable && entry.appeal?.status !== 'pending'

/** 新的在前；同一时刻按服务端顺序 */
export function newestFirst(entries: readonly PointsEntryView[]): PointsEntryView[] {
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.at.localeCompare(a.e.at) || a.i - b.i)
    .map(({ e }) => e)
}

/**
 * 合计直接由页面上列出的流水求和：屏幕上的总分一定等于下面各条相加，读屏即可核对。
 */
export function sumEntries(entries: readonly PointsEntryView[], track: PointsTrack, category?: string): number {
  return entries.filter((e) => e.track === track && (category === undefined || e.category === category)).reduce((acc, e) => acc + e.points, 0)
}

/** 评定类规则（品行、考评）每次允许的分值范围；与服务端 checkAdjustment 的缺省一致 */
export function ruleRange(rule: Pick<PointsRuleView, 'points' | 'minPoints' | 'maxPoints'>): { min: number; max: number } {
  return { min: rule.minPoints ?? -Math.abs(rule.points), max: rule.maxPoints ?? Math.abs(rule.points) }
}

/** 只有评定类规则能手工记分 */
export const isManualRule = (rule: Pick<PointsRuleView, 'basis'>): boolean => rule.basis === 'manual' || rule.basis === 'evaluation'

/** 输入框里的整数：空串为 null；不是整数为 NaN */
export function parseIntField(text: string): number | null {
  const t = text.trim().replace(/^[−－]/, '-')
  if (t === '') return null
  return /^[-+]?\d+$/.test(t) ? Number(t) : Number.NaN
}

/**
 * 某人可被当前用户评定的规则：启用的评定类规则；书记只有党员积分（品行、考评）；
 * 非党员没有党员积分可评。
 */
export function adjustableRules(rules: readonly PointsRuleView[], who: { isAdmin: boolean; memberIsCpc: boolean }): PointsRuleView[] {
  return rules.filter((r) => r.active && isManualRule(r) && (who.isAdmin || r.track === 'party') && (who.memberIsCpc || r.appliesTo === 'all'))
}

/** 当前用户能否冲正这条记录（服务端会再核对一次）：书记只冲正支部评定的党员积分，已关账年度只有管理员 */
export function canReverse(entry: PointsEntryView, who: { isAdmin: boolean; yearClosed: boolean }): boolean {
  if (entry.reversesEntryId || entry.reversedByEntryId) return false
  if (who.isAdmin) return true
  return !who.yearClosed && entry.track === 'party' && entry.operatorName !== null
}
