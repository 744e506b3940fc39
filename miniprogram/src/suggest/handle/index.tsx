import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import type { SuggestionView } from '@tongxin/shared-types/src/suggestions'
import { Button } from '../../components/Button'
import { Card, InfoRow } from '../../components/Card'
import { SuggestionFileButtons } from '../shared/Files'
import { TextArea, TextField } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { NotReady } from '../../components/PageState'
import { PageShell } from '../../components/PageShell'
import { useLoad } from '../../hooks/useLoad'
import { useSubmit } from '../../hooks/useSubmit'
import { callFunction, uploadFile } from '../../services/cloud'
import { formatDate, todayIso } from '../../utils/time'
import { Timeline } from '../detail/Timeline'
import { pickPhoto } from '../edit/pickPhoto'
import { SUGGESTION_STATUS_LABELS } from '../shared/labels'

/** 承办单位办理一件：读内容，记见面（日期），主办单位写答复（可附答复函的扫描件），提出者会收到通知 */
export default function SuggestHandlePage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const loaded = useLoad(id ? () => callFunction('suggestions', 'unitGet', { id }) : null, [id])
  const [text, setText] = useState('')
  const [metOn, setMetOn] = useState(todayIso())
  const [letter, setLetter] = useState<string | null>(null)
  const submit = useSubmit()
  if (loaded.state.status !== 'ready')
    return (
      <PageShell>
        <NotReady state={loaded.state} what='交办事项' onRetry={loaded.reload} />
      </PageShell>
    )
  const s: SuggestionView = loaded.state.data
  const done = (r: { data: SuggestionView } | null) => r && loaded.replace(r.data)
  const attach = async () => {
    const src = await pickPhoto()
    if (!src) return
    const up = await submit.run(() => uploadFile(src))
    if (up) setLetter(up.data.fileId)
  }
  return (
    <PageShell>
      <Card title={s.title} sub={`${s.number ?? ''} ${SUGGESTION_STATUS_LABELS[s.status]}`}>
        <InfoRow divided label='提出者' value={s.authorName} />
        {s.dueAt && <InfoRow divided label='答复期限' value={formatDate(s.dueAt)} />}
        <InfoRow divided label='理由' value={s.reasons} />
        <InfoRow divided label='建议' value={s.proposals} />
        <SuggestionFileButtons suggestionId={s.id} files={s.photos.map((fileId, i) => ({ fileId, label: `照片 ${i + 1}` }))} asUnit />
        {s.rehandled && <Notice kind='info'>提出者对上次答复不满意，请重新办理后再答复。</Notice>}
      </Card>
      {(s.status === 'assigned' || s.status === 'replied') && (
        <Card title='见面沟通' sub={s.metAt ? `已记：${formatDate(s.metAt)}` : '与提出者见面沟通后记下日期'}>
          <TextField label='见面日期（如 2027-01-04）' value={metOn} onChange={setMetOn} maxlength={10} />
          <Button block off={submit.busy} onClick={async () => done(await submit.run(() => callFunction('suggestions', 'meet', { id, metOn: metOn.trim() })))}>
            记下见面
          </Button>
        </Card>
      )}
      {s.status === 'assigned' && (
        <Card title='答复' sub='只有主办单位答复；协办单位的意见请交主办单位汇总'>
          <TextArea label='答复内容' value={text} onChange={setText} maxlength={5000} hint='至少 10 个字' />
          <Button block onClick={() => void attach()}>
            {letter ? '已附答复函（重新选择）' : '附上答复函的扫描件（可不附）'}
          </Button>
          <Button
            kind='primary'
            block
            off={submit.busy}
            onClick={async () =>
              done(await submit.run(() => callFunction('suggestions', 'reply', { id, text: text.trim(), ...(letter ? { letterFileId: letter } : {}) })))
            }
          >
            提交答复
          </Button>
        </Card>
      )}
      {submit.error && <Notice kind='error'>{submit.error.message}</Notice>}
      <Timeline steps={s.history} />
    </PageShell>
  )
}
