import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { PointsEntryView } from '@tongxin/shared-types'
import { TRACK_LABELS } from '@tongxin/shared-types/src/points'
import { entryBadges, entryTone, signedPoints } from '../shared/format'
import { formatDate } from '../../utils/time'

export interface EntryCardProps {
  entry: PointsEntryView
  /** 条目下方的操作（申诉、冲正） */
  children?: ReactNode
  /**
   * 本人看的台账：一条记录连同它的撤销算一项，写出经过（记分 → 申诉 → 答复 → 撤销），
   * 用“撤销”而不是记账的“冲正”。书记核对流水时不给，仍逐条列出冲正记录。
   */
  asHistory?: boolean
}

/** 一条积分记录：日期、带符号的分值、归类、服务端给的那句来由，以及冲正与申诉的状态 */
export function EntryCard({ entry, children, asHistory }: EntryCardProps) {
  const tone = entryTone(entry.points)
  const struck = entry.reversedByEntryId !== null
  const appeal = entry.appeal
  if (asHistory) return <HistoryCard entry={entry}>{children}</HistoryCard>
  return (
    <View className='pt-entry' data-entry-id={entry.id}>
      <View className='pt-entry__top'>
        <Text className='pt-entry__date'>{formatDate(entry.at)}</Text>
        <Text className={`pt-entry__points pt-entry__points--${tone}${struck ? ' pt-entry__points--struck' : ''}`}>{signedPoints(entry.points)} 分</Text>
      </View>
      <Text className='pt-entry__tag'>
        {TRACK_LABELS[entry.track]} · {entry.category} · {entry.ruleName}
      </Text>
      <Text className='pt-entry__explain'>{entry.explanation}</Text>
      {struck && <Text className='pt-entry__note'>这条记录已冲正：列表里另有一条相反的“冲正记录”与它相抵。</Text>}
      {entryBadges(entry).length > 0 && (
        <View className='pt-entry__badges'>
          {entryBadges(entry).map((b) => (
            <Text key={b.kind} className={`pt-badge pt-badge--${b.kind}`}>
              {b.label}
            </Text>
          ))}
        </View>
      )}
      {appeal && (
        <View className='pt-quote'>
          <Text className='pt-quote__line'>申诉理由：{appeal.reason}</Text>
          <Text className='pt-quote__who'>{formatDate(appeal.createdAt)} 提出</Text>
          {appeal.answer ? (
            <>
              <Text className='pt-quote__line'>答复：{appeal.answer}</Text>
              <Text className='pt-quote__who'>
                {appeal.answeredByName ?? '支部'}
                {appeal.answeredAt ? `于 ${formatDate(appeal.answeredAt)}` : ''}答复
              </Text>
            </>
          ) : (
            <Text className='pt-quote__who'>等待支部书记答复</Text>
          )}
        </View>
      )}
      {children}
    </View>
  )
}

/** 本人台账里的一项：现在算多少、一句话是什么事、经过 */
function HistoryCard({ entry, children }: { entry: PointsEntryView; children?: ReactNode }) {
  const reversed = entry.reversedByEntryId !== null
  const steps = entry.history.length > 1 ? entry.history : []
  return (
    <View className='pt-entry' data-entry-id={entry.id}>
      <View className='pt-entry__top'>
        <Text className='pt-entry__date'>{formatDate(entry.at)}</Text>
        <Text className={`pt-entry__points pt-entry__points--${entryTone(entry.net)}`}>
          {reversed ? `已撤销，现计 ${signedPoints(entry.net)} 分` : `${signedPoints(entry.points)} 分`}
        </Text>
      </View>
      <Text className='pt-entry__tag'>
        {TRACK_LABELS[entry.track]} · {entry.category} · {entry.ruleName}
      </Text>
      <Text className='pt-entry__explain'>{entry.explanation}</Text>
      {entry.appeal?.status === 'pending' && (
        <>
          <View className='pt-entry__badges'>
            <Text className='pt-badge pt-badge--appeal-pending'>申诉中</Text>
          </View>
          <View className='pt-quote'>
            <Text className='pt-quote__line'>申诉理由：{entry.appeal.reason}</Text>
            <Text className='pt-quote__who'>等待支部书记答复</Text>
          </View>
        </>
      )}
      {steps.length > 0 && (
        <View className='pt-quote' aria-label='经过'>
          {steps.map((h, i) => (
            <Text key={i} className='pt-quote__line'>
              {formatDate(h.at)} {h.text}
            </Text>
          ))}
        </View>
      )}
      {children}
    </View>
  )
}
