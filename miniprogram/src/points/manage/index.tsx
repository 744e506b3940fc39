import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageShell } from '../../components/PageShell'
import { callFunction } from '../../services/cloud'
import { useAppStore } from '../../store'
import { FiveOneCard } from '../components/FiveOneCard'
import { YearSwitch } from '../components/YearSwitch'
import { adjustableRules } from '../shared/format'
import { currentYear } from '../../utils/time'
import { useLoad } from '../../hooks/useLoad'
import { useMyRoles, type MyRoles as Viewer } from '../../hooks/useMyRoles'
import { RoleGate } from '../../components/RoleGate'
import { ListRow } from '../../components/ListRow'
import { AdjustForm } from './AdjustForm'
import { FiveOneForm } from './FiveOneForm'
import { ManagedLedger } from './Ledger'
import { MemberPicker, type PickedMember } from './MemberPicker'
import { Button } from '../../components/Button'
import { ChoiceChips } from '../../components/Chips'
import { NotReady } from '../../components/PageState'
import '../../components/Card.scss'
import '../styles/points.scss'
import './index.scss'

type Tab = 'ledger' | 'adjust' | 'fiveOne'
const TABS: Array<{ value: Tab; label: string }> = [
  { value: 'ledger', label: '积分记录' },
  { value: 'adjust', label: '评定加减' },
  { value: 'fiveOne', label: '五个一' },
]

function MemberPoints({ member, viewer }: { member: PickedMember; viewer: Viewer }) {
  const thisYear = currentYear()
  const [tab, setTab] = useState<Tab>('ledger')
  const [year, setYear] = useState(thisYear)
  const ledger = useLoad(() => callFunction('points', 'ledger', { memberId: member.id, year }), [`${member.id}|${year}`])
  const rules = useLoad(() => callFunction('points', 'rules'), ['rules'])
  // 评定与登记总是记在今年：切回今年的台账，刚记的分立刻看得到
  const afterWrite = () => (year === thisYear ? ledger.reload() : setYear(thisYear))

  return (
    <View>
      <View className='ui-card'>
        <ChoiceChips layout='grid' options={TABS} value={tab} onChange={setTab} />
      </View>
      {tab === 'ledger' && (
        <View>
          <View className='ui-card'>
            <Text className='ui-card__title'>年度</Text>
            <YearSwitch years={[thisYear, thisYear - 1]} value={year} onChange={setYear} />
          </View>
          {ledger.state.status === 'ready' ? (
            <ManagedLedger ledger={ledger.state.data} isAdmin={viewer.isAdmin} reload={ledger.reload} />
          ) : (
            <NotReady state={ledger.state} what={`${member.name}的积分`} onRetry={ledger.reload} />
          )}
        </View>
      )}
      {tab === 'adjust' && (
        <View className='ui-card'>
          <Text className='ui-card__title'>为{member.name}评定加减分</Text>
          {rules.state.status !== 'ready' || ledger.state.status !== 'ready' ? (
            <NotReady
              state={rules.state.status !== 'ready' ? rules.state : ledger.state.status !== 'ready' ? ledger.state : { status: 'loading' }}
              what='积分规则'
              onRetry={rules.state.status !== 'ready' ? rules.reload : ledger.reload}
            />
          ) : (
            <AdjustForm
              memberId={member.id}
              memberName={member.name}
              rules={adjustableRules(rules.state.data, { isAdmin: viewer.isAdmin, memberIsCpc: ledger.state.data.isCpc })}
              onSaved={afterWrite}
            />
          )}
        </View>
      )}
      {tab === 'fiveOne' && (
        <View>
          {ledger.state.status === 'ready' && <FiveOneCard year={ledger.state.data.year} items={ledger.state.data.fiveOne} />}
          <View className='ui-card'>
            <Text className='ui-card__title'>为{member.name}登记“五个一”事项</Text>
            <Text className='ui-card__sub'>提案、社情民意、调研视察、界别活动多由系统自动记入；这里登记民生实事等需要人工确认的事项。</Text>
            <FiveOneForm memberId={member.id} memberName={member.name} onSaved={afterWrite} />
          </View>
        </View>
      )}
    </View>
  )
}

function ManageLinks({ viewer }: { viewer: Viewer }) {
  const go = (url: string) => void Taro.navigateTo({ url })
  return (
    <View className='ui-card'>
      <Text className='ui-card__title'>其他</Text>
      <ListRow title='积分申诉' desc='答复成员对评定分的申诉' trailing='进入 ›' onClick={() => go('/points/appeals/index')} />
      {viewer.isAdmin && <ListRow title='积分规则' desc='规则表、年度关账、可见范围' trailing='进入 ›' onClick={() => go('/points/rules/index')} />}
      <ListRow title='积分汇总' desc='各支部人均积分' trailing='进入 ›' onClick={() => go('/points/overview/index')} />
    </View>
  )
}

function ManageBody({ viewer }: { viewer: Viewer }) {
  const [member, setMember] = useState<PickedMember | null>(null)
  return (
    <View>
      <View className='ui-card'>
        <Text className='ui-card__title'>选择成员</Text>
        {member ? (
          <View className='pt-picked'>
            <Text className='pt-picked__name'>{member.name}</Text>
            <Button onClick={() => setMember(null)}>换一位</Button>
          </View>
        ) : (
          <MemberPicker onPick={setMember} />
        )}
      </View>
      {member && <MemberPoints key={member.id} member={member} viewer={viewer} />}
      <ManageLinks viewer={viewer} />
    </View>
  )
}

export default function PointsManagePage() {
  const { state, retry } = useMyRoles()
  // 本地演示换身份时，连同选中的成员一起清掉
  const identityKey = useAppStore((s) => s.devIdentity?.openid ?? '')
  return (
    <PageShell>
      <View className='ui-head'>
        <Text className='ui-head__title'>积分管理</Text>
        <Text className='ui-head__sub'>
          {state.status === 'ready' && state.me.isSecretary && !state.me.isAdmin
            ? '支部书记：评定本支部党员的品行、考评积分'
            : '查看成员积分、评定、冲正、登记“五个一”'}
        </Text>
      </View>
      <RoleGate state={state} retry={retry} need='manager'>
        {(me) => <ManageBody key={identityKey} viewer={me} />}
      </RoleGate>
    </PageShell>
  )
}
