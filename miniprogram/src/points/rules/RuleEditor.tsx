import { useState } from 'react'
import { View } from '@tarojs/components'
import type { PointsCategory, PointsRuleView, PointsTrack, RuleBasis } from '@tongxin/shared-types'
import { PARTY_CATEGORIES, RULE_BASES, RULE_BASIS_LABELS, TRACK_LABELS } from '@tongxin/shared-types/src/points'
import { callFunction } from '../../services/cloud'
import { useSubmit } from '../../hooks/useSubmit'
import { isManualRule } from '../shared/format'
import { EMPTY_RULE_FORM, formFromRule, ruleInputFromForm, type RuleFormValues } from './ruleForm'
import { Button } from '../../components/Button'
import { TextArea, TextField } from '../../components/Field'
import { ChoiceChips } from '../../components/Chips'
import { Notice } from '../../components/Notice'

export interface RuleEditorProps {
  /** 修改已有规则；不给则是新建 */
  rule?: PointsRuleView
  onSaved: (saved: PointsRuleView) => void
  onCancel: () => void
}

const categoriesOf = (track: PointsTrack): readonly PointsCategory[] => (track === 'party' ? PARTY_CATEGORIES : ['履职'])

/**
 * 规则编辑：每次保存都是新的版本，只影响今后的记分。
 * 已有规则的代码、类别、分类、依据不可改（会打乱已记分的归类），要改就停用后新建。
 */
export function RuleEditor({ rule, onSaved, onCancel }: RuleEditorProps) {
  const [form, setForm] = useState<RuleFormValues>(rule ? formFromRule(rule) : EMPTY_RULE_FORM)
  const { busy, error, run, fail } = useSubmit()
  const set =
    <K extends keyof RuleFormValues>(key: K) =>
    (value: RuleFormValues[K]) =>
      setForm((f) => ({ ...f, [key]: value }))

  async function save() {
    const parsed = ruleInputFromForm(form)
    if (!parsed.ok) return fail(parsed.message)
    const done = await run(() => callFunction('points', 'saveRule', parsed.input))
    if (done) onSaved(done.data)
  }

  return (
    <View className='pt-inline-form'>
      <Notice kind='success'>
        {rule ? `保存后成为第 ${rule.version + 1} 版，只对今后的记分生效；已经记下的分不变。` : '新规则从第 1 版开始，只对今后的记分生效。'}
      </Notice>
      {!rule && (
        <View>
          <TextField
            label='规则代码'
            maxlength={60}
            value={form.code}
            onChange={set('code')}
            placeholder='如 duty.livelihood'
            hint='小写字母、数字、点和下划线，保存后不能改'
          />
          <ChoiceChips
            label='积分类别'
            options={(['party', 'duty'] as const).map((t) => ({ value: t, label: TRACK_LABELS[t] }))}
            value={form.track}
            onChange={(t) => setForm((f) => ({ ...f, track: t, category: categoriesOf(t)[0], appliesTo: t === 'party' ? 'cpc' : f.appliesTo }))}
          />
          <ChoiceChips label='分类' options={categoriesOf(form.track).map((c) => ({ value: c, label: c }))} value={form.category} onChange={set('category')} />
          <ChoiceChips<RuleBasis>
            label='依据'
            layout='stack'
            options={RULE_BASES.map((b) => ({ value: b, label: RULE_BASIS_LABELS[b] }))}
            value={form.basis}
            onChange={set('basis')}
          />
        </View>
      )}
      <TextField label='规则名称' maxlength={40} value={form.name} onChange={set('name')} />
      <TextField label='每次分值' maxlength={4} value={form.points} onChange={set('points')} hint='扣分填负数，如 -30' />
      {isManualRule(form) && (
        <View>
          <TextField
            label='最低分值'
            maxlength={4}
            value={form.minPoints}
            onChange={set('minPoints')}
            hint='书记每次评定的下限，如 -10；留空为“每次分值”的负数'
          />
          <TextField label='最高分值' maxlength={4} value={form.maxPoints} onChange={set('maxPoints')} hint='书记每次评定的上限；留空为“每次分值”' />
        </View>
      )}
      <TextField
        label='年度上限'
        type='number'
        maxlength={4}
        value={form.yearlyCap}
        onChange={set('yearlyCap')}
        hint='一年内此规则最多加多少分；留空为不设上限'
      />
      <ChoiceChips
        label='适用对象'
        options={[
          { value: 'cpc' as const, label: '中共党员' },
          { value: 'all' as const, label: '全体成员' },
        ]}
        value={form.appliesTo}
        onChange={set('appliesTo')}
      />
      <ChoiceChips
        label='状态'
        options={[
          { value: 'on', label: '启用' },
          { value: 'off', label: '停用' },
        ]}
        value={form.active ? 'on' : 'off'}
        onChange={(v) => set('active')(v === 'on')}
      />
      <TextArea
        label='说明'
        value={form.description}
        onChange={set('description')}
        hint='写明什么情况下记分。不能以在线时长、点赞、转发、投票数作为依据（国办函〔2026〕12号）。'
      />
      {error && <Notice kind='error'>{error.message}</Notice>}
      <View className='ui-btn-row'>
        <Button kind='primary' busy={busy} busyText='正在保存…' onClick={save}>
          {rule ? `保存为第 ${rule.version + 1} 版` : '保存新规则'}
        </Button>
        <Button kind='quiet' onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  )
}
