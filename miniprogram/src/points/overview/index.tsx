import { Text, View } from '@tarojs/components'
import type { PointsOverview } from '@tongxin/shared-types'
import { VISIBILITY_LABELS } from '@tongxin/shared-types/src/points'
import { PageShell } from '../../components/PageShell'
import { callFunction } from '../../services/cloud'
import { RANKING_NOTE } from '../shared/texts'
import { useLoad } from '../../hooks/useLoad'
import { NotReady } from '../../components/PageState'
import '../../components/Card.scss'
import '../styles/points.scss'

/** 个人积分按姓名排，不排名次（国办函〔2026〕12号不许强制积分排名） */
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-Hans-CN')

function Overview({ data }: { data: PointsOverview }) {
  return (
    <View>
      <View className='ui-card'>
        <Text className='ui-card__sub'>当前公开范围：{VISIBILITY_LABELS[data.visibility]}</Text>
      </View>
      {data.branches && (
        <View className='ui-card'>
          <Text className='ui-card__title'>{data.year} 年各支部党员积分（人均）</Text>
          {data.branches.length === 0 && <Text className='ui-card__sub'>暂无支部数据。</Text>}
          {data.branches.map((b) => (
            <View key={b.branchId} className='pt-kv'>
              <Text className='pt-kv__v'>
                {b.branchName}（{b.members} 人）
              </Text>
              <Text className='pt-overview__num'>人均 {b.averageParty} 分</Text>
            </View>
          ))}
        </View>
      )}
      {data.individuals && (
        <View className='ui-card'>
          <Text className='ui-card__title'>{data.year} 年个人积分（按姓名排列）</Text>
          {data.visibility !== 'individual' && <Text className='ui-card__sub'>个人积分未对成员公开，只有管理员看得到，用于月通报、年述评。</Text>}
          {[...data.individuals].sort(byName).map((p) => (
            <View key={p.memberId} className='pt-kv'>
              <Text className='pt-kv__v'>{p.name}</Text>
              <Text className='pt-overview__num'>
                {p.party !== null ? `党员 ${p.party} · ` : ''}履职 {p.duty} 分
              </Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}

export default function PointsOverviewPage() {
  const { state, reload } = useLoad(() => callFunction('points', 'overview'), ['overview'])
  return (
    <PageShell>
      <View className='ui-head'>
        <Text className='ui-head__title'>积分汇总</Text>
        <Text className='ui-head__sub'>只显示办公室开放的汇总，不排名次</Text>
      </View>
      {state.status === 'ready' ? (
        <Overview data={state.data} />
      ) : (
        // 办公室没开放汇总（POINTS.NOT_PUBLIC）是拒绝，不是故障：说明原因与能看什么，不给「重试」
        <NotReady state={state} what='积分汇总' onRetry={reload} refusal={`${RANKING_NOTE}您自己的积分可以在“我的积分”里随时查看。`} />
      )}
    </PageShell>
  )
}
