import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { EventView, StudyNoteView } from '@tongxin/shared-types'
import { callFunction } from '../../services/cloud'
import { useSubmit } from '../../hooks/useSubmit'
import { dateTimeLabel } from '../../utils/time'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { Notice } from '../../components/Notice'

/** 定案：活动结束后锁定名单；全体会议、常委会议的缺席按规则扣履职分（请假的扣得少） */
export function FinalizePanel({ event, onDone }: { event: EventView; onDone: () => void }) {
  const [confirming, setConfirming] = useState(false)
  const { busy, error: problem, run } = useSubmit()
  const [result, setResult] = useState<string | null>(null)
  if (event.status === 'cancelled') return null
  if (event.finalizedAt) {
    return (
      <Card title='定案'>
        {result && <Notice kind='success'>{result}</Notice>}
        <Text className='ui-muted'>已于 {dateTimeLabel(event.finalizedAt)} 定案。</Text>
      </Card>
    )
  }
  if (Date.now() < Date.parse(event.endsAt)) return null
  const finalize = async () => {
    const done = await run(() => callFunction('event', 'finalize', { eventId: event.id }))
    if (!done) return
    setConfirming(false)
    setResult(`已定案：${done.data.summary}`)
    onDone()
  }
  return (
    <Card title='定案'>
      <Text className='ui-muted'>活动已结束。核对名单无误后定案；全体会议、常委会议的缺席将按积分规则记录（请假的扣得少）。</Text>
      {problem && <Notice kind='error'>{problem.message}</Notice>}
      {confirming ? (
        <View className='ui-btn-row'>
          <Button kind='primary' busy={busy} busyText='正在定案…' onClick={() => void finalize()}>
            确认定案
          </Button>
          <Button onClick={() => setConfirming(false)}>取消</Button>
        </View>
      ) : (
        <Button block onClick={() => setConfirming(true)}>
          定案
        </Button>
      )}
    </Card>
  )
}

/** 学习心得：点开才取（名单页常开着，不必每次刷新都带上全文） */
export function NotesList({ eventId }: { eventId: string }) {
  const [notes, setNotes] = useState<StudyNoteView[] | null>(null)
  const { busy, error: problem, run } = useSubmit()
  const load = async () => {
    const done = await run(() => callFunction('event', 'notes', { eventId }))
    if (done) setNotes(done.data)
  }
  return (
    <Card title='学习心得'>
      {problem && <Notice kind='error'>{problem.message}</Notice>}
      {notes && notes.length === 0 && <Text className='ui-muted'>还没有人写学习心得。</Text>}
      {notes?.map((n) => (
        <View key={n.memberId} className='note'>
          <Text className='note__name'>{n.name}</Text>
          <Text className='note__time'>{dateTimeLabel(n.updatedAt)}</Text>
          <Text className='note__content'>{n.content}</Text>
        </View>
      ))}
      <Button block off={busy} onClick={() => void load()}>
        {notes ? '刷新学习心得' : '查看学习心得'}
      </Button>
    </Card>
  )
}
