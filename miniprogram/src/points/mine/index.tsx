import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { PointsLedgerView } from '@tongxin/shared-types'
import { PageShell } from '../../components/PageShell'
import { callFunction } from '../../services/cloud'
import { EntryCard } from '../components/EntryCard'
import { FiveOneCard } from '../components/FiveOneCard'
import { TotalsCard } from '../components/TotalsCard'
import { YearSwitch } from '../components/YearSwitch'
import { canAppeal, newestFirst } from '../shared/format'
import { currentYear } from '../../utils/time'
import { POINTS_FOOTNOTE } from '../shared/texts'
import { useLoad } from '../../hooks/useLoad'
import { AppealForm } from './AppealForm'
import { Button } from '../../components/Button'
import { EmptyState, NotReady } from '../../components/PageState'
import { Notice } from '../../components/Notice'
import '../../components/Card.scss'
import '../styles/points.scss'
import './index.scss'

function Ledger({ ledger, reload }: { ledger: PointsLedgerView; reload: () => void }) {
  const [appealing, setAppealing] = useState<string | null>(null)
  const [submitted, setSubmitted] = useState<string | null>(null)
  // 一条记录连同它的撤销算一项（服务端的 items），经过写在卡片里
  const entries = newestFirst(ledger.items)
  return (
    <View>
      <TotalsCard ledger={ledger} />
      <FiveOneCard year={ledger.year} items={ledger.fiveOne} />
      <Text className='ui-section-title'>积分记录（{entries.length} 条，新的在前）</Text>
      {entries.length === 0 && <EmptyState message='这一年还没有积分记录。' next='参加会议活动、提交提案和社情民意后，积分会自动记在这里。' />}
      {entries.map((e) => (
        <EntryCard key={e.id} entry={e} asHistory>
          {submitted === e.id && <Notice kind='success'>申诉已提交，支部书记答复后会显示在这里。</Notice>}
          {canAppeal(e) && appealing !== e.id && (
            <View className='ui-btn-row'>
              <Button onClick={() => setAppealing(e.id)}>{e.appeal ? '再次申诉' : '申诉'}</Button>
            </View>
          )}
          {appealing === e.id && (
            <AppealForm
              entryId={e.id}
              onCancel={() => setAppealing(null)}
              onSubmitted={() => {
                setAppealing(null)
                setSubmitted(e.id)
                reload()
              }}
            />
          )}
        </EntryCard>
      ))}
    </View>
  )
}

export default function MyPointsPage() {
  const thisYear = currentYear()
  const [year, setYear] = useState(thisYear)
  const { state, reload } = useLoad(() => callFunction('points', 'mine', { year }), [String(year)])
  return (
    <PageShell>
      <View className='ui-head'>
        <Text className='ui-head__title'>我的积分</Text>
        <Text className='ui-head__sub'>{state.status === 'ready' ? `${state.data.memberName} · ` : ''}每一分都写明来由</Text>
      </View>
      <View className='ui-card'>
        <Text className='ui-card__title'>年度</Text>
        <YearSwitch years={[thisYear, thisYear - 1]} value={year} onChange={setYear} />
      </View>
      {state.status === 'ready' ? <Ledger ledger={state.data} reload={reload} /> : <NotReady state={state} what='您的积分' onRetry={reload} />}
      <Text className='pt-foot'>{POINTS_FOOTNOTE}</Text>
      <View className='ui-card'>
        <Text className='ui-card__sub'>他人的积分默认不公开；政协办公室开放后，可以看各支部的汇总。</Text>
        <Button block onClick={() => void Taro.navigateTo({ url: '/points/overview/index' })}>
          查看积分汇总
        </Button>
      </View>
    </PageShell>
  )
}
