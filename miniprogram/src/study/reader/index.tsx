/**
 * 阅读：服务器渲染并清洗过的正文（RichText）、附件、音视频链接；文末由本人确认读完，写学习心得。
 * 只记“读完了”，不记读了多久（国办函〔2026〕12号）。
 */
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { RichText, Text, View } from '@tarojs/components'
import type { MaterialView } from '@tongxin/shared-types'
import { PageShell } from '../../components/PageShell'
import { Card } from '../../components/Card'
import { Button } from '../../components/Button'
import { Notice } from '../../components/Notice'
import { NoteEditor } from '../../components/NoteEditor'
import { LoadGate } from '../../components/PageState'
import { RemindMe } from '../../components/RemindMe'
import { useLoad } from '../../hooks/useLoad'
import { useSubmit } from '../../hooks/useSubmit'
import { callFunction } from '../../services/cloud'
import { openDocumentFile } from '../../services/download'
import { dayLabel } from '../../utils/time'
import '../styles/study.scss'

function Attachments({ material }: { material: MaterialView }) {
  const { busy, error, run } = useSubmit()
  const [opened, setOpened] = useState<string | null>(null)
  const openFile = async (fileId: string, name: string) => {
    const res = await run(() => callFunction('study', 'attachment', { materialId: material.id, fileId }))
    if (!res) return
    try {
      await openDocumentFile(res.data)
      setOpened(name)
    } catch {
      setOpened(null)
    }
  }
  if (material.attachments.length === 0 && material.links.length === 0) return null
  return (
    <Card title='附件与音视频'>
      {material.attachments.map((a) => (
        <Button key={a.fileId} block busy={busy} busyText='正在打开…' onClick={() => void openFile(a.fileId, a.name)} ariaLabel={`打开附件 ${a.name}`}>
          打开：{a.name}
        </Button>
      ))}
      {material.links.map((l) => (
        <View key={l.url}>
          <Text className='st-line'>{l.label}</Text>
          <Button block onClick={() => void Taro.setClipboardData({ data: l.url })} ariaLabel={`复制链接：${l.label}`}>
            复制链接，在浏览器中打开
          </Button>
        </View>
      ))}
      {opened && <Text className='ui-muted'>已打开「{opened}」</Text>}
      {error && <Notice kind='error'>{error.message}</Notice>}
    </Card>
  )
}

/** 文末：确认读完（可以再点，不重复记分）与收藏 */
function Finish({ material, onChanged }: { material: MaterialView; onChanged: (m: MaterialView) => void }) {
  const { busy, error, run } = useSubmit()
  const [points, setPoints] = useState<number | null>(null)
  const finish = async () => {
    const res = await run(() => callFunction('study', 'finish', { materialId: material.id }))
    if (!res) return
    setPoints(res.data.points)
    onChanged({ ...material, finished: true })
  }
  const toggle = async () => {
    const res = await run(() => callFunction('study', 'favourite', { materialId: material.id, on: !material.favourite }))
    if (res) onChanged({ ...material, favourite: res.data.favourite })
  }
  return (
    <View className='st-end'>
      {material.finished ? (
        <View role='status'>
          <Text className='st-done'>✓ 您已读完这篇{points ? `，记履职积分 +${points}` : ''}</Text>
        </View>
      ) : (
        <Button kind='primary' size='big' block busy={busy} busyText='正在确认…' onClick={() => void finish()}>
          我已读完
        </Button>
      )}
      <Button block off={busy} onClick={() => void toggle()} ariaLabel={material.favourite ? '取消收藏' : '收藏这篇'}>
        {material.favourite ? '★ 已收藏（点此取消）' : '☆ 收藏'}
      </Button>
      {error && <Notice kind='error'>{error.message}</Notice>}
    </View>
  )
}

function NoteCard({ material }: { material: MaterialView }) {
  return (
    <NoteEditor
      note={material.myNote}
      placeholder='写下读这篇的收获和体会'
      save={(content) => callFunction('study', 'writeNote', { materialId: material.id, content })}
    />
  )
}

function Reader({ material, onChanged }: { material: MaterialView; onChanged: (m: MaterialView) => void }) {
  const due = material.assignments[0]
  return (
    <View>
      <Card>
        <Text className='st-meta'>
          {material.category}
          {material.source ? ` · ${material.source}` : ''} · {dayLabel(material.publishedAt)}
        </Text>
        <Text className='st-title'>{material.title}</Text>
        {due && !material.finished && (
          <>
            <Notice kind='info'>这是布置给您的必学篇目，请在 {dayLabel(due.dueAt)} 前读完，读完在文末确认。</Notice>
            <RemindMe keys={['deadline']} label='截止前提醒我' done='好的，截止前 3 天还没读完会提醒您（订阅一次提醒一次）。' />
          </>
        )}
        <RichText className='st-body' nodes={material.bodyHtml} />
        <Finish material={material} onChanged={onChanged} />
      </Card>
      <Attachments material={material} />
      <NoteCard material={material} />
    </View>
  )
}

export default function StudyReaderPage() {
  const id = useRouter().params.id ?? ''
  const { state, reload, replace } = useLoad(id ? () => callFunction('study', 'get', { materialId: id }) : null, [id])
  return (
    <PageShell>
      <LoadGate state={state} what='材料' onRetry={reload} lines={6}>
        {(m) => <Reader material={m} onChanged={replace} />}
      </LoadGate>
    </PageShell>
  )
}
