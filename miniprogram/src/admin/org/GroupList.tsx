import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { NamedRef, OrgTree } from '@tongxin/shared-types'
import { callFunction } from '../../services/cloud'
import { Button } from '../../components/Button'
import { TextField } from '../../components/Field'
import { Notice } from '../../components/Notice'
import '../../components/Card.scss'

export interface GroupListProps {
  kind: 'committee' | 'sector'
  items: NamedRef[]
  onDone: (tree: OrgTree, note: string) => void
}

const LABELS = { committee: '专委会', sector: '界别' } as const

/** 专委会或界别：列出、改名、新增 */
export function GroupList({ kind, items, onDone }: GroupListProps) {
  const label = LABELS[kind]
  const [editing, setEditing] = useState<string | null>(null)
  const [name, setName] = useState('')
  const [adding, setAdding] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const save = async (id: string | undefined, value: string) => {
    if (busy) return
    if (value.trim().length < 2) return setError('名称至少两个字')
    setBusy(true)
    setError(null)
    const res = await callFunction('org', 'saveGroup', id ? { kind, id, name: value.trim() } : { kind, name: value.trim() })
    setBusy(false)
    if (!res.ok) return setError(res.error.message)
    setEditing(null)
    setAdding('')
    onDone(res.data, id ? `已改名为 ${value.trim()}` : `已新增${label}：${value.trim()}`)
  }

  return (
    <View className='ui-card'>
      <Text className='ui-card__title'>
        {label}（{items.length}）
      </Text>
      {items.map((g) => (
        <View key={g.id} className='group-row'>
          {editing === g.id ? (
            <View className='group-row__edit'>
              <TextField label={`「${g.name}」改名为`} value={name} onChange={setName} maxlength={40} />
              <View className='ui-btn-row'>
                <Button kind='primary' off={busy} onClick={() => void save(g.id, name)}>
                  保存
                </Button>
                <Button onClick={() => setEditing(null)}>取消</Button>
              </View>
            </View>
          ) : (
            <View className='group-row__view'>
              <Text className='group-row__name'>{g.name}</Text>
              <Button
                className='group-row__btn'
                aria-label={`${g.name} 改名`}
                onClick={() => {
                  setEditing(g.id)
                  setName(g.name)
                  setError(null)
                }}
              >
                改名
              </Button>
            </View>
          )}
        </View>
      ))}
      <View className='group-add'>
        <TextField label={`新增${label}`} value={adding} onChange={setAdding} maxlength={40} placeholder='名称' />
        <Button kind='primary' block off={busy} onClick={() => void save(undefined, adding)}>
          添加{label}
        </Button>
      </View>
      {error && <Notice kind='error'>{error}</Notice>}
    </View>
  )
}
