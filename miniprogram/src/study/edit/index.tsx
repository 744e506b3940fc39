/**
 * 编辑学习材料（政协办公室；支部书记以本支部名义发布、只改本支部的）：标题、栏目、来源、正文（Markdown）、音视频链接；保存后服务器渲染并清洗正文。
 * 附件先上传（云存储或本地宿主），随材料保存时服务器再查：须是本人上传的 PDF/Office 文件。
 */
import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { MaterialAttachment, MaterialLink, MaterialSource } from '@tongxin/shared-types'
import { MATERIAL_CATEGORIES, type MaterialCategory } from '@tongxin/shared-types/src/study'
import { PageShell } from '../../components/PageShell'
import { Card } from '../../components/Card'
import { Button } from '../../components/Button'
import { ChoiceChips } from '../../components/Chips'
import { ConfirmPanel } from '../../components/ConfirmPanel'
import { type ChosenFile, FilePicker } from '../../components/FilePicker'
import { TextArea, TextField } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { LoadGate } from '../../components/PageState'
import { RoleGate } from '../../components/RoleGate'
import { useLoad } from '../../hooks/useLoad'
import { type MyRoles, useMyRoles } from '../../hooks/useMyRoles'
import { useSubmit } from '../../hooks/useSubmit'
import { callFunction, uploadFile } from '../../services/cloud'
import '../styles/study.scss'

const CATEGORY_OPTIONS = MATERIAL_CATEGORIES.map((c) => ({ value: c, label: c }))

interface Draft {
  title: string
  category: MaterialCategory
  source: string
  bodyMarkdown: string
  links: MaterialLink[]
  attachments: MaterialAttachment[]
}

/** 与服务端一致：附件不超过 8 MB，只收 PDF 与 Office 文档（服务端看内容再查一次） */
const ATTACHMENT_MAX_BYTES = 8 * 1024 * 1024
const ATTACHMENT_EXTENSIONS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx'] as const

function Attachments({ items, onChange }: { items: MaterialAttachment[]; onChange: (items: MaterialAttachment[]) => void }) {
  const { busy, error, run, fail } = useSubmit()
  const chosen = async (file: ChosenFile) => {
    const ext = /\.([a-z]+)$/i.exec(file.fileName)?.[1]?.toLowerCase() ?? ''
    if (!(ATTACHMENT_EXTENSIONS as readonly string[]).includes(ext)) return fail('附件只支持 PDF、Word、Excel、PowerPoint 文件')
    if (file.size > ATTACHMENT_MAX_BYTES) return fail('附件不能超过 8 MB')
    const res = await run(() => uploadFile(file.source))
    if (res) onChange([...items, { fileId: res.data.fileId, name: file.fileName.slice(0, 80) }])
  }
  return (
    <View>
      {items.map((a, i) => (
        <View key={a.fileId}>
          <Text className='st-line'>附件：{a.name}</Text>
          <Button kind='quiet' onClick={() => onChange(items.filter((_, j) => j !== i))} ariaLabel={`移除附件 ${a.name}`}>
            移除这个附件
          </Button>
        </View>
      ))}
      {items.length < 10 && (
        <FilePicker
          label={busy ? '正在上传…' : '添加附件（PDF、Word 等）'}
          extensions={ATTACHMENT_EXTENSIONS}
          disabled={busy}
          onChosen={(f) => void chosen(f)}
        />
      )}
      {error && <Notice kind='error'>{error.message}</Notice>}
    </View>
  )
}

const fromSource = (m: MaterialSource | null): Draft =>
  m
    ? { title: m.title, category: m.category, source: m.source ?? '', bodyMarkdown: m.bodyMarkdown, links: m.links, attachments: m.attachments }
    : { title: '', category: '必学篇目', source: '', bodyMarkdown: '', links: [], attachments: [] }

function LinkRows({ links, onChange }: { links: MaterialLink[]; onChange: (links: MaterialLink[]) => void }) {
  const set = (i: number, patch: Partial<MaterialLink>) => onChange(links.map((l, j) => (j === i ? { ...l, ...patch } : l)))
  return (
    <View>
      {links.map((l, i) => (
        <View key={i}>
          <TextField label={`链接 ${i + 1} 名称`} value={l.label} onChange={(v) => set(i, { label: v })} placeholder='如：讲座视频' maxlength={30} />
          <TextField
            label={`链接 ${i + 1} 地址`}
            value={l.url}
            onChange={(v) => set(i, { url: v })}
            placeholder='https://'
            maxlength={500}
            hint='只收 https 开头的地址'
          />
          <Button kind='quiet' onClick={() => onChange(links.filter((_, j) => j !== i))} ariaLabel={`删除链接 ${i + 1}`}>
            删除这个链接
          </Button>
        </View>
      ))}
      {links.length < 10 && <Button onClick={() => onChange([...links, { label: '', url: '' }])}>添加音视频链接</Button>}
    </View>
  )
}

/** 书记发布时以哪个支部的名义：所管的支部（一个时不用选）；办公室不选，以办公室名义 */
function ownBranches(me: MyRoles) {
  if (me.isAdmin) return []
  return me.profile.branches.filter((b) => me.managedBranchIds.includes(b.branchId)).map((b) => ({ value: b.branchId, label: b.branchName }))
}

function Editor({ material, me }: { material: MaterialSource | null; me: MyRoles }) {
  const branches = ownBranches(me)
  const [branchId, setBranchId] = useState<string | null>(branches[0]?.value ?? null)
  const [draft, setDraft] = useState<Draft>(fromSource(material))
  const [saved, setSaved] = useState<MaterialSource | null>(material)
  const [confirming, setConfirming] = useState(false)
  const { busy, error, run, fail } = useSubmit()
  useEffect(() => setDraft(fromSource(material)), [material])
  const patch = (p: Partial<Draft>) => setDraft((d) => ({ ...d, ...p }))

  const save = async () => {
    if (draft.title.trim().length < 2) return fail('请填写标题（至少 2 个字）')
    if (!draft.bodyMarkdown.trim()) return fail('请填写正文')
    const fields = {
      title: draft.title.trim(),
      category: draft.category,
      source: draft.source.trim() || null,
      bodyMarkdown: draft.bodyMarkdown,
      links: draft.links.map((l) => ({ label: l.label.trim(), url: l.url.trim() })),
      attachments: draft.attachments,
    }
    const res = await run(() =>
      saved
        ? callFunction('study', 'edit', { materialId: saved.id, ...fields })
        : callFunction('study', 'publish', { ...fields, ...(branchId && { branchId }) }),
    )
    if (res) setSaved(res.data)
  }
  const withdraw = async () => {
    if (!saved) return
    const res = await run(() => callFunction('study', 'withdraw', { materialId: saved.id }))
    if (res) {
      setSaved(res.data)
      setConfirming(false)
    }
  }
  const withdrawn = saved?.status === 'withdrawn'

  return (
    <View>
      {withdrawn && <Notice kind='warn'>这篇材料已撤回，成员看不到了；撤回的材料不能再修改。</Notice>}
      <Card title={saved ? '修改材料' : '新建材料'}>
        {!saved && branches.length > 1 && <ChoiceChips label='以哪个支部的名义发布' options={branches} value={branchId} onChange={setBranchId} />}
        {!saved && branches.length === 1 && <Text className='st-line'>以「{branches[0].label}」的名义发布，全体成员都看得到</Text>}
        {saved?.branch && <Text className='st-line'>发布的支部：{saved.branch.name}</Text>}
        <TextField label='标题' value={draft.title} onChange={(v) => patch({ title: v })} maxlength={80} />
        <ChoiceChips label='栏目' options={CATEGORY_OPTIONS} value={draft.category} onChange={(v) => patch({ category: v })} />
        <TextField label='来源' value={draft.source} onChange={(v) => patch({ source: v })} placeholder='如：政协办公室' maxlength={60} />
        <TextArea
          label='正文（Markdown）'
          value={draft.bodyMarkdown}
          onChange={(v) => patch({ bodyMarkdown: v })}
          maxlength={50000}
          placeholder={'# 小标题\n\n正文段落，**加粗**，- 列表'}
        />
        <LinkRows links={draft.links} onChange={(links) => patch({ links })} />
        <Attachments items={draft.attachments} onChange={(attachments) => patch({ attachments })} />
        {error && <Notice kind='error'>{error.message}</Notice>}
        {saved && !error && !busy && <Notice kind='success'>{withdrawn ? '已撤回' : '已保存，成员现在看到的是这一版'}</Notice>}
        {!withdrawn && (
          <Button kind='primary' block busy={busy} busyText='正在保存…' onClick={() => void save()}>
            {saved ? '保存修改' : '发布'}
          </Button>
        )}
      </Card>
      {saved && !withdrawn && (
        <Card title='这篇材料'>
          <Button block onClick={() => void Taro.navigateTo({ url: `/study/assign/index?id=${saved.id}` })}>
            布置为必学篇目
          </Button>
          <Button block onClick={() => void Taro.navigateTo({ url: `/study/reader/index?id=${saved.id}` })}>
            按成员看到的样子预览
          </Button>
          {confirming ? (
            <ConfirmPanel
              title='撤回这篇材料？'
              message='撤回后成员看不到、搜不到；已读完的记录与已记的分保留。'
              confirmLabel='撤回'
              busy={busy}
              error={error?.message ?? null}
              onConfirm={() => void withdraw()}
              onCancel={() => setConfirming(false)}
            />
          ) : (
            <Button kind='danger' block onClick={() => setConfirming(true)}>
              撤回
            </Button>
          )}
        </Card>
      )}
    </View>
  )
}

export default function StudyEditPage() {
  const id = useRouter().params.id ?? ''
  const roles = useMyRoles()
  const { state, reload } = useLoad(id ? () => callFunction('study', 'source', { materialId: id }) : null, [id])
  return (
    <PageShell>
      <RoleGate state={roles.state} retry={roles.retry} need='manager'>
        {(me) =>
          id ? (
            <LoadGate state={state} what='材料' onRetry={reload}>
              {(m) => <Editor material={m} me={me} />}
            </LoadGate>
          ) : (
            <Editor material={null} me={me} />
          )
        }
      </RoleGate>
    </PageShell>
  )
}
