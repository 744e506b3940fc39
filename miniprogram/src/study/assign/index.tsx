/** 布置必学篇目（政协办公室）：对象为全体成员或某个支部，给出完成期限（北京时间当天 23:59 截止） */
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { AssignmentView, MaterialSource, OrgTree } from '@tongxin/shared-types'
import { PageShell } from '../../components/PageShell'
import { Card, InfoRow } from '../../components/Card'
import { Button } from '../../components/Button'
import { ChoiceChips, SelectList } from '../../components/Chips'
import { TextField } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { LoadGate } from '../../components/PageState'
import { RoleGate } from '../../components/RoleGate'
import { useLoad } from '../../hooks/useLoad'
import { useMyRoles } from '../../hooks/useMyRoles'
import { useSubmit } from '../../hooks/useSubmit'
import { callFunction } from '../../services/cloud'
import { beijingIso, dayLabel } from '../../utils/time'
import '../styles/study.scss'

type Who = 'all' | 'branch'
const WHO = [
  { value: 'all' as const, label: '全体成员' },
  { value: 'branch' as const, label: '某个支部' },
]
const DATE = /^\d{4}-\d{2}-\d{2}$/

function AssignForm({ material, tree }: { material: MaterialSource; tree: OrgTree }) {
  const [who, setWho] = useState<Who>('branch')
  const [branchId, setBranchId] = useState<string | null>(null)
  const [date, setDate] = useState('')
  const [done, setDone] = useState<AssignmentView | null>(null)
  const { busy, error, run, fail } = useSubmit()
  const branches = tree.units.filter((u) => u.level === '党支部' && u.status === 'active').map((u) => ({ value: u.id, label: u.name }))

  const submit = async () => {
    if (!DATE.test(date.trim())) return fail('请按“2026-12-31”的格式填写完成期限')
    if (who === 'branch' && !branchId) return fail('请选择支部')
    const audience = who === 'all' ? [{ kind: 'all' as const, id: null }] : [{ kind: 'branch' as const, id: branchId }]
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
      <ChoiceChips label='学习对象' options={WHO} value={who} onChange={setWho} />
      {who === 'branch' && <SelectList label='支部' value={branchId} options={branches} onChange={setBranchId} />}
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
  const material = useLoad(id ? () => callFunction('study', 'source', { materialId: id }) : null, [id])
  const tree = useLoad(() => callFunction('org', 'tree'), [])
  return (
    <PageShell>
      <View className='ui-head'>
        <Text className='ui-head__title'>布置必学篇目</Text>
        <Text className='ui-head__sub'>成员读完后在文末确认，不记阅读时长</Text>
      </View>
      <RoleGate state={roles.state} retry={roles.retry} need='admin'>
        {() => (
          <LoadGate state={material.state} what='材料' onRetry={material.reload}>
            {(m) => (
              <LoadGate state={tree.state} what='支部' onRetry={tree.reload}>
                {(t) => <AssignForm material={m} tree={t} />}
              </LoadGate>
            )}
          </LoadGate>
        )}
      </RoleGate>
    </PageShell>
  )
}
