import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { PointsRuleView } from '@tongxin/shared-types'
import { RULE_BASIS_LABELS } from '@tongxin/shared-types/src/points'
import { isManualRule, ruleRange, signedPoints } from '../shared/format'
import { formatDate } from '../../utils/time'
import { Button } from '../../components/Button'
import '../../components/Card.scss'

/** 规则的分值一句话：每次多少、评定范围、年度上限 */
export function ruleTerms(r: PointsRuleView): string {
  const parts = [`每次 ${signedPoints(r.points)} 分`]
  if (isManualRule(r)) {
    const { min, max } = ruleRange(r)
    parts.push(`评定范围 ${signedPoints(min)} 到 ${signedPoints(max)}`)
  }
  parts.push(r.yearlyCap === null ? '不设年度上限' : `年度上限 ${r.yearlyCap} 分`)
  return parts.join('；')
}

export interface RuleCardProps {
  rule: PointsRuleView
  /** 同一代码的旧版本（新的在前） */
  history: PointsRuleView[]
  onEdit?: () => void
  children?: ReactNode
}

export function RuleCard({ rule, history, onEdit, children }: RuleCardProps) {
  return (
    <View className='ui-card' data-rule={rule.code}>
      <View className='pt-rule__head'>
        <View className='pt-rule__title'>
          <Text className='pt-rule__name'>{rule.name}</Text>
          <Text className='pt-badge pt-badge--reversal'>第 {rule.version} 版</Text>
          {!rule.active && <Text className='pt-badge pt-badge--appeal-rejected'>已停用</Text>}
        </View>
        {onEdit && (
          <Button className='pt-rule__edit' onClick={onEdit}>
            修改
          </Button>
        )}
      </View>
      <Text className='pt-rule__terms'>{ruleTerms(rule)}</Text>
      {rule.description && <Text className='pt-rule__desc'>{rule.description}</Text>}
      <Text className='pt-rule__meta'>
        {rule.category}积分 · 依据：{RULE_BASIS_LABELS[rule.basis]} · 适用：{rule.appliesTo === 'cpc' ? '中共党员' : '全体成员'} · 代码 {rule.code} ·{' '}
        {formatDate(rule.createdAt)} 起施行
      </Text>
      {history.map((h) => (
        <Text key={h.id} className='pt-rule__old'>
          第 {h.version} 版（{formatDate(h.createdAt)} 起）：{h.name}，{ruleTerms(h)}
          {h.active ? '' : '，停用'}
        </Text>
      ))}
      {children}
    </View>
  )
}
