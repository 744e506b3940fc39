import { useState } from 'react'
import { View } from '@tarojs/components'
import { FIVE_ONE_ITEMS, FIVE_ONE_LABELS, type FiveOneItem } from '@tongxin/shared-types/src/points'
import { callFunction } from '../../services/cloud'
import { useSubmit } from '../../hooks/useSubmit'
import { todayIso } from '../../utils/time'
import { Button } from '../../components/Button'
import { TextField } from '../../components/Field'
import { ChoiceChips } from '../../components/Chips'
import { Notice } from '../../components/Notice'

export interface FiveOneFormProps {
  memberId: string
  memberName: string
  onSaved: () => void
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/

/** 登记“五个一”中由书记或办公室确认的事项（如民生实事）：事项、名称、日期 */
export function FiveOneForm({ memberId, memberName, onSaved }: FiveOneFormProps) {
  const [item, setItem] = useState<FiveOneItem | null>(null)
  const [title, setTitle] = useState('')
  const [date, setDate] = useState(todayIso())
  const { busy, error, run, fail } = useSubmit()
  const [done, setDone] = useState<string | null>(null)

  async function submit() {
    setDone(null)
    if (!item) return fail('请选择是哪一项')
    if (title.trim().length < 2) return fail('请填写事项名称（至少 2 个字）')
    if (!DATE_PATTERN.test(date.trim())) return fail('日期请按 2026-03-05 的格式填写')
    const saved = await run(() => callFunction('points', 'recordFiveOne', { memberId, item, title: title.trim(), date: date.trim() }))
    if (!saved) return
    setDone(`已为${memberName}登记“${FIVE_ONE_LABELS[item]}”：${title.trim()}`)
    setTitle('')
    onSaved()
  }

  return (
    <View>
      <ChoiceChips label='事项' layout='stack' options={FIVE_ONE_ITEMS.map((i) => ({ value: i, label: FIVE_ONE_LABELS[i] }))} value={item} onChange={setItem} />
      <TextField label='事项名称' maxlength={60} value={title} onChange={setTitle} placeholder='如：推动老旧小区加装电梯' />
      <TextField label='日期' maxlength={10} value={date} onChange={setDate} hint='格式：2026-03-05（默认今天）' />
      {error && <Notice kind='error'>{error.message}</Notice>}
      {done && <Notice kind='success'>{done}</Notice>}
      <Button kind='primary' block busy={busy} busyText='正在登记…' onClick={submit}>
        登记
      </Button>
    </View>
  )
}
