import { useState } from 'react'
import { Text } from '@tarojs/components'
import type { MyEventView } from '@tongxin/shared-types'
import { callFunction } from '../../services/cloud'
import { dateTimeLabel } from '../../utils/time'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { TextArea } from '../../components/Field'
import { Notice } from '../../components/Notice'

const MIN_LENGTH = 10

/** 学习心得：参加了的活动开始后可写，可反复修改。写不写由本人决定，不计时长 */
export function NoteCard({ event }: { event: MyEventView }) {
  const [content, setContent] = useState(event.myNote?.content ?? '')
  const [savedAt, setSavedAt] = useState(event.myNote?.updatedAt ?? null)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const save = async () => {
    if (busy) return
    const text = content.trim()
    if (text.length < MIN_LENGTH) return setProblem(`学习心得至少 ${MIN_LENGTH} 个字，您写了 ${text.length} 个字`)
    setBusy(true)
    setProblem(null)
    const res = await callFunction('event', 'writeNote', { eventId: event.id, content: text })
    setBusy(false)
    if (res.ok) setSavedAt(res.data.updatedAt)
    else setProblem(res.error.message)
  }

  return (
    <Card title='学习心得'>
      <TextArea label='我的心得体会' value={content} onChange={setContent} maxlength={5000} placeholder='写下这次学习的收获和体会' />
      {savedAt && !problem && <Text className='ui-muted'>已保存（{dateTimeLabel(savedAt)}），可以继续修改。</Text>}
      {problem && <Notice kind='error'>{problem}</Notice>}
      <Button kind='primary' block off={busy} onClick={() => void save()}>
        {busy ? '正在保存…' : '保存心得'}
      </Button>
    </Card>
  )
}
