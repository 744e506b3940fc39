import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { PointsAppealView } from '@tongxin/shared-types'
import { callFunction } from '../../services/cloud'
import { useSubmit } from '../../hooks/useSubmit'
import { useAppStore } from '../../store'
import { formatDate } from '../../utils/time'
import { Button } from '../../components/Button'
import { TextArea } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { InfoRow } from '../../components/Card'
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
  // 采纳与驳回是同一件申诉的两种答复：一个在提交时另一个也失效
  const { busy, error, run, fail } = useSubmit()
  // 评定人不裁决对自己评定的申诉（服务端同样拒绝）：只看，不答
  const myId = useAppStore((s) => s.profile?.id)
  const ownEntry = appeal.entryOperatorId !== null && appeal.entryOperatorId === myId

  async function submit(accept: boolean) {
    if (answer.trim().length < 2) return fail('请写明答复（至少 2 个字），本人会看到')
    const done = await run(() => callFunction('points', 'answerAppeal', { appealId: appeal.id, accept, answer: answer.trim() }))
    if (done) onAnswered(done.data)
  }

  return (
    <View className='ui-card' data-appeal-id={appeal.id}>
      <View className='pt-appeal__head'>
        <Text className='ui-card__title'>{appeal.memberName}</Text>
        <Text className={`pt-badge pt-badge--appeal-${appeal.status}`}>{STATUS_LABELS[appeal.status]}</Text>
      </View>
      <InfoRow divided label='申诉的记分' value={appeal.entrySummary} />
      <InfoRow divided label='评定理由' value={appeal.entryReason || '（未写）'} />
      <InfoRow divided label='申诉理由' value={appeal.reason} />
      <InfoRow divided label='提出日期' value={formatDate(appeal.createdAt)} />
      {appeal.answer && (
        <InfoRow
          divided
          label='答复'
          value={`${appeal.answer}（${appeal.answeredByName ?? ''}${appeal.answeredAt ? ` ${formatDate(appeal.answeredAt)}` : ''}）`}
        />
      )}
      {appeal.status === 'pending' && ownEntry && <Notice kind='info'>这条记分是您评定的，申诉须由支部的另一位书记或政协办公室答复。</Notice>}
      {appeal.status === 'pending' && !ownEntry && (
        <View>
          <TextArea
            label='答复'
            maxlength={500}
            value={answer}
            onChange={setAnswer}
            placeholder='写明采纳或不采纳的理由'
            hint='采纳：原记录自动冲正（新增一条相反的记录）。驳回：记分不变。答复会显示在本人的“我的积分”里。'
          />
          {error && <Notice kind='error'>{error.message}</Notice>}
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
