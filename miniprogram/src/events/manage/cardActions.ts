import type { EventView } from '@tongxin/shared-types'

/** 活动此刻在哪一段（组织者看）：开始签到之前、签到到散会、已散会、已定案、已取消 */
export type EventMoment = 'before' | 'during' | 'ended' | 'finalized' | 'cancelled'

export function eventMoment(e: Pick<EventView, 'status' | 'finalizedAt' | 'checkinOpensAt' | 'endsAt'>, now: number): EventMoment {
  if (e.status === 'cancelled') return 'cancelled'
  if (e.finalizedAt) return 'finalized'
  if (now >= Date.parse(e.endsAt)) return 'ended'
  return now >= Date.parse(e.checkinOpensAt) ? 'during' : 'before'
}

export type CardAction = 'edit' | 'screen' | 'attendance' | 'copy' | 'notice'

export interface CardActions {
  /** 这一刻最该做的一件事：卡片上唯一的主按钮 */
  main: { action: CardAction; label: string }
  /** 其余的，收在“更多”里（showActionSheet 至多 6 项） */
  more: Array<{ action: CardAction; label: string }>
}

/** 签到开始前这么久起，主操作就换成签到大屏：组织者提前到会场架好投影 */
export const SCREEN_LEAD_MS = 60 * 60_000

/**
 * 组织者卡片上的按钮：一个合乎此刻的主操作，其余收进“更多”。
 * 会前先改（时间地点还会变），开放签到前一小时起先开大屏；签到时开大屏；散会以后、定案以后先看记录（签到名单与会议记录），大屏不再摆在前面；
 * 取消了的先改期重办。
 */
export function cardActions(e: Pick<EventView, 'status' | 'finalizedAt' | 'checkinOpensAt' | 'endsAt'>, now: number): CardActions {
  const moment = eventMoment(e, now)
  const record = { action: 'attendance' as const, label: '签到名单与会议记录' }
  const screen = { action: 'screen' as const, label: '签到大屏' }
  const edit = { action: 'edit' as const, label: '修改活动' }
  const copy = { action: 'copy' as const, label: moment === 'cancelled' ? '改期重办' : '照此再办一场' }
  const notice = { action: 'notice' as const, label: moment === 'cancelled' ? '复制取消通知' : '复制会议通知' }
  switch (moment) {
    case 'before':
      return now >= Date.parse(e.checkinOpensAt) - SCREEN_LEAD_MS
        ? { main: screen, more: [edit, record, notice, copy] }
        : { main: edit, more: [screen, record, notice, copy] }
    case 'during':
      return { main: screen, more: [record, edit, notice, copy] }
    case 'ended':
      return { main: record, more: [screen, edit, copy, notice] }
    case 'finalized':
      // 定案后不再改、不再开大屏
      return { main: record, more: [copy, notice] }
    case 'cancelled':
      return { main: copy, more: [record, notice] }
  }
}
