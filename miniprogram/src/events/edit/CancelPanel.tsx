import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { callFunction } from '../../services/cloud'
import { useSubmit } from '../../hooks/useSubmit'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { TextArea } from '../../components/Field'
import { Notice } from '../../components/Notice'

/** 取消活动：写明原因，参加人员会收到通知。就地确认，不弹窗 */
export function CancelPanel({ eventId, onCancelled }: { eventId: string; onCancelled: () => void }) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const { busy, error: problem, run, fail } = useSubmit()
  const submit = async () => {
    if (busy) return
    if (reason.trim().length < 2) return fail('请写明取消原因（至少两个字）')
    if (await run(() => callFunction('event', 'cancel', { eventId, reason: reason.trim() }))) onCancelled()
  }
  return (
    <Card title='取消活动' className='edit-cancel'>
      {!open ? (
        <Button kind='danger' block onClick={() => setOpen(true)}>
          取消这场活动
        </Button>
      ) : (
        <View>
          <Text className='ui-muted'>取消后不能恢复，所有参加人员会收到通知。</Text>
          <TextArea label='取消原因' value={reason} onChange={setReason} maxlength={200} placeholder='如：因故改期，另行通知' />
          {problem && <Notice kind='error'>{problem.message}</Notice>}
          <View className='ui-btn-row'>
            <Button kind='primary' busy={busy} busyText='正在取消…' onClick={() => void submit()}>
              确认取消活动
            </Button>
            <Button onClick={() => setOpen(false)}>不取消</Button>
          </View>
        </View>
      )}
    </Card>
  )
}
