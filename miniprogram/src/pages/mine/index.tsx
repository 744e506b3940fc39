import { Button, Text, View } from '@tarojs/components'
import { PageShell } from '../../components/PageShell'
import { useMyProfile, type MyProfileState } from '../../hooks/useMyProfile'
import { useAppStore } from '../../store'
import { ProfileCard } from './ProfileCard'
import './index.scss'

function ProfileSection({ state, retry }: { state: MyProfileState; retry: () => void }) {
  switch (state.status) {
    case 'loading':
      return <View className='card state'>正在加载您的资料…</View>
    case 'needs-identity':
      return <View className='card state'>请先在页面顶部选择一个演示身份，再查看“我的”资料。</View>
    case 'not-bound':
      return (
        <View className='card state'>
          <Text className='card__title'>{state.message}</Text>
          <Text className='state__hint'>绑定用的邀请码由政协办公室发放；如未收到，请与办公室联系。</Text>
        </View>
      )
    case 'error':
      return (
        <View className='card state'>
          <Text className='state__text'>{state.message}</Text>
          <Button className='btn-primary' onClick={retry}>重试</Button>
        </View>
      )
    case 'ready':
      return <ProfileCard profile={state.profile} />
  }
}

/** 大字模式开关：整行可点，状态用文字写明 */
function ElderModeSwitch() {
  const elderMode = useAppStore((s) => s.elderMode)
  const setElderMode = useAppStore((s) => s.setElderMode)
  return (
    <View className='card'>
      <Button className='setting-row' onClick={() => setElderMode(!elderMode)}>
        <View className='setting-row__text'>
          <View className='setting-row__label'>大字模式</View>
          <View className='setting-row__desc'>字号更大，按钮更大</View>
        </View>
        <View className={elderMode ? 'setting-row__state setting-row__state--on' : 'setting-row__state'}>
          {elderMode ? '已开启' : '已关闭'}
        </View>
      </Button>
    </View>
  )
}

export default function MinePage() {
  const { state, retry } = useMyProfile()
  return (
    <PageShell>
      <ProfileSection state={state} retry={retry} />
      <ElderModeSwitch />
    </PageShell>
  )
}
