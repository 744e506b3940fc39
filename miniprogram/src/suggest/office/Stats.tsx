import type { SuggestionStats } from '@tongxin/shared-types/src/suggestions'
import { View } from '@tarojs/components'
import { InfoRow } from '../../components/Card'

const rate = (v: number | null) => (v === null ? '—' : `${v}%`)

/** 一段时间、一个范围的数字（服务端在 SQL 里数出，与原始记录一致）；标题与时段由 Figures 给出 */
export function Stats({ s }: { s: SuggestionStats }) {
  const p = s.proposals
  return (
    <View>
      <InfoRow divided label='提案' value={`${s.byKind.proposal.submitted} 件，立案 ${p.filed} 件`} />
      <InfoRow divided label='立案率' value={rate(s.rates.filing)} />
      <InfoRow divided label='办复率' value={`${rate(s.rates.replied)}（按期 ${rate(s.rates.onTime)}）`} />
      <InfoRow divided label='满意率' value={rate(s.rates.satisfaction)} />
      <InfoRow divided label='见面率' value={rate(s.rates.meeting)} />
      <InfoRow divided label='社情民意' value={`${s.opinions.submitted} 件，采用 ${s.opinions.adopted} 件，批示 ${s.opinions.instructed} 件`} />
      <InfoRow divided label='意见建议' value={`${s.byKind.advice.submitted} 件`} />
    </View>
  )
}
