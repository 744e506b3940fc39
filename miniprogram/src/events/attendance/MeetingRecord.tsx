import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { MeetingRecordView } from '@tongxin/shared-types'
import { callFunction } from '../../services/cloud'
import { useLoad } from '../../hooks/useLoad'
import { useSubmit } from '../../hooks/useSubmit'
import { Button, ButtonRow } from '../../components/Button'
import { Card } from '../../components/Card'
import { TextArea, TextField } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { LoadStatus } from '../../components/PageState'

export interface MeetingRecordProps {
  eventId: string
  /** 点名之后重取（新点到的人出现在记录里） */
  version: number
  locked: boolean
}

/** 一条要点的编辑：发言人与要点；保存后回到只读 */
function SpeechForm({
  initial,
  onSave,
  onCancel,
  busy,
}: {
  initial: { speakerName: string; content: string }
  onSave: (v: { speakerName: string; content: string }) => void
  onCancel: () => void
  busy: boolean
}) {
  const [speakerName, setSpeaker] = useState(initial.speakerName)
  const [content, setContent] = useState(initial.content)
  return (
    <View className='record-form'>
      <TextField label='发言人' value={speakerName} onChange={setSpeaker} maxlength={30} />
      <TextArea label='发言要点' value={content} onChange={setContent} maxlength={2000} />
      <ButtonRow>
        <Button
          kind='primary'
          off={busy || !speakerName.trim() || !content.trim()}
          onClick={() => onSave({ speakerName: speakerName.trim(), content: content.trim() })}
        >
          保存
        </Button>
        <Button onClick={onCancel}>取消</Button>
      </ButtonRow>
    </View>
  )
}

/**
 * 会议记录（三会一课存档用）：议程、主持人、记录人，随机点名与发言要点。存在服务器上，会后可补、可改，刷新不丢；
 * 导出签到名单时一并写进表格。
 */
export function MeetingRecord({ eventId, version, locked }: MeetingRecordProps) {
  const record = useLoad(() => callFunction('event', 'record', { eventId }), [eventId, version])
  const submit = useSubmit()
  const [head, setHead] = useState({ agenda: '', hostName: '', recorderName: '' })
  const [editing, setEditing] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const r = record.data
  useEffect(() => {
    if (r) setHead({ agenda: r.agenda ?? '', hostName: r.hostName ?? '', recorderName: r.recorderName ?? '' })
  }, [r])

  const apply = (done: { data: MeetingRecordView } | null, what: string) => {
    if (!done) return
    record.replace(done.data)
    setEditing(null)
    setSaved(what)
  }
  const saveHead = async () =>
    apply(
      await submit.run(() =>
        callFunction('event', 'saveRecord', {
          eventId,
          agenda: head.agenda.trim() || null,
          hostName: head.hostName.trim() || null,
          recorderName: head.recorderName.trim() || null,
        }),
      ),
      '已保存会议抬头',
    )
  const saveSpeech = async (speechId: string | undefined, v: { speakerName: string; content: string }) =>
    apply(
      await submit.run(() =>
        callFunction('event', 'saveSpeech', { eventId, ...(speechId ? { speechId } : {}), speakerName: v.speakerName, content: v.content }),
      ),
      '已保存发言要点',
    )
  const saveCallNote = async (memberId: string, v: { content: string }) => {
    const done = await submit.run(() => callFunction('event', 'rollCallNote', { eventId, memberId, note: v.content }))
    if (done) {
      record.reload()
      setEditing(null)
      setSaved('已保存发言要点')
    }
  }

  if (!r)
    return (
      <Card title='会议记录'>
        <LoadStatus loaded={record} what='会议记录' />
      </Card>
    )
  return (
    <Card title='会议记录'>
      <TextField label='主持人' value={head.hostName} onChange={(v) => setHead({ ...head, hostName: v })} maxlength={30} />
      <TextField label='记录人' value={head.recorderName} onChange={(v) => setHead({ ...head, recorderName: v })} maxlength={30} />
      <TextArea
        label='议程'
        value={head.agenda}
        onChange={(v) => setHead({ ...head, agenda: v })}
        maxlength={2000}
        placeholder='如：一、学习全会精神；二、交流发言'
      />
      <Button off={submit.busy || locked} onClick={() => void saveHead()}>
        保存抬头
      </Button>

      <Text className='record__title'>发言要点</Text>
      {r.rollCalls.map((c) =>
        editing === `call:${c.memberId}` ? (
          <SpeechForm
            key={c.memberId}
            initial={{ speakerName: c.name, content: c.note ?? '' }}
            busy={submit.busy}
            onCancel={() => setEditing(null)}
            onSave={(v) => void saveCallNote(c.memberId, v)}
          />
        ) : (
          <View key={c.memberId} className='record__item'>
            <Text className='record__speaker'>
              {c.name}（随机点名第 {c.order} 位）
            </Text>
            <Text className='record__content'>{c.note ?? '（未记要点）'}</Text>
            <Button onClick={() => setEditing(`call:${c.memberId}`)}>{c.note ? '修改' : '补记要点'}</Button>
          </View>
        ),
      )}
      {r.speeches.map((s) =>
        editing === s.id ? (
          <SpeechForm key={s.id} initial={s} busy={submit.busy} onCancel={() => setEditing(null)} onSave={(v) => void saveSpeech(s.id, v)} />
        ) : (
          <View key={s.id} className='record__item'>
            <Text className='record__speaker'>{s.speakerName}</Text>
            <Text className='record__content'>{s.content}</Text>
            <Button onClick={() => setEditing(s.id)}>修改</Button>
          </View>
        ),
      )}
      {editing === 'new' ? (
        <SpeechForm
          initial={{ speakerName: '', content: '' }}
          busy={submit.busy}
          onCancel={() => setEditing(null)}
          onSave={(v) => void saveSpeech(undefined, v)}
        />
      ) : (
        <Button block onClick={() => setEditing('new')}>
          添加一位发言人的要点
        </Button>
      )}
      {submit.error && <Notice kind='error'>{submit.error.message}</Notice>}
      {saved && !submit.error && <Notice kind='success'>{saved}</Notice>}
    </Card>
  )
}
