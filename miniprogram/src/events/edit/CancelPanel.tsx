import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { callFunction } from '../../services/cloud'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { TextArea } from '../../components/Field'
import { Notice } from '../../components/Notice'

/** 取消活动：写明原因，参加人员会收到通知。就地确认，不弹窗 */
export function CancelPanel({ eventId, onCancelled }: { eventId: string; onCancelled: () => void }) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const submit = async () => {
    if (busy) return
    if (reason.trim().length < 2) return setProblem('请写明取消原因（至少两个字）')
    setBusy(true)
    setProblem(null)
    const res = await callFunction('event', 'cancel', { eventId, reason: reason.trim() })
    setBusy(false)
    if (res.ok) onCancelled()
    else setProblem(res.error.message)
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
          {problem && <Notice kind='error'>{problem}</Notice>}
          <View className='ui-btn-row'>
            <Button kind='primary' off={busy} onClick={() => void submit()}>
              {busy ? '正在取消…' : '确认取消活动'}
            </Button>
            <Button onClick={() => setOpen(false)}>
              不取消
            </Button>
          </View>
        </View>
      )}
    </Card>
  )
}
