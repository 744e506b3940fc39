import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { PointsLedgerView } from '@tongxin/shared-types'
import { EntryCard } from '../components/EntryCard'
import { FiveOneCard } from '../components/FiveOneCard'
import { TotalsCard } from '../components/TotalsCard'
import { canReverse, newestFirst } from '../shared/format'
import { ReverseForm } from './ReverseForm'
import { Button } from '../../components/Button'
import { Notice } from '../../components/Notice'
import { EmptyState } from '../../components/PageState'
import '../../components/Card.scss'

export interface ManagedLedgerProps {
  ledger: PointsLedgerView
  isAdmin: boolean
  reload: () => void
}

/** 书记/办公室看到的某人积分：与本人看到的一样，外加「冲正」 */
export function ManagedLedger({ ledger, isAdmin, reload }: ManagedLedgerProps) {
  const [reversing, setReversing] = useState<string | null>(null)
  const [reversed, setReversed] = useState<string | null>(null)
  const entries = newestFirst(ledger.entries)
  return (
    <View>
      <TotalsCard ledger={ledger} />
      <FiveOneCard year={ledger.year} items={ledger.fiveOne} />
      <Text className='ui-section-title'>积分记录（{entries.length} 条）</Text>
      {entries.length === 0 && <EmptyState message='这一年还没有积分记录。' next='可在「评定加减」里为本人记分，或切换到往年查看。' />}
      {entries.map((e) => (
        <EntryCard key={e.id} entry={e}>
          {reversed === e.id && <Notice kind='success'>已冲正，冲正记录已列在上方。</Notice>}
          {canReverse(e, { isAdmin, yearClosed: ledger.yearClosed }) && reversing !== e.id && (
            <View className='ui-btn-row'>
              <Button kind='quiet' onClick={() => setReversing(e.id)}>
                冲正
              </Button>
            </View>
          )}
          {reversing === e.id && (
            <ReverseForm
              entryId={e.id}
              onCancel={() => setReversing(null)}
              onDone={() => {
                setReversing(null)
                setReversed(e.id)
                reload()
              }}
            />
          )}
        </EntryCard>
      ))}
    </View>
  )
}
