import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { SuggestionStatus } from '@tongxin/shared-types/src/suggestions'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { ChoiceChips } from '../../components/Chips'
import { ListRow } from '../../components/ListRow'
import { Notice } from '../../components/Notice'
import { LoadGate } from '../../components/PageState'
import { PageShell } from '../../components/PageShell'
import { useLoad } from '../../hooks/useLoad'
import { useReturnRefresh } from '../../hooks/useReturnRefresh'
import { callFunction } from '../../services/cloud'
import { deliverSpreadsheet } from '../../services/download'
import { currentYear } from '../../utils/time'
import { detailUrl, summaryLine } from '../shared/labels'
import { Figures } from './Figures'
import { Units } from './Units'

type Filter = 'submitted' | 'filed' | 'assigned' | 'overdue' | 'all'
const FILTERS: Array<{ value: Filter; label: string }> = [
  { value: 'submitted', label: '待审查' },
  { value: 'filed', label: '待交办' },
  { value: 'assigned', label: '办理中' },
  { value: 'overdue', label: '已逾期' },
  { value: 'all', label: '全部' },
]

/** 政协办公室：建言队列（审查、交办、催办在详情页）、任选时段与范围的数字、导出清单、承办单位 */
export default function SuggestOfficePage() {
  const [filter, setFilter] = useState<Filter>('submitted')
  const year = currentYear()
  const queue = useLoad(
    () =>
      callFunction('suggestions', 'queue', {
        ...(filter === 'overdue' ? { overdue: true } : filter === 'all' ? {} : { status: filter as SuggestionStatus }),
        page: 1,
        pageSize: 50,
      }),
    [filter],
  )
  const [exported, setExported] = useState<{ kind: 'success' | 'error'; text: string } | null>(null)
  useReturnRefresh(queue.reload)
  const refusal = '建言的审查、交办由政协办公室办理。'
  return (
    <PageShell>
      <Card title='建言队列'>
        <ChoiceChips options={FILTERS} value={filter} onChange={setFilter} />
        <LoadGate
          state={queue.state}
          what='建言'
          onRetry={queue.reload}
          refusal={refusal}
          isEmpty={(d) => d.items.length === 0}
          empty={{ message: '这里没有建言', next: '换一个筛选看看。' }}
        >
          {(d) => (
            <View>
              {d.items.map((s) => (
                <ListRow
                  key={s.id}
                  title={s.title}
                  desc={`${s.authorName} · ${summaryLine(s)}`}
                  trailing='办理 ›'
                  onClick={() => void Taro.navigateTo({ url: detailUrl(s.id) })}
                />
              ))}
            </View>
          )}
        </LoadGate>
      </Card>
      <Figures />
      <Card title='导出'>
        <Button block onClick={async () => setExported(await deliverSpreadsheet(await callFunction('suggestions', 'exportList', { year })))}>
          导出 {year} 年建言清单（XLSX）
        </Button>
        {exported && <Notice kind={exported.kind}>{exported.text}</Notice>}
      </Card>
      {queue.state.status === 'ready' && <Units />}
      <Card title='投诉建议'>
        <ListRow
          title='投诉建议'
          desc='答复委员与干部的投诉建议（匿名的看不到是谁）'
          trailing='进入 ›'
          onClick={() => void Taro.navigateTo({ url: '/suggest/feedback/index' })}
        />
      </Card>
    </PageShell>
  )
}
