import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { RollCallView } from '@tongxin/shared-types'
import { callFunction } from '../../services/cloud'
import { useSubmit } from '../../hooks/useSubmit'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { TextArea } from '../../components/Field'
import { Notice } from '../../components/Notice'

export interface RollCallPanelProps {
  eventId: string
  /** 已签到的人数 */
  checkedIn: number
  /** 已签到、还没被点过的人数 */
  remaining: number
  onPicked: () => void
}

/** 随机点名：只在已签到的人里抽，同一场不会点到同一个人两次；可记下发言要点 */
export function RollCallPanel({ eventId, checkedIn, remaining, onPicked }: RollCallPanelProps) {
  const [picked, setPicked] = useState<RollCallView | null>(null)
  const [note, setNote] = useState('')
  // 点名与记要点共用一个：记的是刚点到的那位，两件事不能同时进行
  const { busy, error: problem, run, fail } = useSubmit()
  const [saved, setSaved] = useState(false)
  const exhausted = remaining === 0

  const pick = async () => {
    if (busy || exhausted) return
    const done = await run(() => callFunction('event', 'rollCall', { eventId }))
    if (!done) return
    setPicked(done.data)
    setNote('')
    setSaved(false)
    onPicked()
  }

  const saveNote = async () => {
    if (!picked || busy) return
    if (!note.trim()) return fail('请先写下发言要点')
    if (await run(() => callFunction('event', 'rollCallNote', { eventId, memberId: picked.memberId, note: note.trim() }))) setSaved(true)
  }

  return (
    <Card title='随机点名'>
      {picked && (
        <View className='rollcall'>
          <Text className='rollcall__order'>第 {picked.order} 位</Text>
          <Text className='rollcall__name'>{picked.name}</Text>
          <TextArea
            label={`${picked.name}的发言要点（可不记）`}
            value={note}
            onChange={(v) => {
              setNote(v)
              setSaved(false)
            }}
            maxlength={500}
          />
          {saved && <Notice kind='success'>已记下</Notice>}
          <Button block off={busy} onClick={() => void saveNote()}>
            记下发言要点
          </Button>
        </View>
      )}
      {problem && <Notice kind='error'>{problem.message}</Notice>}
      <Button kind='primary' size='big' block off={busy || exhausted} className='rollcall__pick' onClick={() => void pick()}>
        {checkedIn === 0 ? '还没有人签到' : exhausted ? '已签到的人都点过了' : picked ? '再点一位' : '随机点名'}
      </Button>
      <Text className='ui-muted'>{exhausted ? '有人新签到后可以继续点名。' : `在已签到的人里抽取，还可点 ${remaining} 人，不会重复。`}</Text>
    </Card>
  )
}
