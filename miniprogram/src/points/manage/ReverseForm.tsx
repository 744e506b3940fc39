import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { callFunction } from '../../services/cloud'
import { Button } from '../../components/Button'
import { TextArea } from '../../components/Field'
import { Notice } from '../../components/Notice'

export interface ReverseFormProps {
  entryId: string
  onDone: () => void
  onCancel: () => void
}

/** 冲正一条记错的记录：写明原因；原记录保留，新增一条相反的记录与它相抵 */
export function ReverseForm({ entryId, onDone, onCancel }: ReverseFormProps) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit() {
    if (reason.trim().length < 2) return setError('请写明冲正原因（至少 2 个字）')
    setError(null)
    setBusy(true)
    const res = await callFunction('points', 'reverse', { entryId, reason: reason.trim() })
    setBusy(false)
    if (res.ok) onDone()
    else setError(res.error.message)
  }

  return (
    <View className='pt-inline-form'>
      <Text className='ui-card__sub'>冲正会新增一条相反的记录抵消这条，原记录保留，本人看得到冲正原因。</Text>
      <TextArea label='冲正原因' value={reason} onChange={setReason} placeholder='如：记错了人、分值有误' />
      {error && <Notice kind='error'>{error}</Notice>}
      <View className='ui-btn-row'>
        <Button kind='primary' off={busy} onClick={submit}>
          {busy ? '正在冲正…' : '确认冲正'}
        </Button>
        <Button kind='quiet' onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  )
}
