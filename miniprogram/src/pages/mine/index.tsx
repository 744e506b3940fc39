import Taro from '@tarojs/taro'
import { Button as TaroButton, Text, View } from '@tarojs/components'
import type { AppRole } from '@tongxin/shared-types'
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
          <TaroButton className='btn-primary' onClick={() => void Taro.navigateTo({ url: '/account/bind/index' })}>输入邀请码绑定</TaroButton>
        </View>
      )
    case 'error':
      return (
        <View className='card state'>
          <Text className='state__text'>{state.message}</Text>
          <TaroButton className='btn-primary' onClick={retry}>重试</TaroButton>
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
      <TaroButton className='setting-row' onClick={() => setElderMode(!elderMode)}>
        <View className='setting-row__text'>
          <View className='setting-row__label'>大字模式</View>
          <View className='setting-row__desc'>字号更大，按钮更大</View>
        </View>
        <View className={elderMode ? 'setting-row__state setting-row__state--on' : 'setting-row__state'}>
          {elderMode ? '已开启' : '已关闭'}
        </View>
      </TaroButton>
    </View>
  )
}

/** 积分入口（积分页面在 points 分包）：人人有“我的积分”；书记、管理员另有评定、申诉，管理员另有规则 */
function PointsEntries({ roles }: { roles: readonly AppRole[] }) {
  const isAdmin = roles.includes('admin')
  const links = [
    { url: '/points/mine/index', label: '我的积分', desc: '每一分的来由、申诉' },
    ...(isAdmin || roles.includes('secretary')
      ? [
          { url: '/points/manage/index', label: '积分管理', desc: '评定加减分、冲正' },
          { url: '/points/appeals/index', label: '积分申诉', desc: '答复成员的申诉' },
        ]
      : []),
    ...(isAdmin ? [{ url: '/points/rules/index', label: '积分规则', desc: '规则、关账、公开范围' }] : []),
  ]
  return (
    <>
      {links.map((l) => (
        <View key={l.url} className='card'>
          <TaroButton className='setting-row' onClick={() => void Taro.navigateTo({ url: l.url })}>
            <View className='setting-row__text'>
              <View className='setting-row__label'>{l.label}</View>
              <View className='setting-row__desc'>{l.desc}</View>
            </View>
            <View className='setting-row__state'>进入 ›</View>
          </TaroButton>
        </View>
      ))}
    </>
  )
}

/** 管理入口（管理页在 admin 分包）：只给管理员与支部书记 */
function AdminEntry({ roles }: { roles: readonly AppRole[] }) {
  if (!roles.includes('admin') && !roles.includes('secretary')) return null
  return (
    <View className='card'>
      <TaroButton className='setting-row' onClick={() => void Taro.navigateTo({ url: '/admin/index/index' })}>
        <View className='setting-row__text'>
          <View className='setting-row__label'>管理</View>
          <View className='setting-row__desc'>{roles.includes('admin') ? '成员名册、邀请码、导入、组织结构' : '本支部成员、邀请码'}</View>
        </View>
        <View className='setting-row__state'>进入 ›</View>
      </TaroButton>
    </View>
  )
}

export default function MinePage() {
  const { state, retry } = useMyProfile()
  return (
    <PageShell>
      <ProfileSection state={state} retry={retry} />
      {state.status === 'ready' && <PointsEntries roles={state.profile.roles} />}
      {state.status === 'ready' && <AdminEntry roles={state.profile.roles} />}
      <ElderModeSwitch />
    </PageShell>
  )
}
