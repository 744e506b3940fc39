/** 我的学习心得（材料上的与活动后的，放在一处）与收藏 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageShell } from '../../components/PageShell'
import { Card } from '../../components/Card'
import { ChoiceChips } from '../../components/Chips'
import { ListRow } from '../../components/ListRow'
import { LoadGate } from '../../components/PageState'
import { useLoad } from '../../hooks/useLoad'
import { callFunction } from '../../services/cloud'
import { dateTimeLabel } from '../../utils/time'
import '../styles/study.scss'

type Tab = 'notes' | 'favourites'
const TABS = [
  { value: 'notes' as const, label: '学习心得' },
  { value: 'favourites' as const, label: '收藏' },
]
const open = (url: string) => void Taro.navigateTo({ url })

function Notes() {
  const { state, reload } = useLoad(() => callFunction('study', 'myNotes'), [])
  return (
    <LoadGate
      state={state}
      what='学习心得'
      onRetry={reload}
      isEmpty={(d) => d.length === 0}
      empty={{ message: '您还没有写过学习心得', next: '读完材料或参加学习活动后，可以写下收获' }}
    >
      {(notes) => (
        <View>
          {notes.map((n) => (
            <Card key={`${n.kind}:${n.subjectId}`} title={n.title} sub={`${n.kind === 'material' ? '学习材料' : '学习活动'} · ${dateTimeLabel(n.updatedAt)}`}>
              <Text className='st-note'>{n.content}</Text>
              <ListRow
                title={n.kind === 'material' ? '打开这篇材料' : '打开这场活动'}
                trailing='›'
                onClick={() => open(n.kind === 'material' ? `/study/reader/index?id=${n.subjectId}` : `/events/detail/index?id=${n.subjectId}`)}
              />
            </Card>
          ))}
        </View>
      )}
    </LoadGate>
  )
}

function Favourites() {
  const { state, reload } = useLoad(() => callFunction('study', 'favourites'), [])
  return (
    <LoadGate state={state} what='收藏' onRetry={reload} isEmpty={(d) => d.length === 0} empty={{ message: '您还没有收藏材料', next: '在材料的文末点“收藏”' }}>
      {(items) => (
        <Card>
          {items.map((m) => (
            <ListRow key={m.id} title={m.title} desc={m.category} trailing='阅读 ›' onClick={() => open(`/study/reader/index?id=${m.id}`)} />
          ))}
        </Card>
      )}
    </LoadGate>
  )
}

export default function MyStudyPage() {
  const [tab, setTab] = useState<Tab>('notes')
  return (
    <PageShell>
      <View className='ui-head'>
        <Text className='ui-head__title'>我的学习</Text>
        <Text className='ui-head__sub'>您写的学习心得与收藏的材料</Text>
      </View>
      <ChoiceChips options={TABS} value={tab} onChange={setTab} layout='grid' />
      {tab === 'notes' ? <Notes /> : <Favourites />}
    </PageShell>
  )
}
