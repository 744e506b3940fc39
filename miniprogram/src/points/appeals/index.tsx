import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { PointsAppealView } from '@tongxin/shared-types'
import { PageShell } from '../../components/PageShell'
import { callFunction } from '../../services/cloud'
import { useLoad } from '../../hooks/useLoad'
import { AppealCard } from './AppealCard'
import { Button } from '../../components/Button'
import { ChoiceChips } from '../../components/Chips'
import { EmptyState, NotReady } from '../../components/PageState'
import { Notice } from '../../components/Notice'
import '../../components/Card.scss'
import '../styles/points.scss'
import './index.scss'

type Filter = 'pending' | 'all'
const FILTERS: Array<{ value: Filter; label: string }> = [
  { value: 'pending', label: '待答复' },
  { value: 'all', label: '全部' },
]
const PAGE_SIZE = 20
/** listAppeals 每页最多 100 件 */
const MAX_PAGE_SIZE = 100

export default function PointsAppealsPage() {
  const [filter, setFilter] = useState<Filter>('pending')
  const [pageSize, setPageSize] = useState(PAGE_SIZE)
  // 刚答复的仍留在「待答复」里显示结果，直到换筛选或刷新
  const [answered, setAnswered] = useState<Record<string, PointsAppealView>>({})
  const { state, reload } = useLoad(() => callFunction('points', 'listAppeals', { status: filter, page: 1, pageSize }), [`${filter}|${pageSize}`])

  function changeFilter(f: Filter) {
    setFilter(f)
    setPageSize(PAGE_SIZE)
    setAnswered({})
  }

  return (
    <PageShell>
      <View className='ui-head'>
        <Text className='ui-head__title'>积分申诉</Text>
        <Text className='ui-head__sub'>成员对支部评定分的申诉，请写明答复</Text>
      </View>
      <View className='ui-card'>
        <ChoiceChips options={FILTERS} value={filter} onChange={changeFilter} />
      </View>
      {state.status !== 'ready' ? (
        <NotReady
          state={state}
          what='申诉'
          onRetry={reload}
          refusal='积分申诉由本支部书记或政协办公室答复。您对自己积分的异议，请在“我的积分”里对那一条提出申诉。'
        />
      ) : (
        <View>
          {state.data.total === 0 && (
            <EmptyState
              message={filter === 'pending' ? '没有待答复的申诉。' : '还没有申诉。'}
              next={filter === 'pending' ? '成员提出申诉后会列在这里；点「全部」可以看已答复的。' : '成员对评定分有异议时，会在“我的积分”里提出申诉。'}
            />
          )}
          {state.data.items.map((a) => {
            const shown = answered[a.id] ?? a
            return (
              <View key={a.id}>
                {answered[a.id] && (
                  <Notice kind='success'>
                    已答复{shown.memberName}的申诉（{shown.status === 'accepted' ? '采纳，原记录已冲正' : '驳回'}）。
                  </Notice>
                )}
                <AppealCard appeal={shown} onAnswered={(v) => setAnswered((m) => ({ ...m, [a.id]: v }))} />
              </View>
            )
          })}
          {state.data.total > state.data.items.length && pageSize >= MAX_PAGE_SIZE && (
            <Text className='pt-foot'>
              只显示最近的 {state.data.items.length} 件（共 {state.data.total} 件）。
            </Text>
          )}
          {state.data.total > state.data.items.length && pageSize < MAX_PAGE_SIZE && (
            <View className='ui-card'>
              <Button block onClick={() => setPageSize((n) => Math.min(n + PAGE_SIZE, MAX_PAGE_SIZE))}>
                再显示 {Math.min(PAGE_SIZE, state.data.total - state.data.items.length)} 件（共 {state.data.total} 件）
              </Button>
            </View>
          )}
        </View>
      )}
    </PageShell>
  )
}
