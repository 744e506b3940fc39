import { useState } from 'react'
import { View } from '@tarojs/components'
import type { AttendanceRow } from '@tongxin/shared-types'
import { callFunction } from '../../services/cloud'
import { useSubmit } from '../../hooks/useSubmit'
import { Button } from '../../components/Button'
import { TextField } from '../../components/Field'
import { Notice } from '../../components/Notice'

interface ActionProps {
  eventId: string
  row: AttendanceRow
  /** 做完了：页面重取名单 */
  onDone: (message: string) => void
}

/** 代签：为没带手机、不会扫码的人签到，必须写明原因（记入审计） */
export function ProxyForm({ eventId, row, onDone }: ActionProps) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const { busy, error: problem, run, fail } = useSubmit()
  if (!open) {
    return (
      <Button className='att-row__btn' onClick={() => setOpen(true)}>
        代签
      </Button>
    )
  }
  const submit = async () => {
    if (busy) return
    if (reason.trim().length < 2) return fail('请写明代签原因（至少两个字）')
    const done = await run(() => callFunction('event', 'proxyCheckin', { eventId, memberId: row.memberId, reason: reason.trim() }))
    if (!done) return
    setOpen(false)
    onDone(done.data.already ? `${row.name} 已经签到过了` : `已为 ${row.name} 代签`)
  }
  return (
    <View className='att-form'>
      <TextField label={`为 ${row.name} 代签的原因`} value={reason} onChange={setReason} maxlength={100} placeholder='如：未带手机，本人在场' />
      {problem && <Notice kind='error'>{problem.message}</Notice>}
      <View className='ui-btn-row'>
        <Button kind='primary' busy={busy} onClick={() => void submit()}>
          确认代签
        </Button>
        <Button onClick={() => setOpen(false)}>取消</Button>
      </View>
    </View>
  )
}

/** 请假审批：就地批准或不批准，可附一句答复（成员会收到通知） */
export function LeaveDecision({ row, onDone }: Omit<ActionProps, 'eventId'>) {
  const [answer, setAnswer] = useState('')
  // 批准与不批准是同一件事的两种答复：一个在提交时另一个也失效
  const { busy, error: problem, run } = useSubmit()
  const leaveId = row.leave?.id
  if (!leaveId) return null
  const decide = async (approve: boolean) => {
    const done = await run(() => callFunction('event', 'decideLeave', { leaveId, approve, answer: answer.trim() }))
    if (done) onDone(`${approve ? '已批准' : '未批准'} ${row.name} 的请假，已通知本人`)
  }
  return (
    <View className='att-form'>
      <TextField label='答复（可不填）' value={answer} onChange={setAnswer} maxlength={200} placeholder='如：同意，请会后自学材料' />
      {problem && <Notice kind='error'>{problem.message}</Notice>}
      <View className='ui-btn-row'>
        <Button kind='primary' off={busy} onClick={() => void decide(true)}>
          批准
        </Button>
        <Button kind='danger' off={busy} onClick={() => void decide(false)}>
          不批准
        </Button>
      </View>
    </View>
  )
}

/** 离线补交：扫码后很久才送达的签到，组织者在会场见过本人就确认（记分），没见过就退回（删去这条签到） */
export function OfflineDecision({ eventId, row, onDone }: ActionProps) {
  const { busy, error: problem, run } = useSubmit()
  const decide = async (accept: boolean) => {
    const done = await run(() => callFunction('event', 'confirmOffline', { eventId, memberId: row.memberId, accept }))
    if (done) onDone(accept ? `已确认 ${row.name} 的签到` : `已退回 ${row.name} 的离线补交`)
  }
  return (
    <View className='att-form'>
      {problem && <Notice kind='error'>{problem.message}</Notice>}
      <View className='ui-btn-row'>
        <Button kind='primary' off={busy} onClick={() => void decide(true)}>
          确认在场
        </Button>
        <Button off={busy} onClick={() => void decide(false)}>
          退回
        </Button>
      </View>
    </View>
  )
}
