import { useState } from 'react'
import { View } from '@tarojs/components'
import { callFunction } from '../../services/cloud'
import { Button } from '../../components/Button'
import { TextArea } from '../../components/Field'
import { Notice } from '../../components/Notice'

export interface AppealFormProps {
  entryId: string
  /** 提交成功后（页面随即重取积分） */
  onSubmitted: () => void
  onCancel: () => void
}

const MIN_REASON = 5

/** 就地展开的申诉表：写明理由（至少 5 个字）后提交给支部书记 */
export function AppealForm({ entryId, onSubmitted, onCancel }: AppealFormProps) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit() {
    if (reason.trim().length < MIN_REASON) {
      setError(`请写明申诉理由（至少 ${MIN_REASON} 个字）`)
      return
    }
    setBusy(true)
    setError(null)
    const res = await callFunction('points', 'appeal', { entryId, reason: reason.trim() })
    setBusy(false)
    if (res.ok) onSubmitted()
    else setError(res.error.message)
  }

  return (
    <View className='pt-appeal-form'>
      <TextArea
        label='申诉理由'
        maxlength={500}
        value={reason}
        onChange={setReason}
        placeholder='请写明您认为这条记分哪里不对'
        hint='至少 5 个字。支部书记答复后，结果会显示在这条记录下面。'
      />
      {error && <Notice kind='error'>{error}</Notice>}
      <View className='ui-btn-row'>
        <Button kind='primary' off={busy} onClick={submit}>
          {busy ? '正在提交…' : '提交申诉'}
        </Button>
        <Button kind='quiet' onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  )
}
