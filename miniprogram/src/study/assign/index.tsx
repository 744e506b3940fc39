/**
 * 布置必学篇目：办公室的对象为全体成员或某个支部；支部书记只能布置给本支部，或本支部里点名的成员（服务端同样把关）。
 * 给出完成期限（北京时间当天 23:59 截止）。
 */
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { AssignmentView, MaterialView, OrgTree } from '@tongxin/shared-types'
import { PageShell } from '../../components/PageShell'
import { Card, InfoRow } from '../../components/Card'
import { Button } from '../../components/Button'
import { ChoiceChips, MultiChips, SelectList } from '../../components/Chips'
import { TextField } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { SearchField } from '../../components/SearchField'
import { LoadGate } from '../../components/PageState'
import { RoleGate } from '../../components/RoleGate'
import { useLoad } from '../../hooks/useLoad'
import { type MyRoles, useMyRoles } from '../../hooks/useMyRoles'
import { useSubmit } from '../../hooks/useSubmit'
import { callFunction } from '../../services/cloud'
import { beijingIso, dayLabel } from '../../utils/time'
import '../styles/study.scss'

type Who = 'all' | 'branch' | 'member'
const OFFICE_WHO = [
  { value: 'all' as const, label: '全体成员' },
  { value: 'branch' as const, label: '某个支部' },
]
const SECRETARY_WHO = [
  { value: 'branch' as const, label: '本支部' },
  { value: 'member' as const, label: '本支部的成员' },
]
const DATE = /^\d{4}-\d{2}-\d{2}$/

/** 名册一次最多给 100 人（roster.list 的 pageSize 上限） */
const MEMBER_PAGE = 100

/**
 * 书记点名：本支部的在册成员（名册按支部筛选，服务端只给他所管支部的）。
 * 超过一页（100 人）的大支部（如离退休干部支部）说清只列了前 100 位，并可按姓名查找其余的；已点的人换了查找词也仍算数。
 */
function BranchMembers({ branchId, values, onChange }: { branchId: string; values: string[]; onChange: (v: string[]) => void }) {
  const [text, setText] = useState('')
  const [q, setQ] = useState('')
  const { state, reload, loading } = useLoad(
    () => callFunction('roster', 'list', { branchId, status: 'active', pageSize: MEMBER_PAGE, ...(q ? { q } : {}) }),
    [branchId, q],
  )
  const truncated = state.status === 'ready' && state.data.total > state.data.items.length
  return (
    <View>
      {(truncated || q) && <SearchField label='按姓名查找本支部成员' value={text} onChange={setText} onSearch={setQ} action='查找' busy={loading} />}
      <LoadGate state={state} what='本支部成员' onRetry={reload}>
        {(page) => (
          <View>
            {truncated && (
              <Notice kind='info'>
                {q
                  ? `找到 ${page.total} 位，这里列出前 ${page.items.length} 位；请输入更完整的姓名。`
                  : `本支部有 ${page.total} 位在册成员，这里列出前 ${page.items.length} 位；其余的请按姓名查找。`}
              </Notice>
            )}
            <MultiChips
              label='点名的成员'
              options={page.items.map((m) => ({ value: m.id, label: m.name }))}
              values={values}
              onChange={onChange}
              emptyText={q ? `本支部没有叫“${q}”的在册成员` : '本支部还没有在册成员'}
            />
            {values.length > 0 && <Text className='st-line'>已点名 {values.length} 位</Text>}
          </View>
        )}
      </LoadGate>
    </View>
  )
}

function AssignForm({ material, tree, me }: { material: MaterialView; tree: OrgTree; me: MyRoles }) {
  const office = me.isAdmin
  const [who, setWho] = useState<Who>('branch')
  const branches = tree.units
    .filter((u) => u.level === '党支部' && u.status === 'active' && (office || me.managedBranchIds.includes(u.id)))
    .map((u) => ({ value: u.id, label: u.name }))
  const [branchId, setBranchId] = useState<string | null>(office || branches.length !== 1 ? null : branches[0].value)
  const [memberIds, setMemberIds] = useState<string[]>([])
  const [date, setDate] = useState('')
  const [done, setDone] = useState<AssignmentView | null>(null)
  const { busy, error, run, fail } = useSubmit()

  const submit = async () => {
    if (!DATE.test(date.trim())) return fail('请按“2026-12-31”的格式填写完成期限')
    if (who !== 'all' && !branchId) return fail('请选择支部')
    if (who === 'member' && memberIds.length === 0) return fail('请至少点名一位成员')
    const audience =
      who === 'all'
        ? [{ kind: 'all' as const, id: null }]
        : who === 'member'
          ? memberIds.map((id) => ({ kind: 'member' as const, id }))
          : [{ kind: 'branch' as const, id: branchId }]
    const res = await run(() => callFunction('study', 'assign', { materialId: material.id, dueAt: beijingIso(date.trim(), '23:59'), audience }))
    if (res) setDone(res.data)
  }

  if (done)
    return (
      <Card title='已布置'>
        <InfoRow label='篇目' value={done.title} />
        <InfoRow label='对象' value={done.audience.map((a) => a.name).join('、')} />
        <InfoRow label='期限' value={dayLabel(done.dueAt)} />
        <InfoRow label='应学' value={`${done.expected} 人`} />
        <Notice kind='success'>对象里的成员会在首页和“学习”里看到这篇。</Notice>
        <Button block onClick={() => void Taro.navigateTo({ url: '/study/figures/index' })}>
          查看完成情况
        </Button>
      </Card>
    )
  return (
    <Card title={`布置「${material.title}」`}>
      <ChoiceChips label='学习对象' options={office ? OFFICE_WHO : SECRETARY_WHO} value={who} onChange={setWho} />
      {who !== 'all' && branches.length !== 1 && (
        <SelectList
          label='支部'
          value={branchId}
          options={branches}
          onChange={(v) => {
            setBranchId(v)
            setMemberIds([])
          }}
        />
      )}
      {who !== 'all' && branches.length === 1 && !office && <Text className='st-line'>支部：{branches[0].label}</Text>}
      {who === 'member' && branchId && <BranchMembers branchId={branchId} values={memberIds} onChange={setMemberIds} />}
      <TextField label='完成期限' value={date} onChange={setDate} placeholder='2026-12-31' maxlength={10} hint='当天 23:59 截止；过了期限仍可读完' />
      {error && <Notice kind='error'>{error.message}</Notice>}
      <Button kind='primary' block busy={busy} busyText='正在布置…' onClick={() => void submit()}>
        布置
      </Button>
    </Card>
  )
}

export default function StudyAssignPage() {
  const id = useRouter().params.id ?? ''
  const roles = useMyRoles()
  // 书记也可以把办公室的材料布置给本支部：按成员的阅读视图取标题（原文只给管得着的人）
  const material = useLoad(id ? () => callFunction('study', 'get', { materialId: id }) : null, [id])
  const tree = useLoad(() => callFunction('org', 'tree'), [])
  return (
    <PageShell>
      <View className='ui-head'>
        <Text className='ui-head__title'>布置必学篇目</Text>
        <Text className='ui-head__sub'>成员读完后在文末确认，不记阅读时长</Text>
      </View>
      <RoleGate state={roles.state} retry={roles.retry} need='manager'>
        {(me) => (
          <LoadGate state={material.state} what='材料' onRetry={material.reload}>
            {(m) => (
              <LoadGate state={tree.state} what='支部' onRetry={tree.reload}>
                {(t) => <AssignForm material={m} tree={t} me={me} />}
              </LoadGate>
            )}
          </LoadGate>
        )}
      </RoleGate>
    </PageShell>
  )
}
