import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { callFunction } from '../../services/cloud'
import { useSubmit } from '../../hooks/useSubmit'
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
  const { busy, error, run, fail } = useSubmit()

  async function submit() {
    if (reason.trim().length < 2) return fail('请写明冲正原因（至少 2 个字）')
    if (await run(() => callFunction('points', 'reverse', { entryId, reason: reason.trim() }))) onDone()
  }

  return (
    <View className='pt-inline-form'>
      <Text className='ui-card__sub'>冲正会新增一条相反的记录抵消这条，原记录保留，本人看得到冲正原因。</Text>
      <TextArea label='冲正原因' value={reason} onChange={setReason} placeholder='如：记错了人、分值有误' />
      {error && <Notice kind='error'>{error.message}</Notice>}
      <View className='ui-btn-row'>
        <Button kind='primary' busy={busy} busyText='正在冲正…' onClick={() => void submit()}>
          确认冲正
        </Button>
        <Button kind='quiet' onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  )
}
