import { useState } from 'react'
import { View } from '@tarojs/components'
import {
  FEEDBACK_KIND_LABELS,
  FEEDBACK_SUBJECT_LABELS,
  type FeedbackKind,
  type FeedbackSubject,
  type FeedbackView,
} from '@tongxin/shared-types/src/suggestions'
import { Button } from '../../components/Button'
import { Card, InfoRow } from '../../components/Card'
import { ChoiceChips } from '../../components/Chips'
import { TextArea } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { EmptyState, NotReady } from '../../components/PageState'
import { PageShell } from '../../components/PageShell'
import { useLoad } from '../../hooks/useLoad'
import { useMyRoles } from '../../hooks/useMyRoles'
import { useSubmit } from '../../hooks/useSubmit'
import { callFunction } from '../../services/cloud'

const KINDS = (['suggestion', 'complaint'] as const).map((value) => ({ value, label: FEEDBACK_KIND_LABELS[value] }))
const SUBJECTS = (['app', 'office'] as const).map((value) => ({ value, label: FEEDBACK_SUBJECT_LABELS[value] }))
const ANON = [
  { value: 'named', label: '署名' },
  { value: 'anonymous', label: '匿名' },
] as const

function FeedbackCard({ f, children }: { f: FeedbackView; children?: React.ReactNode }) {
  return (
    <Card
      title={`${FEEDBACK_KIND_LABELS[f.kind]} · 关于${FEEDBACK_SUBJECT_LABELS[f.subject]}`}
      sub={`${f.createdAt} · ${f.anonymous ? '匿名' : (f.senderName ?? '署名')}`}
    >
      <InfoRow divided label='内容' value={f.content} />
      <InfoRow divided label='答复' value={f.answer ?? '尚未答复'} />
      {children}
    </Card>
  )
}

/** 办公室：答复一条 */
function AnswerBox({ f, onDone }: { f: FeedbackView; onDone: (v: FeedbackView) => void }) {
  const [answer, setAnswer] = useState('')
  const submit = useSubmit()
  return (
    <View>
      <TextArea label='答复' value={answer} onChange={setAnswer} maxlength={2000} />
      {submit.error && <Notice kind='error'>{submit.error.message}</Notice>}
      <Button
        kind='primary'
        off={submit.busy}
        onClick={async () => {
          const r = await submit.run(() => callFunction('suggestions', 'answerFeedback', { id: f.id, answer: answer.trim() }))
          if (r) onDone(r.data)
        }}
      >
        答复
      </Button>
    </View>
  )
}

/**
 * 投诉建议（国办函〔2026〕12号要求）：人人可提，可匿名（办公室看不到是谁，您自己仍看得到答复）；
 * 这里的一切都不记分、不扣分。办公室在同一页答复。
 */
export default function FeedbackPage() {
  const roles = useMyRoles()
  const isAdmin = roles.state.status === 'ready' && roles.state.me.isAdmin
  const mine = useLoad(() => callFunction('suggestions', 'myFeedback'), [])
  const all = useLoad(isAdmin ? () => callFunction('suggestions', 'feedbackList', { page: 1, pageSize: 50 }) : null, [isAdmin])
  const [kind, setKind] = useState<FeedbackKind>('suggestion')
  const [subject, setSubject] = useState<FeedbackSubject>('app')
  const [anon, setAnon] = useState<'named' | 'anonymous'>('named')
  const [content, setContent] = useState('')
  const [sent, setSent] = useState(false)
  const submit = useSubmit()

  async function send() {
    const r = await submit.run(() => callFunction('suggestions', 'sendFeedback', { kind, subject, content: content.trim(), anonymous: anon === 'anonymous' }))
    if (r) {
      setContent('')
      setSent(true)
      mine.reload()
    }
  }

  return (
    <PageShell>
      <Card title='提投诉或建议' sub='关于本小程序或政协办公室的工作。不记分、不扣分；选匿名时办公室看不到是谁。'>
        <ChoiceChips label='类别' options={KINDS} value={kind} onChange={setKind} />
        <ChoiceChips label='关于' options={SUBJECTS} value={subject} onChange={setSubject} />
        <TextArea label='内容' value={content} onChange={setContent} maxlength={2000} />
        <ChoiceChips label='署名' options={[...ANON]} value={anon} onChange={setAnon} />
        {submit.error && <Notice kind='error'>{submit.error.message}</Notice>}
        {sent && !submit.error && <Notice kind='success'>已收到，办公室答复后会显示在下面。</Notice>}
        <Button kind='primary' block off={submit.busy} onClick={() => void send()}>
          提交
        </Button>
      </Card>
      <Card title='我提过的'>
        {mine.state.status !== 'ready' ? (
          <NotReady state={mine.state} what='我的投诉建议' onRetry={mine.reload} />
        ) : mine.state.data.length === 0 ? (
          <EmptyState message='还没有提过投诉建议' next='在上面写下来提交即可。' />
        ) : (
          mine.state.data.map((f) => <FeedbackCard key={f.id} f={f} />)
        )}
      </Card>
      {isAdmin && all.data && (
        <Card title='全部投诉建议（办公室）'>
          {all.data.items.length === 0 && <EmptyState message='还没有投诉建议' next='委员与干部提交后会列在这里。' />}
          {all.data.items.map((f) => (
            <FeedbackCard key={f.id} f={f}>
              {f.answer === null && <AnswerBox f={f} onDone={() => all.reload()} />}
            </FeedbackCard>
          ))}
        </Card>
      )}
    </PageShell>
  )
}
