import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { PointsRuleView } from '@tongxin/shared-types'
import { POINTS_TRACKS, TRACK_LABELS } from '@tongxin/shared-types/src/points'
import { PageShell } from '../../components/PageShell'
import { callFunction } from '../../services/cloud'
import { useLoad } from '../../hooks/useLoad'
import { useMyRoles } from '../../hooks/useMyRoles'
import { RoleGate } from '../../components/RoleGate'
import { RuleCard } from './RuleCard'
import { RuleEditor } from './RuleEditor'
import { VisibilitySetting } from './VisibilitySetting'
import { YearClose } from './YearClose'
import { Button } from '../../components/Button'
import { ChoiceChips } from '../../components/Chips'
import { NotReady } from '../../components/PageState'
import { Notice } from '../../components/Notice'
import '../../components/Card.scss'
import '../styles/points.scss'
import './index.scss'

/** 同一代码取最新版本为现行规则，其余为历史版本（服务端已按代码、版本倒序排好） */
function splitVersions(rules: PointsRuleView[]): Array<{ rule: PointsRuleView; history: PointsRuleView[] }> {
  const byCode = new Map<string, { rule: PointsRuleView; history: PointsRuleView[] }>()
  for (const r of rules) {
    const seen = byCode.get(r.code)
    if (!seen) byCode.set(r.code, { rule: r, history: [] })
    else if (r.version > seen.rule.version) byCode.set(r.code, { rule: r, history: [seen.rule, ...seen.history] })
    else seen.history.push(r)
  }
  return [...byCode.values()]
}

function RuleTable() {
  const [showHistory, setShowHistory] = useState(false)
  const [editing, setEditing] = useState<string | null>(null)
  const [savedNote, setSavedNote] = useState<string | null>(null)
  const { state, reload } = useLoad(() => callFunction('points', 'rules', { includeHistory: showHistory }), [String(showHistory)])

  function saved(r: PointsRuleView) {
    setEditing(null)
    setSavedNote(`已保存「${r.name}」第 ${r.version} 版，今后的记分按新规则计算。`)
    reload()
  }

  return (
    <View>
      <View className='ui-card'>
        <Text className='ui-card__sub'>规则每次修改都保存为新的版本，只对今后的记分生效；已经记下的分和它的说明不变。</Text>
        <ChoiceChips
          options={[
            { value: 'current', label: '只看现行版本' },
            { value: 'history', label: '含历史版本' },
          ]}
          value={showHistory ? 'history' : 'current'}
          onChange={(v) => setShowHistory(v === 'history')}
        />
        {savedNote && <Notice kind='success'>{savedNote}</Notice>}
        {editing === 'new' ? (
          <RuleEditor onSaved={saved} onCancel={() => setEditing(null)} />
        ) : (
          <Button block onClick={() => setEditing('new')}>
            新增规则
          </Button>
        )}
      </View>
      {state.status !== 'ready' ? (
        <NotReady state={state} what='积分规则' onRetry={reload} />
      ) : (
        POINTS_TRACKS.map((track) => (
          <View key={track}>
            <Text className='ui-section-title'>{TRACK_LABELS[track]}</Text>
            {splitVersions(state.data.filter((r) => r.track === track)).map(({ rule, history }) => (
              <RuleCard key={rule.code} rule={rule} history={history} onEdit={editing === rule.code ? undefined : () => setEditing(rule.code)}>
                {editing === rule.code && <RuleEditor rule={rule} onSaved={saved} onCancel={() => setEditing(null)} />}
              </RuleCard>
            ))}
          </View>
        ))
      )}
    </View>
  )
}

type Section = 'rules' | 'year' | 'visibility'
const SECTIONS: Array<{ value: Section; label: string }> = [
  { value: 'rules', label: '规则表' },
  { value: 'year', label: '年度关账' },
  { value: 'visibility', label: '公开范围' },
]

function AdminSections() {
  const [section, setSection] = useState<Section>('rules')
  return (
    <View>
      <View className='ui-card'>
        <ChoiceChips layout='grid' options={SECTIONS} value={section} onChange={setSection} />
      </View>
      {section === 'rules' && <RuleTable />}
      {section === 'year' && <YearClose />}
      {section === 'visibility' && <VisibilitySetting />}
    </View>
  )
}

export default function PointsRulesPage() {
  const { state, retry } = useMyRoles()
  return (
    <PageShell>
      <View className='ui-head'>
        <Text className='ui-head__title'>积分规则</Text>
        <Text className='ui-head__sub'>政协办公室：规则表、年度关账、可见范围</Text>
      </View>
      <RoleGate state={state} retry={retry} need='admin'>
        {() => <AdminSections />}
      </RoleGate>
    </PageShell>
  )
}
