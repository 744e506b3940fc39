import type { ActionInput, Affiliation, BranchDuty, Ethnicity, Gender, MemberDetail, MembershipKind, Position } from '@tongxin/shared-types'
import { BIRTH_MONTH } from '@tongxin/shared-types/src/domain'

/** 表单里的一条组织关系 */
export interface MembershipDraft {
  branchId: string
  kind: MembershipKind
  duty: BranchDuty
}

/** 成员表单的内容（新增与编辑共用） */
export interface MemberDraft {
  name: string
  phone: string
  position: Position
  /** 新增时不预设：由办公室照实选择（预设“中共党员”会让漏选的人被当成党员） */
  affiliation: Affiliation | null
  sectorId: string | null
  committeeIds: string[]
  memberships: MembershipDraft[]
  /** 名册字段：都可不填 */
  gender: Gender | null
  ethnicity: Ethnicity | null
  /** 出生年月，YYYY-MM；空串为未填 */
  birthMonth: string
  /** 工作单位及职务 */
  workUnit: string
  /** 届次，如“第十五届” */
  term: string
}

export type RosterCreateInput = ActionInput<'roster', 'create'>
export type RosterUpdateInput = ActionInput<'roster', 'update'>

export const EMPTY_DRAFT: MemberDraft = {
  name: '',
  phone: '',
  position: '委员',
  affiliation: null,
  sectorId: null,
  committeeIds: [],
  memberships: [],
  gender: null,
  ethnicity: null,
  birthMonth: '',
  workUnit: '',
  term: '',
}

export function draftFromDetail(m: MemberDetail): MemberDraft {
  return {
    name: m.name,
    // 脱敏号码不能拿来回填，否则一保存就把号码改成了 139****5678
    phone: m.phoneMasked ? '' : (m.phone ?? ''),
    position: m.position,
    affiliation: m.affiliation ?? '群众',
    sectorId: m.sector?.id ?? null,
    committeeIds: m.committees.map((c) => c.id),
    memberships: m.branches.map((b) => ({ branchId: b.branchId, kind: b.kind, duty: b.duty })),
    gender: m.gender,
    ethnicity: (m.ethnicity as Ethnicity | null) ?? null,
    birthMonth: m.birthMonth ?? '',
    workUnit: m.workUnit ?? '',
    term: m.term ?? '',
  }
}

/** 与导入规则一致：职务为「机关干部」的是机关干部，其余是委员 */
export const kindOf = (position: Position) => (position === '机关干部' ? 'staff' : 'committee_member') as 'staff' | 'committee_member'

const PHONE_RE = /^1[3-9]\d{9}$/
export const cleanPhone = (raw: string) => raw.replace(/[\s-]/g, '')

/** 只有中共党员有党组织关系：其他政治面貌保存时清掉 */
export const effectiveMemberships = (d: MemberDraft) => (d.affiliation === '中共党员' ? d.memberships : [])

/** 提交前的检查：返回第一条中文问题，没有问题返回 null（服务端还会再查一遍） */
export function checkDraft(d: MemberDraft, limited: boolean): string | null {
  if (!d.name.trim()) return '请填写姓名'
  if (d.name.trim().length > 40) return '姓名不能超过 40 个字'
  const phone = cleanPhone(d.phone)
  if (phone && !PHONE_RE.test(phone)) return '手机号应为 11 位数字，以 1 开头'
  if (limited) return null
  if (!d.affiliation) return '请选择政治面貌'
  const birth = d.birthMonth.trim()
  if (birth && !BIRTH_MONTH.test(birth)) return '出生年月请写成 1965-03 这样的年-月'
  if (d.workUnit.trim().length > 100) return '工作单位及职务不能超过 100 个字'
  if (d.term.trim().length > 20) return '届次不能超过 20 个字'
  const ms = effectiveMemberships(d)
  if (ms.some((m) => !m.branchId)) return '请为每条组织关系选择支部'
  if (ms.filter((m) => m.kind === 'primary').length > 1) return '第一组织关系只能有一个'
  if (new Set(ms.map((m) => m.branchId)).size !== ms.length) return '同一个支部不能重复加入'
  return null
}

export function toCreateInput(d: MemberDraft): RosterCreateInput {
  return {
    name: d.name.trim(),
    phone: cleanPhone(d.phone) || null,
    kind: kindOf(d.position),
    position: d.position,
    // checkDraft 已确保选了政治面貌
    affiliation: d.affiliation!,
    sectorId: d.sectorId,
    committeeIds: d.committeeIds,
    memberships: effectiveMemberships(d),
    gender: d.gender,
    ethnicity: d.ethnicity,
    birthMonth: d.birthMonth.trim() || null,
    workUnit: d.workUnit.trim() || null,
    term: d.term.trim() || null,
  }
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|')
const membershipKey = (m: MembershipDraft) => `${m.branchId}/${m.kind}/${m.duty}`

/**
 * 编辑：只提交改动过的字段。审计日志据此写「修改了 X 的手机号」，不会把没动的专委会、组织关系也记成修改；
 * 书记（limited）只能提交姓名与手机号。
 */
export function toUpdateInput(memberId: string, before: MemberDraft, after: MemberDraft, limited: boolean): RosterUpdateInput {
  const out: RosterUpdateInput = { memberId }
  if (after.name.trim() !== before.name) out.name = after.name.trim()
  const phone = cleanPhone(after.phone)
  if (phone !== cleanPhone(before.phone)) out.phone = phone || null
  if (limited) return out
  if (after.position !== before.position) {
    out.position = after.position
    if (kindOf(after.position) !== kindOf(before.position)) out.kind = kindOf(after.position)
  }
  if (after.affiliation && after.affiliation !== before.affiliation) out.affiliation = after.affiliation
  if (after.sectorId !== before.sectorId) out.sectorId = after.sectorId
  if (!sameList(after.committeeIds, before.committeeIds)) out.committeeIds = after.committeeIds
  const ms = effectiveMemberships(after)
  if (!sameList(ms.map(membershipKey), before.memberships.map(membershipKey))) out.memberships = ms
  if (after.gender !== before.gender) out.gender = after.gender
  if (after.ethnicity !== before.ethnicity) out.ethnicity = after.ethnicity
  for (const key of ['birthMonth', 'workUnit', 'term'] as const) {
    if (after[key].trim() !== before[key].trim()) out[key] = after[key].trim() || null
  }
  return out
}

/** 除 memberId 外没有任何字段：什么也没改 */
export const isEmptyUpdate = (u: RosterUpdateInput) => Object.keys(u).length === 1
