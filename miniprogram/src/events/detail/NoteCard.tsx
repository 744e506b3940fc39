import { useState } from 'react'
import { Text } from '@tarojs/components'
import type { MyEventView } from '@tongxin/shared-types'
import { callFunction } from '../../services/cloud'
import { useSubmit } from '../../hooks/useSubmit'
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
  const { busy, error: problem, run, fail } = useSubmit()

  const save = async () => {
    const text = content.trim()
    if (text.length < MIN_LENGTH) return fail(`学习心得至少 ${MIN_LENGTH} 个字，您写了 ${text.length} 个字`)
    const saved = await run(() => callFunction('event', 'writeNote', { eventId: event.id, content: text }))
    if (saved) setSavedAt(saved.data.updatedAt)
  }

  return (
    <Card title='学习心得'>
      <TextArea label='我的心得体会' value={content} onChange={setContent} maxlength={5000} placeholder='写下这次学习的收获和体会' />
      {savedAt && !problem && <Text className='ui-muted'>已保存（{dateTimeLabel(savedAt)}），可以继续修改。</Text>}
      {problem && <Notice kind='error'>{problem.message}</Notice>}
      <Button kind='primary' block busy={busy} busyText='正在保存…' onClick={() => void save()}>
        保存心得
      </Button>
    </Card>
  )
}
