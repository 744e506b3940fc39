import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import {
  SUGGESTION_CATEGORIES,
  SUGGESTION_LIMITS,
  type SuggestionCategory,
  type SuggestionKind,
  type SuggestionView,
} from '@tongxin/shared-types/src/suggestions'
import { Button, ButtonRow } from '../../components/Button'
import { Card } from '../../components/Card'
import { ChoiceChips } from '../../components/Chips'
import { TextArea, TextField } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { NotReady } from '../../components/PageState'
import { PageShell } from '../../components/PageShell'
import { useLoad } from '../../hooks/useLoad'
import { useSubmit } from '../../hooks/useSubmit'
import { callFunction, uploadFile } from '../../services/cloud'
import { SUGGESTION_KIND_LABELS, detailUrl } from '../shared/labels'
import { Cosigners } from './Cosigners'
import { pickPhoto } from './pickPhoto'

const KINDS = (['proposal', 'opinion', 'advice'] as const).map((value) => ({ value, label: SUGGESTION_KIND_LABELS[value] }))
const CATEGORIES = SUGGESTION_CATEGORIES.map((value) => ({ value, label: value }))

interface Form {
  kind: SuggestionKind
  title: string
  reasons: string
  proposals: string
  category: SuggestionCategory
  photos: string[]
}

const fromView = (v: SuggestionView): Form => ({
  kind: v.kind,
  title: v.title,
  reasons: v.reasons,
  proposals: v.proposals,
  category: v.category,
  photos: v.photos,
})

/** 写或改一件草稿：保存后可邀请联名（提案）、加照片（不强制），写齐了提交 */
export default function SuggestEditPage() {
  const { params } = useRouter()
  const [id, setId] = useState<string | undefined>(params.id)
  const initialKind = (['proposal', 'opinion', 'advice'] as const).find((k) => k === params.kind) ?? 'proposal'
  const existing = useLoad(params.id ? () => callFunction('suggestions', 'get', { id: params.id! }) : null, [params.id])
  const [form, setForm] = useState<Form>({ kind: initialKind, title: '', reasons: '', proposals: '', category: '经济建设', photos: [] })
  const [saved, setSaved] = useState<SuggestionView | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const submit = useSubmit()
  const photo = useSubmit()

  useEffect(() => {
    if (existing.data) {
      setForm(fromView(existing.data))
      setSaved(existing.data)
    }
  }, [existing.data])

  const set =
    <K extends keyof Form>(k: K) =>
    (v: Form[K]) =>
      setForm((f) => ({ ...f, [k]: v }))

  async function save(): Promise<SuggestionView | null> {
    const r = await submit.run(() => callFunction('suggestions', 'saveDraft', { ...(id ? { id } : {}), ...form }))
    if (!r) return null
    setId(r.data.id)
    setSaved(r.data)
    setNotice('草稿已保存')
    return r.data
  }

  async function send() {
    const draft = await save()
    if (!draft) return
    const r = await submit.run(() => callFunction('suggestions', 'submit', { id: draft.id }))
    if (r) void Taro.redirectTo({ url: detailUrl(draft.id) })
  }

  async function addPhoto() {
    const source = await pickPhoto()
    if (!source) return
    const up = await photo.run(() => uploadFile(source))
    if (up) setForm((f) => ({ ...f, photos: [...f.photos, up.data.fileId] }))
  }

  if (params.id && existing.state.status !== 'ready')
    return (
      <PageShell>
        <NotReady state={existing.state} what='草稿' onRetry={existing.reload} />
      </PageShell>
    )
  if (saved && saved.status !== 'draft') {
    return (
      <PageShell>
        <Notice kind='info'>这件已经提交，不能再改。</Notice>
        <Button block onClick={() => void Taro.redirectTo({ url: detailUrl(saved.id) })}>
          查看办理情况
        </Button>
      </PageShell>
    )
  }
  const isOpinion = form.kind === 'opinion'
  return (
    <PageShell>
      <Card title={id ? '修改草稿' : '写建言'}>
        <ChoiceChips label='类型' options={KINDS} value={form.kind} onChange={set('kind')} />
        <TextField
          label={isOpinion ? '标题' : '案由'}
          value={form.title}
          onChange={set('title')}
          maxlength={SUGGESTION_LIMITS.title}
          hint='一句话说清是什么事，如“关于加快老旧小区加装电梯的建议”'
        />
        <TextArea
          label={isOpinion ? '情况' : '理由'}
          value={form.reasons}
          onChange={set('reasons')}
          maxlength={SUGGESTION_LIMITS.reasons}
          hint={`至多 ${SUGGESTION_LIMITS.reasons} 字`}
        />
        <TextArea
          label='建议'
          value={form.proposals}
          onChange={set('proposals')}
          maxlength={SUGGESTION_LIMITS.proposals}
          hint={isOpinion ? '可不填' : '写具体可行的办法'}
        />
        <ChoiceChips label='类别' options={CATEGORIES} value={form.category} onChange={set('category')} />
      </Card>
      <Card title='照片' sub='可不加；每张不超过 5 MB'>
        {form.photos.map((p, i) => (
          <View key={p} className='ui-info'>
            <Text className='ui-info__value'>照片 {i + 1}</Text>
            <Button onClick={() => setForm((f) => ({ ...f, photos: f.photos.filter((x) => x !== p) }))} ariaLabel={`去掉照片 ${i + 1}`}>
              去掉
            </Button>
          </View>
        ))}
        {photo.error && <Notice kind='error'>{photo.error.message}</Notice>}
        {form.photos.length < SUGGESTION_LIMITS.photos && (
          <Button block off={photo.busy} busy={photo.busy} busyText='正在上传…' onClick={() => void addPhoto()}>
            加一张照片
          </Button>
        )}
      </Card>
      {form.kind === 'proposal' && saved && <Cosigners draft={saved} onChanged={setSaved} />}
      {form.kind === 'proposal' && !saved && <Notice kind='info'>先保存草稿，就可以邀请委员联名。</Notice>}
      {submit.error && <Notice kind='error'>{submit.error.message}</Notice>}
      {notice && !submit.error && <Notice kind='success'>{notice}</Notice>}
      <ButtonRow>
        <Button off={submit.busy} onClick={() => void save()}>
          保存草稿
        </Button>
        <Button kind='primary' off={submit.busy} busy={submit.busy} onClick={() => void send()}>
          提交
        </Button>
      </ButtonRow>
    </PageShell>
  )
}
