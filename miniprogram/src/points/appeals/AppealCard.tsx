import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { PointsAppealView } from '@tongxin/shared-types'
import { callFunction } from '../../services/cloud'
import { formatDate } from '../../utils/time'
import { Button } from '../../components/Button'
import { TextArea } from '../../components/Field'
import { Notice } from '../../components/Notice'
import '../../components/Card.scss'

export interface AppealCardProps {
  appeal: PointsAppealView
  /** 答复成功后 */
  onAnswered: (answered: PointsAppealView) => void
}

const STATUS_LABELS: Record<PointsAppealView['status'], string> = { pending: '待答复', accepted: '已采纳', rejected: '未采纳' }

/** 一件申诉：谁、对哪条记分、为什么；待答复的就地写答复，选采纳或驳回 */
export function AppealCard({ appeal, onAnswered }: AppealCardProps) {
  const [answer, setAnswer] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(accept: boolean) {
    if (answer.trim().length < 2) return setError('请写明答复（至少 2 个字），本人会看到')
    setError(null)
    setBusy(true)
    const res = await callFunction('points', 'answerAppeal', { appealId: appeal.id, accept, answer: answer.trim() })
    setBusy(false)
    if (res.ok) onAnswered(res.data)
    else setError(res.error.message)
  }

  return (
    <View className='ui-card' data-appeal-id={appeal.id}>
      <View className='pt-appeal__head'>
        <Text className='ui-card__title'>{appeal.memberName}</Text>
        <Text className={`pt-badge pt-badge--appeal-${appeal.status}`}>{STATUS_LABELS[appeal.status]}</Text>
      </View>
      <View className='pt-kv'>
        <Text className='pt-kv__k'>申诉的记分</Text>
        <Text className='pt-kv__v'>{appeal.entrySummary}</Text>
      </View>
      <View className='pt-kv'>
        <Text className='pt-kv__k'>申诉理由</Text>
        <Text className='pt-kv__v'>{appeal.reason}</Text>
      </View>
      <View className='pt-kv'>
        <Text className='pt-kv__k'>提出日期</Text>
        <Text className='pt-kv__v'>{formatDate(appeal.createdAt)}</Text>
      </View>
      {appeal.answer && (
        <View className='pt-kv'>
          <Text className='pt-kv__k'>答复</Text>
          <Text className='pt-kv__v'>
            {appeal.answer}（{appeal.answeredByName ?? ''}
            {appeal.answeredAt ? ` ${formatDate(appeal.answeredAt)}` : ''}）
          </Text>
        </View>
      )}
      {appeal.status === 'pending' && (
        <View>
          <TextArea
            label='答复'
            maxlength={500}
            value={answer}
            onChange={setAnswer}
            placeholder='写明采纳或不采纳的理由'
            hint='采纳：原记录自动冲正（新增一条相反的记录）。驳回：记分不变。答复会显示在本人的“我的积分”里。'
          />
          {error && <Notice kind='error'>{error}</Notice>}
          <View className='ui-btn-row'>
            <Button kind='primary' off={busy} onClick={() => submit(true)}>
              采纳并冲正
            </Button>
            <Button off={busy} onClick={() => submit(false)}>
              驳回
            </Button>
          </View>
        </View>
      )}
    </View>
  )
}
