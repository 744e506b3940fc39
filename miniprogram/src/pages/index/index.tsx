import { Text, View } from '@tarojs/components'
import { ComingSoon } from '../../components/ComingSoon'
import { PageShell } from '../../components/PageShell'
import { useAppStore } from '../../store'
import './index.scss'

export default function IndexPage() {
  const name = useAppStore((s) => s.profile?.name)
  return (
    <PageShell>
      <View className='home__greeting'>
        <Text>{name ? `${name}，您好！` : '您好！'}欢迎使用同心圆。</Text>
      </View>
      <ComingSoon
        title='首页'
        summary='这里将集中显示您近期要参加的会议和活动，以及办公室发来的通知。'
        features={['近期会议与活动安排', '到会签到、请假', '通知公告', '本人年度履职情况（“五个一”）']}
      />
    </PageShell>
  )
}
