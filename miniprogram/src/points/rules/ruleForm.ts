/** 规则编辑表单：字符串形式的表单值 ⇄ points.saveRule 的输入。纯函数，便于测试。 */
import type { ActionInput, PointsCategory, PointsRuleView, PointsTrack, RuleBasis } from '@tongxin/shared-types'
import { parseIntField } from '../shared/format'

export type SaveRuleInput = ActionInput<'points', 'saveRule'>

export interface RuleFormValues {
  code: string
  name: string
  track: PointsTrack
  category: PointsCategory
  basis: RuleBasis
  points: string
  minPoints: string
  maxPoints: string
  yearlyCap: string
  appliesTo: 'cpc' | 'all'
  active: boolean
  description: string
}

const text = (n: number | null) => (n === null ? '' : String(n))

export function formFromRule(r: PointsRuleView): RuleFormValues {
  return {
    code: r.code,
    name: r.name,
    track: r.track,
    category: r.category,
    basis: r.basis,
    points: String(r.points),
    minPoints: text(r.minPoints),
    maxPoints: text(r.maxPoints),
    yearlyCap: text(r.yearlyCap),
    appliesTo: r.appliesTo,
    active: r.active,
    description: r.description,
  }
}

export const EMPTY_RULE_FORM: RuleFormValues = {
  code: '',
  name: '',
  track: 'duty',
  category: '履职',
  basis: 'fulfilment',
  points: '',
  minPoints: '',
  maxPoints: '',
  yearlyCap: '',
  appliesTo: 'all',
  active: true,
  description: '',
}

/** 表单 → saveRule 输入；有问题时返回一句中文（字段名 + 原因） */
export function ruleInputFromForm(f: RuleFormValues): { ok: true; input: SaveRuleInput } | { ok: false; message: string } {
  const points = parseIntField(f.points)
  if (points === null || Number.isNaN(points)) return { ok: false, message: '「每次分值」请填整数，扣分填负数，如 -10' }
  const optional: Array<[keyof RuleFormValues, string]> = [
    ['minPoints', '最低分值'],
    ['maxPoints', '最高分值'],
    ['yearlyCap', '年度上限'],
  ]
  const parsed: Record<string, number | null> = {}
  for (const [key, label] of optional) {
    const n = parseIntField(String(f[key]))
    if (Number.isNaN(n)) return { ok: false, message: `「${label}」请填整数，不限就留空` }
    parsed[key] = n
  }
  if (f.name.trim().length < 2) return { ok: false, message: '「规则名称」至少需要 2 个字' }
  return {
    ok: true,
    input: {
      code: f.code.trim(),
      name: f.name.trim(),
      track: f.track,
      category: f.category,
      basis: f.basis,
      points,
      minPoints: parsed.minPoints,
      maxPoints: parsed.maxPoints,
      yearlyCap: parsed.yearlyCap,
      appliesTo: f.appliesTo,
      active: f.active,
      description: f.description.trim(),
    },
  }
}
