import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { PointsAppealView } from '@tongxin/shared-types'
import { PageShell } from '../../components/PageShell'
import { callFunction } from '../../services/cloud'
import { Choices } from '../components/Choices'
import { LoadNotice } from '../components/LoadNotice'
import { useLoad } from '../shared/useLoad'
import { AppealCard } from './AppealCard'
import { Button } from '../../components/Button'
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
  const { state, reload } = useLoad(() => callFunction('points', 'listAppeals', { status: filter, page: 1, pageSize }), `${filter}|${pageSize}`)

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
        <Choices options={FILTERS} value={filter} onChange={changeFilter} />
      </View>
      {state.status !== 'ready' ? (
        <LoadNotice state={state} what='申诉' retry={reload} />
      ) : (
        <View>
          {state.data.total === 0 && <View className='pt-state'>{filter === 'pending' ? '没有待答复的申诉。' : '还没有申诉。'}</View>}
          {state.data.items.map((a) => {
            const shown = answered[a.id] ?? a
            return (
              <View key={a.id}>
                {answered[a.id] && <Text className='pt-msg pt-msg--card'>已答复{shown.memberName}的申诉（{shown.status === 'accepted' ? '采纳，原记录已冲正' : '驳回'}）。</Text>}
                <AppealCard appeal={shown} onAnswered={(v) => setAnswered((m) => ({ ...m, [a.id]: v }))} />
              </View>
            )
          })}
          {state.data.total > state.data.items.length && pageSize >= MAX_PAGE_SIZE && (
            <Text className='pt-foot'>只显示最近的 {state.data.items.length} 件（共 {state.data.total} 件）。</Text>
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
