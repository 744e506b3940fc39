import { useState } from 'react'
import { Button as TaroButton, Text, View } from '@tarojs/components'
import type { AudienceKind, AudienceTarget, MemberDetail, OrgTree } from '@tongxin/shared-types'
import { AUDIENCE_LABELS } from '@tongxin/shared-types/src/events'
import { callFunction } from '../../services/cloud'
import { useSubmit } from '../../hooks/useSubmit'
import { Button } from '../../components/Button'
import { type Option } from '../../components/Chips'
import { SearchField } from '../../components/SearchField'
import { Notice } from '../../components/Notice'
import '../../components/Card.scss'
import '../../components/Chips.scss'

export interface AudiencePickerProps {
  value: AudienceTarget[]
  onChange: (value: AudienceTarget[]) => void
  tree: OrgTree | null
  /** 书记只能面向本支部：只给支部一类，且只列本人管理的支部 */
  branchIds: string[] | null
}

const same = (a: AudienceTarget, b: AudienceTarget) => a.kind === b.kind && a.id === b.id

/** 候选的支部、专委会或界别：点一下加入，再点去掉 */
function Candidates({
  kind,
  options,
  value,
  onChange,
}: {
  kind: AudienceKind
  options: Option<string>[]
  value: AudienceTarget[]
  onChange: AudiencePickerProps['onChange']
}) {
  if (options.length === 0) return <Text className='ui-muted'>没有可选的{AUDIENCE_LABELS[kind]}。</Text>
  return (
    <View className='ui-chips ui-chips--wrap'>
      {options.map((o) => {
        const target: AudienceTarget = { kind, id: o.value, name: o.label }
        const on = value.some((t) => same(t, target))
        return (
          <TaroButton
            key={o.value}
            className={on ? 'ui-chip ui-chip--on' : 'ui-chip'}
            aria-pressed={on}
            onClick={() => onChange(on ? value.filter((t) => !same(t, target)) : [...value.filter((t) => t.kind !== 'all'), target])}
          >
            {on ? `✓ ${o.label}` : o.label}
          </TaroButton>
        )
      })}
    </View>
  )
}

/** 指定人员：按姓名查找后点选 */
function MemberSearch({ value, onChange }: Pick<AudiencePickerProps, 'value' | 'onChange'>) {
  const [q, setQ] = useState('')
  const [found, setFound] = useState<MemberDetail[] | null>(null)
  const { busy, error: problem, run } = useSubmit()
  const search = async () => {
    if (busy || !q.trim()) return
    const done = await run(() => callFunction('roster', 'list', { q: q.trim(), pageSize: 20 }))
    if (done) setFound(done.data.items)
  }
  return (
    <View>
      <SearchField
        label='按姓名查找成员'
        value={q}
        onChange={setQ}
        onSearch={() => void search()}
        action='查找'
        placeholder='输入姓名'
        maxlength={20}
        busy={busy}
      />
      {problem && <Notice kind='error'>{problem.message}</Notice>}
      {found && found.length === 0 && <Text className='ui-muted'>没有找到。</Text>}
      {found && found.length > 0 && (
        <View className='audience__found'>
          <Candidates kind='member' options={found.map((m) => ({ value: m.id, label: m.name }))} value={value} onChange={onChange} />
        </View>
      )}
    </View>
  )
}

/** 参加对象：全体成员，或若干支部、专委会、界别、指定人员的组合 */
export function AudiencePicker({ value, onChange, tree, branchIds }: AudiencePickerProps) {
  const kinds: AudienceKind[] = branchIds ? ['branch'] : ['all', 'branch', 'committee', 'sector', 'member']
  const [kind, setKind] = useState<AudienceKind>(branchIds ? 'branch' : 'all')
  const branches = (tree?.units ?? [])
    .filter((u) => u.level === '党支部' && u.status === 'active' && (!branchIds || branchIds.includes(u.id)))
    .map((u) => ({ value: u.id, label: u.name }))
  const groups: Record<'branch' | 'committee' | 'sector', Option<string>[]> = {
    branch: branches,
    committee: (tree?.committees ?? []).map((c) => ({ value: c.id, label: c.name })),
    sector: (tree?.sectors ?? []).map((s) => ({ value: s.id, label: s.name })),
  }
  const everyone = value.some((t) => t.kind === 'all')
  return (
    <View className='ui-field audience'>
      <Text className='ui-field__label'>参加对象（已选）</Text>
      <View className='audience__chosen'>
        {value.length === 0 && <Text className='ui-muted'>还没有选择。在下面按类别挑选。</Text>}
        {value.map((t) => (
          <TaroButton
            key={`${t.kind}-${t.id}`}
            className='ui-chip ui-chip--on'
            aria-label={`去掉${t.name}`}
            onClick={() => onChange(value.filter((x) => !same(x, t)))}
          >
            {t.kind === 'all' || t.kind === 'member' ? t.name : `${t.name}（${AUDIENCE_LABELS[t.kind]}）`} ✕
          </TaroButton>
        ))}
      </View>
      {kinds.length > 1 && (
        // 类别用页签，与上面“已选”的填色方块区分开
        <View className='audience__tabs'>
          {kinds.map((k) => (
            <TaroButton
              key={k}
              className={k === kind ? 'audience__tab audience__tab--on' : 'audience__tab'}
              aria-pressed={k === kind}
              onClick={() => setKind(k)}
            >
              {AUDIENCE_LABELS[k]}
            </TaroButton>
          ))}
        </View>
      )}
      {kind === 'all' && (
        <Button block aria-pressed={everyone} onClick={() => onChange([{ kind: 'all', id: null, name: '全体成员' }])}>
          {everyone ? '✓ 已选全体成员' : '选择全体成员'}
        </Button>
      )}
      {(kind === 'branch' || kind === 'committee' || kind === 'sector') && <Candidates kind={kind} options={groups[kind]} value={value} onChange={onChange} />}
      {kind === 'member' && <MemberSearch value={value} onChange={onChange} />}
    </View>
  )
}
