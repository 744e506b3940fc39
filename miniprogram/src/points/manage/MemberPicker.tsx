import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { MemberDetail } from '@tongxin/shared-types'
import { callFunction } from '../../services/cloud'
import { useLoad } from '../../hooks/useLoad'
import { NotReady } from '../../components/PageState'
import { SearchField } from '../../components/SearchField'
import { ListRow } from '../../components/ListRow'

export interface PickedMember {
  id: string
  name: string
}

export interface MemberPickerProps {
  onPick: (member: PickedMember) => void
}

function memberLine(m: MemberDetail): string {
  const branches = m.branches.map((b) => b.branchName).join('、')
  return [m.position, m.sector?.name, branches].filter(Boolean).join(' · ')
}

/** 按姓名找成员（roster.list）：书记只看得到本支部的成员 */
export function MemberPicker({ onPick }: MemberPickerProps) {
  const [text, setText] = useState('')
  const [q, setQ] = useState('')
  const { state, reload } = useLoad(() => callFunction('roster', 'list', { q: q || undefined, page: 1, pageSize: 20 }), [q])
  return (
    <View>
      <SearchField label='按姓名查找成员' value={text} onChange={setText} onSearch={setQ} action='查找' placeholder='输入姓名查找' maxlength={40} />
      {state.status !== 'ready' ? (
        <NotReady state={state} what='成员名单' onRetry={reload} />
      ) : (
        <View className='pt-found'>
          <Text className='ui-card__sub'>
            {state.data.total === 0
              ? '没有找到符合的成员。'
              : `共 ${state.data.total} 人${state.data.total > state.data.items.length ? `，显示前 ${state.data.items.length} 人，请输入姓名缩小范围` : ''}；点姓名选择。`}
          </Text>
          {state.data.items.map((m) => (
            <ListRow key={m.id} title={m.name} desc={memberLine(m)} onClick={() => onPick({ id: m.id, name: m.name })} />
          ))}
        </View>
      )}
    </View>
  )
}
