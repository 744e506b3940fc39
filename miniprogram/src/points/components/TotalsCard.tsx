import { Text, View } from '@tarojs/components'
import type { PointsLedgerView } from '@tongxin/shared-types'
import { PARTY_CATEGORIES, TRACK_LABELS } from '@tongxin/shared-types/src/points'
import { signedPoints, sumEntries, totalPoints } from '../shared/format'
import '../../components/Card.scss'

export interface TotalsCardProps {
  ledger: PointsLedgerView
}

/**
 * 本年度合计。数值由下方列出的每条记录相加得出（见 sumEntries），屏幕上即可核对。
 * 党员积分只对中共党员显示（服务端只给党员返回这一栏）。
 */
export function TotalsCard({ ledger }: TotalsCardProps) {
  const tracks = ledger.totals.map((t) => t.track)
  return (
    <View className='ui-card'>
      <Text className='ui-card__title'>{ledger.year} 年度合计</Text>
      <View>
        {tracks.map((track) => (
          <View key={track} className='pt-total' data-track={track}>
            <View className='pt-total__row'>
              <Text className='pt-total__name'>{TRACK_LABELS[track]}</Text>
              <Text className='pt-total__value'>{totalPoints(sumEntries(ledger.entries, track))} 分</Text>
            </View>
            {track === 'party' && (
              <View className='pt-total__cats'>
                {PARTY_CATEGORIES.map((c) => (
                  <Text key={c} className='pt-total__cat'>
                    {c}积分 {signedPoints(sumEntries(ledger.entries, 'party', c))}
                  </Text>
                ))}
              </View>
            )}
          </View>
        ))}
      </View>
      <Text className='ui-card__sub pt-total__note'>
        合计由下面列出的 {ledger.entries.length} 条记录相加得出{ledger.yearClosed ? '；本年度已关账' : ''}。
      </Text>
    </View>
  )
}
