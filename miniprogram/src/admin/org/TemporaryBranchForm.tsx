import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { MemberDetail, OrgTree } from '@tongxin/shared-types'
import { callFunction } from '../../services/cloud'
import { useSubmit } from '../../hooks/useSubmit'
import { todayIso } from '../../utils/time'
import { branchesOf } from '../shared/org'
import { Button, ButtonRow } from '../../components/Button'
import { ChoiceChips, SelectList } from '../../components/Chips'
import { TextField } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { SearchField } from '../../components/SearchField'
import { PickerField } from '../../components/PickerField'

type Source = 'filter' | 'list'
interface Picked {
  id: string
  name: string
}

/** 可以挂临时党支部的上级：未撤销的、比党支部高的组织（缺省取机关党委） */
function parentsOf(tree: OrgTree) {
  return tree.units.filter((u) => u.status === 'active' && u.branchKind === null && u.level !== '党小组')
}

/** 日期加几天（YYYY-MM-DD，按日历算，不受时区影响） */
const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/**
 * 一步开设临时党支部（全会、考察）：名称、起止日期、书记，成员按名册筛选（只取其中在册的中共党员）或逐个查找加入。
 * 一次提交、一个事务：名单里有人不合格时什么也不建，提示点名。
 */
export function TemporaryBranchForm({ tree, onDone }: { tree: OrgTree; onDone: (tree: OrgTree, note: string) => void }) {
  const parents = parentsOf(tree)
  const [open, setOpen] = useState(false)
  const [name, setName] = useState('')
  const [parentId, setParentId] = useState<string | null>(parents.find((p) => p.level === '机关党委')?.id ?? parents[0]?.id ?? null)
  const [startsOn, setStartsOn] = useState(todayIso())
  const [endsOn, setEndsOn] = useState(plusDays(todayIso(), 4))
  const [source, setSource] = useState<Source>('filter')
  const [filter, setFilter] = useState<{ branchId: string | null; committeeId: string | null; sectorId: string | null }>({
    branchId: null,
    committeeId: null,
    sectorId: null,
  })
  const [picked, setPicked] = useState<Picked[]>([])
  const [secretary, setSecretary] = useState<Picked | null>(null)
  const [q, setQ] = useState('')
  const [found, setFound] = useState<MemberDetail[] | null>(null)
  const search = useSubmit()
  const submit = useSubmit()

  const find = async () => {
    const res = await search.run(() => callFunction('roster', 'list', { q: q.trim() || undefined, status: 'active', pageSize: 20 }))
    // 只有中共党员能加入党支部
    if (res) setFound(res.data.items.filter((m) => m.affiliation === '中共党员'))
  }
  const toggle = (m: Picked) => setPicked((list) => (list.some((p) => p.id === m.id) ? list.filter((p) => p.id !== m.id) : [...list, m]))

  const go = async () => {
    if (name.trim().length < 2) return submit.fail('请填写支部名称（至少两个字）')
    if (endsOn < startsOn) return submit.fail('结束日期不能早于开始日期')
    if (!secretary) return submit.fail('请在下面查找并选定书记')
    const hasFilter = Boolean(filter.branchId || filter.committeeId || filter.sectorId)
    if (source === 'filter' && !hasFilter) return submit.fail('请至少选择一个支部、专委会或界别，按它筛选成员')
    const res = await submit.run(() =>
      callFunction('org', 'openTemporaryBranch', {
        parentId,
        name: name.trim(),
        startsOn,
        endsOn,
        secretaryId: secretary.id,
        memberIds: source === 'list' ? picked.map((p) => p.id) : [],
        ...(source === 'filter'
          ? { filter: { branchId: filter.branchId ?? undefined, committeeId: filter.committeeId ?? undefined, sectorId: filter.sectorId ?? undefined } }
          : {}),
      }),
    )
    if (!res) return
    setOpen(false)
    onDone(res.data, `已开设 ${name.trim()}：书记 ${secretary.name}，成员 ${res.data.members} 人`)
  }

  if (!open) {
    return (
      <View className='ui-card'>
        <Text className='ui-card__title'>临时党支部</Text>
        <Text className='ui-muted'>全会、考察期间设立：一次写好名称、起止日期、书记和成员。</Text>
        <Button block onClick={() => setOpen(true)}>
          ＋ 开设临时党支部
        </Button>
      </View>
    )
  }
  const branches = branchesOf(tree.units)
  return (
    <View className='ui-card temp-branch'>
      <Text className='ui-card__title'>开设临时党支部</Text>
      <TextField label='支部名称' value={name} onChange={setName} maxlength={60} placeholder='如 十五届五次全会临时党支部' />
      <SelectList
        label='上级组织'
        value={parentId}
        options={parents.map((p) => ({ value: p.id, label: p.name }))}
        onChange={setParentId}
        noneLabel='无（最高一级）'
      />
      <PickerField label='开始日期' mode='date' value={startsOn} onChange={setStartsOn} />
      <PickerField label='结束日期' mode='date' value={endsOn} onChange={setEndsOn} />

      <ChoiceChips
        label='成员从哪里来'
        options={[
          { value: 'filter' as const, label: '按名册筛选' },
          { value: 'list' as const, label: '逐个查找加入' },
        ]}
        value={source}
        onChange={setSource}
      />
      {source === 'filter' && (
        <View>
          <Text className='ui-muted'>筛出的在册中共党员都会加入；其他政治面貌的成员不会加入。</Text>
          <SelectList
            label='支部'
            value={filter.branchId}
            noneLabel='不限'
            options={branches.map((b) => ({ value: b.id, label: b.name }))}
            onChange={(branchId) => setFilter({ ...filter, branchId })}
          />
          <SelectList
            label='专委会'
            value={filter.committeeId}
            noneLabel='不限'
            options={tree.committees.map((c) => ({ value: c.id, label: c.name }))}
            onChange={(committeeId) => setFilter({ ...filter, committeeId })}
          />
          <SelectList
            label='界别'
            value={filter.sectorId}
            noneLabel='不限'
            options={tree.sectors.map((s) => ({ value: s.id, label: s.name }))}
            onChange={(sectorId) => setFilter({ ...filter, sectorId })}
          />
        </View>
      )}

      <SearchField
        label={source === 'list' ? '查找成员与书记' : '查找书记'}
        value={q}
        onChange={setQ}
        onSearch={() => void find()}
        action='查找'
        placeholder='输入姓名或手机号'
        maxlength={40}
        busy={search.busy}
      />
      {search.error && <Notice kind='error'>{search.error.message}</Notice>}
      {found && found.length === 0 && <Text className='ui-muted'>没有找到在册的中共党员。</Text>}
      {found?.map((m) => {
        const inList = picked.some((p) => p.id === m.id)
        const isSecretary = secretary?.id === m.id
        return (
          <View key={m.id} className='temp-branch__found'>
            <Text className='temp-branch__name'>{m.name}</Text>
            <Button
              kind={isSecretary ? 'primary' : 'plain'}
              ariaLabel={`${isSecretary ? '已设为书记' : '设为书记'}：${m.name}`}
              onClick={() => setSecretary(isSecretary ? null : { id: m.id, name: m.name })}
            >
              {isSecretary ? '书记 ✓' : '设为书记'}
            </Button>
            {source === 'list' && (
              <Button
                kind={inList ? 'primary' : 'plain'}
                ariaLabel={`${inList ? '已加入' : '加入'}：${m.name}`}
                onClick={() => toggle({ id: m.id, name: m.name })}
              >
                {inList ? '已加入 ✓' : '加入'}
              </Button>
            )}
          </View>
        )
      })}

      <View className='temp-branch__summary' role='status'>
        <Text>书记：{secretary?.name ?? '尚未选定'}</Text>
        {source === 'list' && (
          <Text>
            已加入 {picked.length} 人{picked.length ? `：${picked.map((p) => p.name).join('、')}` : ''}（书记另计）
          </Text>
        )}
      </View>
      {submit.error && <Notice kind='error'>{submit.error.message}</Notice>}
      <ButtonRow>
        <Button kind='primary' busy={submit.busy} busyText='正在开设…' onClick={() => void go()}>
          开设
        </Button>
        <Button off={submit.busy} onClick={() => setOpen(false)}>
          取消
        </Button>
      </ButtonRow>
    </View>
  )
}
