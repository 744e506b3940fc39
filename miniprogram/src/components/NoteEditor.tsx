import { useState } from 'react'
import { Text } from '@tarojs/components'
import type { Envelope } from '@tongxin/shared-types'
import { useSubmit } from '../hooks/useSubmit'
import { dateTimeLabel } from '../utils/time'
import { Button } from './Button'
import { Card } from './Card'
import { TextArea } from './Field'
import { Notice } from './Notice'

/** 与接口的校验一致（schemas 里 writeNote 的 content 至少 10 个字）：先在本机说清楚，不白跑一趟 */
const NOTE_MIN = 10

export interface SavedNote {
  content: string
  updatedAt: string
}

/**
 * 学习心得（活动之后、读完材料之后共用）：可反复修改，写不写由本人决定，不计时长。
 * save 交给调用方：活动走 event.writeNote，学习材料走 study.writeNote。
 */
export function NoteEditor({
  note,
  placeholder,
  save,
}: {
  note: SavedNote | null
  placeholder: string
  save: (content: string) => Promise<Envelope<{ updatedAt: string }>>
}) {
  const [content, setContent] = useState(note?.content ?? '')
  const [savedAt, setSavedAt] = useState(note?.updatedAt ?? null)
  const { busy, error, run, fail } = useSubmit()

  const submit = async () => {
    const text = content.trim()
    if (text.length < NOTE_MIN) return fail(`学习心得至少 ${NOTE_MIN} 个字，您写了 ${text.length} 个字`)
    const saved = await run(() => save(text))
    if (saved) setSavedAt(saved.data.updatedAt)
  }

  return (
    <Card title='学习心得'>
      <TextArea label='我的心得体会' value={content} onChange={setContent} maxlength={5000} placeholder={placeholder} />
      {savedAt && !error && <Text className='ui-muted'>已保存（{dateTimeLabel(savedAt)}），可以继续修改。</Text>}
      {error && <Notice kind='error'>{error.message}</Notice>}
      <Button kind='primary' block busy={busy} busyText='正在保存…' onClick={() => void submit()}>
        保存心得
      </Button>
    </Card>
  )
}
