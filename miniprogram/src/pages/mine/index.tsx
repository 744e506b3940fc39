import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Card } from '../../components/Card'
import { ElderModeSwitch } from '../../components/ElderModeSwitch'
import { ListRow } from '../../components/ListRow'
import { ErrorState, NeedsIdentity, Skeleton } from '../../components/PageState'
import { PageShell } from '../../components/PageShell'
import { NotBound } from '../../components/RoleGate'
import { useMyRoles, type MyRoles, type MyRolesState } from '../../hooks/useMyRoles'
import { ProfileCard } from './ProfileCard'
import './index.scss'

const go = (url: string) => void Taro.navigateTo({ url })

function ProfileSection({ state, retry }: { state: MyRolesState; retry: () => void }) {
  switch (state.status) {
    case 'loading':
      return <Skeleton what='您的资料' lines={4} />
    case 'needs-identity':
      return <NeedsIdentity />
    case 'not-bound':
      return <NotBound error={state.error} />
    case 'error':
      return <ErrorState error={state.error} onRetry={retry} />
    case 'ready':
      return <ProfileCard profile={state.me.profile} />
  }
}

/** 积分入口（积分页面在 points 分包）：人人有“我的积分”；书记、管理员另有评定、申诉，管理员另有规则 */
function PointsEntries({ me }: { me: MyRoles }) {
  return (
    <Card title='积分'>
      <ListRow title='我的积分' desc='每一分的来由、申诉' trailing='进入 ›' onClick={() => go('/points/mine/index')} />
      {me.isManager && <ListRow title='积分管理' desc='评定加减分、冲正' trailing='进入 ›' onClick={() => go('/points/manage/index')} />}
      {me.isManager && <ListRow title='积分申诉' desc='答复成员的申诉' trailing='进入 ›' onClick={() => go('/points/appeals/index')} />}
      {me.isAdmin && <ListRow title='积分规则' desc='规则、关账、公开范围' trailing='进入 ›' onClick={() => go('/points/rules/index')} />}
    </Card>
  )
}

/** 投诉建议（国办函〔2026〕12号要求）：人人都有；管理员另有建言办理 */
function SuggestEntries({ me }: { me: MyRoles }) {
  return (
    <Card title='投诉建议'>
      <ListRow title='投诉建议' desc='对本小程序或办公室工作的意见，可匿名' trailing='进入 ›' onClick={() => go('/suggest/feedback/index')} />
      {me.isAdmin && <ListRow title='建言办理' desc='审查、交办、催办、统计与导出' trailing='进入 ›' onClick={() => go('/suggest/office/index')} />}
    </Card>
  )
}

/** 提醒：还能收几次微信提醒、补充订阅、短信提醒 */
function ReminderEntry() {
  return (
    <Card title='提醒'>
      <ListRow title='提醒' desc='会前提醒、审批结果；微信提醒次数与短信' trailing='进入 ›' onClick={() => go('/account/reminders/index')} />
    </Card>
  )
}

/** 管理入口（管理页在 admin 分包）：只给管理员与支部书记 */
function AdminEntry({ me }: { me: MyRoles }) {
  if (!me.isManager) return null
  return (
    <Card title='管理'>
      <ListRow
        title='管理'
        desc={me.isAdmin ? '成员名册、邀请码、导入、组织结构' : '本支部成员、邀请码'}
        trailing='进入 ›'
        onClick={() => go('/admin/index/index')}
      />
    </Card>
  )
}

export default function MinePage() {
  const { state, retry } = useMyRoles({ fresh: true })
  return (
    <PageShell>
      {/* 大字模式放在最上面：长辈一进来就看得到，不用往下翻 */}
      <View className='mine-elder'>
        <ElderModeSwitch />
      </View>
      <ProfileSection state={state} retry={retry} />
      {state.status === 'ready' && <PointsEntries me={state.me} />}
      {state.status === 'ready' && <ReminderEntry />}
      {state.status === 'ready' && <AdminEntry me={state.me} />}
      {state.status === 'ready' && <SuggestEntries me={state.me} />}
    </PageShell>
  )
}
