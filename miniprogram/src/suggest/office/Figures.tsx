import { useState } from 'react'
import { View } from '@tarojs/components'
import { Card } from '../../components/Card'
import { ChoiceChips, SelectList } from '../../components/Chips'
import { Notice } from '../../components/Notice'
import { LoadGate } from '../../components/PageState'
import { PickerField } from '../../components/PickerField'
import { type LoadState, useLoad } from '../../hooks/useLoad'
import { useReturnRefresh } from '../../hooks/useReturnRefresh'
import { callFunction } from '../../services/cloud'
import { todayIso } from '../../utils/time'
import { type DateRange, inverted, PERIOD_OPTIONS, type PeriodChoice, periodLabel, presetRange } from './period'
import { Stats } from './Stats'

type Scope = 'all' | 'committee' | 'sector' | 'unit'
const SCOPES: ReadonlyArray<{ value: Scope; label: string }> = [
  { value: 'all', label: '全体' },
  { value: 'committee', label: '专委会' },
  { value: 'sector', label: '界别' },
  { value: 'unit', label: '承办单位' },
]
const SCOPE_NAMES: Record<Exclude<Scope, 'all'>, string> = { committee: '专委会', sector: '界别', unit: '承办单位' }
const SCOPE_KEYS = { committee: 'committeeId', sector: 'sectorId', unit: 'unitId' } as const

const refusal = '建言的统计由政协办公室查看。'

/** 建言的数字：任选时段（北京时间，按提交日期）与范围（全政协、某个专委会、界别或承办单位），选了就重取 */
export function Figures() {
  const today = todayIso()
  const [period, setPeriod] = useState<PeriodChoice>('year')
  const [custom, setCustom] = useState<DateRange>(() => presetRange('year', today))
  const [scope, setScope] = useState<Scope>('all')
  const [scopeId, setScopeId] = useState<string | null>(null)

  const range = period === 'custom' ? custom : presetRange(period, today)
  const choosePeriod = (p: PeriodChoice) => {
    // 改成自定义时，从正在看的时段开始改
    if (p === 'custom' && period !== 'custom') setCustom(range)
    setPeriod(p)
  }
  const chooseScope = (s: Scope) => {
    if (s !== scope) setScopeId(null)
    setScope(s)
  }

  // 专委会、界别来自组织架构；承办单位来自建言。用到时才取
  const needsTree = scope === 'committee' || scope === 'sector'
  const tree = useLoad(needsTree ? () => callFunction('org', 'tree') : null, [needsTree])
  const units = useLoad(scope === 'unit' ? () => callFunction('suggestions', 'units') : null, [scope === 'unit'])
  const options: LoadState<Array<{ value: string; label: string }>> | null =
    scope === 'all'
      ? null
      : scope === 'unit'
        ? mapState(units.state, (us) => us)
        : mapState(tree.state, (t) => (scope === 'committee' ? t.committees : t.sectors))
  const scopeName = scope === 'all' ? '全政协' : options?.status === 'ready' ? (options.data.find((o) => o.value === scopeId)?.label ?? null) : null

  const badRange = inverted(range)
  const ready = !badRange && (scope === 'all' || scopeId !== null)
  const stats = useLoad(
    ready
      ? () => callFunction('suggestions', 'stats', { from: range.from, to: range.to, ...(scope === 'all' || !scopeId ? {} : { [SCOPE_KEYS[scope]]: scopeId }) })
      : null,
    [range.from, range.to, scope, scopeId, ready],
  )
  useReturnRefresh(stats.reload)
  // 换了时段或范围：正在重取时不显示上一次的数字（标题已是新的）
  const shown: LoadState<NonNullable<typeof stats.data>> =
    stats.state.status === 'needs-identity'
      ? stats.state
      : stats.error
        ? { status: 'error', error: stats.error }
        : stats.loading
          ? { status: 'loading' }
          : stats.state

  const title = badRange ? '建言数字' : scopeName ? `${periodLabel(period, range)} · ${scopeName}` : periodLabel(period, range)
  return (
    <Card title={title} sub={badRange ? undefined : `${range.from} 至 ${range.to}，按提交日期`}>
      <ChoiceChips label='时段' options={PERIOD_OPTIONS} value={period} onChange={choosePeriod} />
      {period === 'custom' && (
        <View>
          <PickerField label='起始日期' mode='date' value={custom.from} onChange={(from) => setCustom((c) => ({ ...c, from }))} />
          <PickerField label='截止日期' mode='date' value={custom.to} onChange={(to) => setCustom((c) => ({ ...c, to }))} />
        </View>
      )}
      {badRange && <Notice kind='error'>截止日期早于起始日期，请重新选择。</Notice>}
      <ChoiceChips label='范围' options={SCOPES} value={scope} onChange={chooseScope} />
      {scope !== 'all' && options && (
        <LoadGate
          state={options}
          what={SCOPE_NAMES[scope]}
          onRetry={scope === 'unit' ? units.reload : tree.reload}
          refusal={refusal}
          isEmpty={(os) => os.length === 0}
          empty={{ message: `还没有${SCOPE_NAMES[scope]}`, next: scope === 'unit' ? '在下方「承办单位」里新增。' : '在「组织架构」里添加。' }}
        >
          {(os) => <SelectList label={`选择${SCOPE_NAMES[scope]}`} value={scopeId} options={os} onChange={setScopeId} />}
        </LoadGate>
      )}
      {!badRange && scope !== 'all' && scopeId === null && options?.status === 'ready' && options.data.length > 0 && (
        <Notice kind='info'>选好{SCOPE_NAMES[scope]}后显示数字。</Notice>
      )}
      {ready && (
        <LoadGate state={shown} what='建言数字' onRetry={stats.reload} refusal={refusal} lines={7}>
          {(s) => <Stats s={s} />}
        </LoadGate>
      )}
    </Card>
  )
}

/** 名单（专委会、界别、承办单位）换成选项 */
function mapState<T>(state: LoadState<T>, pick: (data: T) => Array<{ id: string; name: string }>): LoadState<Array<{ value: string; label: string }>> {
  return state.status === 'ready' ? { status: 'ready', data: pick(state.data).map((x) => ({ value: x.id, label: x.name })) } : state
}
