import { useState } from 'react'
import { Text } from '@tarojs/components'
import type { MyEventView } from '@tongxin/shared-types'
import { callFunction } from '../../services/cloud'
import { useSubmit } from '../../hooks/useSubmit'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { ChoiceChips } from '../../components/Chips'
import { TextArea } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { RemindMe } from '../../components/RemindMe'

export interface LeaveCardProps {
  event: MyEventView
  onChanged: () => void
}

/** 常见的请假原因：点一下就填好，老同志不必一个字一个字地打；也可以在框里补充或自己写 */
const QUICK_REASONS = ['身体不适', '因公出差', '参加其他会议', '家中有事'] as const

/** 请假：活动结束前、未签到时可请；请过的显示审批情况，审批前可撤回，被驳回的可以再请 */
export function LeaveCard({ event, onChanged }: LeaveCardProps) {
  const [reason, setReason] = useState('')
  const { busy, error: problem, run, fail, clear } = useSubmit()
  const leave = event.myLeave

  const submit = async () => {
    if (reason.trim().length < 2) return fail('请写明请假原因（至少两个字）')
    if (await run(() => callFunction('event', 'requestLeave', { eventId: event.id, reason: reason.trim() }))) {
      setReason('')
      onChanged()
    }
  }

  // 审批前可以撤回（行程有变、能来了）：撤回后照常参加
  const withdraw = async () => {
    if (busy || !leave) return
    if (await run(() => callFunction('event', 'withdrawLeave', { leaveId: leave.id }))) onChanged()
  }

  if (leave?.status === 'pending') {
    return (
      <Card title='请假'>
        <Notice kind='info'>已提交请假，等待组织者审批。原因：{leave.reason}</Notice>
        <RemindMe keys={['result']} label='审批结果出来时提醒我' />
        {problem && <Notice kind='error'>{problem.message}</Notice>}
        <Button block off={busy} busy={busy} busyText='正在撤回…' onClick={() => void withdraw()}>
          撤回请假（能参加了）
        </Button>
      </Card>
    )
  }
  if (leave?.status === 'approved') {
    return (
      <Card title='请假'>
        <Notice kind='success'>请假已批准。{leave.answer ?? ''}</Notice>
      </Card>
    )
  }
  return (
    <Card title='请假'>
      {leave?.status === 'refused' && <Notice kind='info'>上次的请假未批准{leave.answer ? `：${leave.answer}` : '。'}如仍不能参加，可以再次说明。</Notice>}
      <Text className='ui-muted'>不能参加时，请在活动开始前说明原因，由组织者审批。</Text>
      <ChoiceChips
        label='常见原因（点一下即可）'
        options={QUICK_REASONS.map((r) => ({ value: r, label: r }))}
        value={(QUICK_REASONS as readonly string[]).includes(reason) ? (reason as (typeof QUICK_REASONS)[number]) : null}
        onChange={(r) => {
          setReason(r)
          clear()
        }}
      />
      <TextArea label='请假原因' value={reason} onChange={setReason} maxlength={200} placeholder='点选上面的常见原因，或在这里写明' />
      {problem && <Notice kind='error'>{problem.message}</Notice>}
      <Button block busy={busy} onClick={() => void submit()}>
        提交请假
      </Button>
    </Card>
  )
}
