import { useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { PointsRuleView } from '@tongxin/shared-types'
import { TRACK_LABELS } from '@tongxin/shared-types/src/points'
import { callFunction } from '../../services/cloud'
import { useSubmit } from '../../hooks/useSubmit'
import { parseIntField, ruleRange, signedPoints } from '../shared/format'
import { Button } from '../../components/Button'
import { TextArea, TextField } from '../../components/Field'
import { ChoiceChips } from '../../components/Chips'
import { Notice } from '../../components/Notice'

export interface AdjustFormProps {
  memberId: string
  memberName: string
  /** 已按当前用户与成员筛好的评定类规则 */
  rules: PointsRuleView[]
  /** 记分成功后（页面重取台账） */
  onSaved: () => void
}

type Direction = 'plus' | 'minus'

function rangeHint(rule: PointsRuleView): string {
  const { min, max } = ruleRange(rule)
  return `「${rule.name}」每次可记 ${signedPoints(min)} 到 ${signedPoints(max)} 分（常用 ${signedPoints(rule.points)} 分）`
}

/**
 * 评定加减分：选规则 → 加分或扣分 → 分值 → 原因（必填）。
 * 加减用两个按钮选，分值只填正整数：微信的数字键盘没有负号。
 */
export function AdjustForm({ memberId, memberName, rules, onSaved }: AdjustFormProps) {
  const [code, setCode] = useState<string | null>(rules.length === 1 ? rules[0].code : null)
  // 加分还是扣分每次都要明确选：不沿用上一次，免得把加分误记成扣分
  const [direction, setDirection] = useState<Direction | null>(null)
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const { busy, error, run, fail, clear } = useSubmit()
  const [done, setDone] = useState<string | null>(null)
  // 年初（一至三月）可以把上一年度的评定补记进上一年度（关账前）；其余时候只记本年度，不多一道选择
  const [thisYear, inFirstQuarter] = useMemo(() => {
    const today = new Date()
    return [today.getFullYear(), today.getMonth() < 3] as const
  }, [])
  const [year, setYear] = useState(thisYear)
  const rule = rules.find((r) => r.code === code) ?? null

  if (rules.length === 0) {
    return <Text className='ui-card__sub'>没有您可以为{memberName}评定的积分规则（书记只评定中共党员的品行、考评积分）。</Text>
  }

  const range = rule ? ruleRange(rule) : null
  const directions = [
    ...(range && range.max > 0 ? [{ value: 'plus' as const, label: '加分' }] : []),
    ...(range && range.min < 0 ? [{ value: 'minus' as const, label: '扣分' }] : []),
  ]
  // 规则只允许一个方向时不用选
  const effectiveDirection: Direction | null = directions.length === 1 ? directions[0].value : direction

  async function submit() {
    setDone(null)
    if (!rule || !range) return fail('请先选择一条规则')
    const n = parseIntField(amount)
    if (!effectiveDirection) return fail('请选择加分还是扣分')
    if (n === null || Number.isNaN(n) || n <= 0) return fail('请填写分值（正整数）')
    const points = effectiveDirection === 'minus' ? -n : n
    if (points < range.min || points > range.max) return fail(`分值应在 ${signedPoints(range.min)} 到 ${signedPoints(range.max)} 之间`)
    if (reason.trim().length < 2) return fail('请写明原因（至少 2 个字）')
    const saved = await run(() =>
      callFunction('points', 'adjust', { memberId, ruleCode: rule.code, points, reason: reason.trim(), ...(year !== thisYear ? { year } : {}) }),
    )
    if (!saved) return
    setDone(`已记入${memberName}的积分：${saved.data.explanation}`)
    setDirection(null)
    setAmount('')
    setReason('')
    setYear(thisYear)
    onSaved()
  }

  return (
    <View>
      <ChoiceChips
        label='规则'
        layout='stack'
        options={rules.map((r) => ({ value: r.code, label: r.name, desc: `${TRACK_LABELS[r.track]} · ${r.category}积分；${r.description}` }))}
        value={code}
        onChange={(c) => {
          setCode(c)
          setDirection(null)
          clear()
        }}
      />
      {rule && (
        <View>
          {inFirstQuarter && (
            <View>
              <ChoiceChips
                label='记入年度'
                options={[
                  { value: thisYear, label: `${thisYear} 年` },
                  { value: thisYear - 1, label: `${thisYear - 1} 年（补记）` },
                ]}
                value={year}
                onChange={setYear}
              />
            </View>
          )}
          <ChoiceChips
            label='加分还是扣分'
            options={directions}
            value={effectiveDirection}
            onChange={(d) => {
              setDirection(d)
              clear()
            }}
          />
          <TextField label='分值' type='number' maxlength={3} value={amount} onChange={setAmount} placeholder='填正整数，如 5' hint={rangeHint(rule)} />
          <TextArea
            label='原因（必填）'
            value={reason}
            onChange={setReason}
            placeholder='写明事由，本人会在“我的积分”里看到'
            hint='原因会原样显示给本人，本人可以申诉。'
          />
        </View>
      )}
      {error && <Notice kind='error'>{error.message}</Notice>}
      {done && <Notice kind='success'>{done}</Notice>}
      <Button kind='primary' block busy={busy} busyText='正在保存…' onClick={submit}>
        记入积分
      </Button>
    </View>
  )
}
