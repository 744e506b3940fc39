import Taro, { useRouter } from '@tarojs/taro'
import type { Rating, SuggestionView } from '@tongxin/shared-types/src/suggestions'
import { Button, ButtonRow } from '../../components/Button'
import { Card, InfoRow, Tag } from '../../components/Card'
import { Notice } from '../../components/Notice'
import { RemindMe } from '../../components/RemindMe'
import { SuggestionFileButtons } from '../shared/Files'
import { NotReady } from '../../components/PageState'
import { PageShell } from '../../components/PageShell'
import { useLoad } from '../../hooks/useLoad'
import { useMyRoles } from '../../hooks/useMyRoles'
import { useSubmit } from '../../hooks/useSubmit'
import { callFunction } from '../../services/cloud'
import { formatDate } from '../../utils/time'
import { ADOPTION_LEVEL_LABELS, COSIGN_STATUS_LABELS, RATING_LABELS, SUGGESTION_KIND_LABELS, SUGGESTION_STATUS_LABELS } from '../shared/labels'
import { OfficeActions } from './OfficeActions'
import { Timeline } from './Timeline'

/** 一件建言的全貌：内容、联名、承办单位、答复、办理经过；本人可撤回、评价，被邀请的人可确认联名，办公室在这里办理 */
export default function SuggestDetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const loaded = useLoad(id ? () => callFunction('suggestions', 'get', { id }) : null, [id])
  const roles = useMyRoles()
  const submit = useSubmit()
  if (loaded.state.status !== 'ready')
    return (
      <PageShell>
        <NotReady state={loaded.state} what='建言' onRetry={loaded.reload} />
      </PageShell>
    )
  const s: SuggestionView = loaded.state.data
  const me = roles.state.status === 'ready' ? roles.state.me : null
  const myInvite = me ? s.cosigners.find((c) => c.memberId === me.profile.id && c.status === 'invited') : undefined
  const isAuthor = s.mine === 'author'

  const run = async (send: () => ReturnType<typeof callFunction<'suggestions', 'rate'>>) => {
    const r = await submit.run(send)
    if (r) loaded.replace(r.data)
  }
  const rate = (rating: Rating) => run(() => callFunction('suggestions', 'rate', { id, rating }))

  return (
    <PageShell>
      <Card title={s.title} sub={`${SUGGESTION_KIND_LABELS[s.kind]}${s.number ? ` · ${s.number}` : ''} · ${s.category}`}>
        <Tag
          tone={
            s.status === 'closed' || s.status === 'adopted'
              ? 'ok'
              : s.status === 'withdrawn' || s.status === 'not_filed' || s.status === 'archived'
                ? 'none'
                : 'wait'
          }
        >
          {SUGGESTION_STATUS_LABELS[s.status]}
        </Tag>
        {s.isKey && <Tag tone='closed'>重点提案</Tag>}
        {s.isExcellent && <Tag tone='ok'>优秀提案</Tag>}
        <InfoRow divided label='提出者' value={s.authorName} />
        {s.submittedAt && <InfoRow divided label='提交' value={formatDate(s.submittedAt)} />}
        {s.dueAt && <InfoRow divided label='答复期限' value={formatDate(s.dueAt)} />}
        {s.units.length > 0 && <InfoRow divided label='承办单位' value={s.units.map((u) => `${u.name}（${u.lead ? '主办' : '协办'}）`).join('、')} />}
        {s.rejectReason && <InfoRow divided label='说明' value={s.rejectReason} />}
        {s.adoptionLevel && <InfoRow divided label='采用' value={ADOPTION_LEVEL_LABELS[s.adoptionLevel]} />}
        {s.metAt && <InfoRow divided label='见面' value={formatDate(s.metAt)} />}
        {s.rating && <InfoRow divided label='评价' value={RATING_LABELS[s.rating]} />}
      </Card>
      <Card title='内容'>
        <InfoRow divided label={s.kind === 'opinion' ? '情况' : '理由'} value={s.reasons || '（未写）'} />
        <InfoRow divided label='建议' value={s.proposals || '（未写）'} />
        <SuggestionFileButtons suggestionId={s.id} files={s.photos.map((fileId, i) => ({ fileId, label: `照片 ${i + 1}` }))} />
      </Card>
      {s.cosigners.length > 0 && (
        <Card title='联名'>
          {s.cosigners.map((c) => (
            <InfoRow key={c.memberId} divided label={c.name} value={COSIGN_STATUS_LABELS[c.status]} />
          ))}
        </Card>
      )}
      {s.instructions.length > 0 && (
        <Card title='领导批示'>
          {s.instructions.map((x, i) => (
            <InfoRow key={i} divided label={x.by} value={`${x.text}（${formatDate(x.at)}）`} />
          ))}
        </Card>
      )}
      {s.replies.map((r) => (
        <Card key={r.round} title={r.round === 1 ? '答复' : '重新办理后的答复'} sub={`${r.unitName} · ${formatDate(r.at)}${r.fileId ? ' · 附答复函' : ''}`}>
          <InfoRow label='答复' value={r.text} />
          {r.fileId && <SuggestionFileButtons suggestionId={s.id} files={[{ fileId: r.fileId, label: '打开答复函' }]} />}
        </Card>
      ))}
      {myInvite && (
        <Card title='联名邀请' sub={`${s.authorName}邀请您联名提出这件提案。确认后，立案时记入您的履职。`}>
          <ButtonRow>
            <Button kind='primary' off={submit.busy} onClick={() => void run(() => callFunction('suggestions', 'answerInvite', { id, accept: true }))}>
              同意联名
            </Button>
            <Button off={submit.busy} onClick={() => void run(() => callFunction('suggestions', 'answerInvite', { id, accept: false }))}>
              谢绝
            </Button>
          </ButtonRow>
        </Card>
      )}
      {isAuthor && s.status === 'replied' && (
        <Card title='请评价答复' sub={s.rehandled ? '这是重新办理后的答复，这次评价为最终评价。' : '选“不满意”会退回承办单位重新办理一次。'}>
          <ButtonRow>
            <Button kind='primary' off={submit.busy} onClick={() => void rate('satisfied')}>
              满意
            </Button>
            <Button off={submit.busy} onClick={() => void rate('basically')}>
              基本满意
            </Button>
            <Button off={submit.busy} onClick={() => void rate('unsatisfied')}>
              不满意
            </Button>
          </ButtonRow>
        </Card>
      )}
      {isAuthor && (s.status === 'submitted' || s.status === 'filed' || s.status === 'assigned') && (
        <RemindMe keys={['result']} label='有答复时提醒我' done='好的，承办单位答复后会提醒您评价（订阅一次提醒一次）。' />
      )}
      {isAuthor && s.status === 'submitted' && (
        <Button block off={submit.busy} onClick={() => void run(() => callFunction('suggestions', 'withdraw', { id }))}>
          撤回（审查前可撤回）
        </Button>
      )}
      {isAuthor && s.status === 'draft' && (
        <Button block kind='primary' onClick={() => void Taro.redirectTo({ url: `/suggest/edit/index?id=${id}` })}>
          继续编辑
        </Button>
      )}
      {me?.isAdmin && s.status !== 'draft' && <OfficeActions item={s} onChanged={loaded.replace} />}
      {submit.error && <Notice kind='error'>{submit.error.message}</Notice>}
      <Timeline steps={s.history} />
      {s.status !== 'draft' && (
        <Button block onClick={() => void Taro.navigateTo({ url: `/suggest/print/index?id=${id}` })}>
          打印版式
        </Button>
      )}
    </PageShell>
  )
}
