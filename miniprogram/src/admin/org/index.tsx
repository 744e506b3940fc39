import { useState } from 'react'
import { Button as TaroButton, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { OrgTree } from '@tongxin/shared-types'
import { callFunction } from '../../services/cloud'
import { AdminShell } from '../components/AdminShell'
import { flattenTree } from '../shared/org'
import { useLoad } from '../../hooks/useLoad'
import { GroupList } from './GroupList'
import { UnitPanel } from './UnitPanel'
import { TemporaryBranchForm } from './TemporaryBranchForm'
import { Notice } from '../../components/Notice'
import { LoadStatus } from '../../components/PageState'
import '../../components/Card.scss'
import './index.scss'

function OrgPage() {
  const tree = useLoad(() => callFunction('org', 'tree'), [])
  const [selected, setSelected] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const data = tree.data

  if (!data) {
    return <LoadStatus loaded={tree} what='组织结构' />
  }
  const done = (t: OrgTree, message: string) => {
    tree.replace(t)
    setNote(message)
  }
  return (
    <View>
      {note && (
        <View className='org-note'>
          <Notice kind='success'>{note}</Notice>
        </View>
      )}
      <View className='ui-card'>
        <Text className='ui-card__title'>党组织</Text>
        <Text className='ui-muted'>点一个组织，可以改名、新建下级组织；临时党支部还可以撤销或合并。支部人数只计在册成员。</Text>
        <View className='tree'>
          {flattenTree(data.units).map(({ node, depth }) => (
            <View key={node.id} className='tree__item' style={{ paddingLeft: Taro.pxTransform(Math.min(depth, 5) * 14) }}>
              <TaroButton
                className={selected === node.id ? 'tree-node tree-node--on' : 'tree-node'}
                aria-expanded={selected === node.id}
                onClick={() => {
                  setSelected(selected === node.id ? null : node.id)
                  setNote('')
                }}
              >
                <View className='tree-node__main'>
                  <View className='tree-node__name'>
                    {depth > 0 ? '└ ' : ''}
                    {node.name}
                    {node.status === 'closed' && <Text className='ui-tag ui-tag--closed'>已撤销</Text>}
                  </View>
                  <View className='tree-node__meta'>
                    {/* 成员只挂在支部上：上级组织不写人数，免得显示「0 人」 */}
                    {node.branchKind ? `${node.branchKind} · ${node.memberCount} 人` : node.level}
                    {node.startsOn && node.endsOn ? ` · ${node.startsOn} 至 ${node.endsOn}` : ''}
                  </View>
                </View>
                <Text className='tree-node__arrow'>{selected === node.id ? '▴' : '▾'}</Text>
              </TaroButton>
              {selected === node.id && <UnitPanel key={node.id} unit={node} tree={data} onDone={done} />}
            </View>
          ))}
        </View>
      </View>
      <TemporaryBranchForm tree={data} onDone={done} />
      <GroupList kind='committee' items={data.committees} onDone={done} />
      <GroupList kind='sector' items={data.sectors} onDone={done} />
    </View>
  )
}

export default function OrgIndexPage() {
  return (
    <AdminShell title='组织结构' adminOnly>
      {() => <OrgPage />}
    </AdminShell>
  )
}
