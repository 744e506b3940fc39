import type { EventView } from '@tongxin/shared-types'
import { eventTimeLabel, timeNear } from '../../utils/time'

/**
 * 发到微信群里的会议通知：组织者一键复制、粘贴，不必再照着活动信息另打一遍。
 * 写明时间、地点、参加对象，以及到场怎么签到、不能来怎么请假；取消了的写成取消通知。
 */
export function eventNoticeText(e: EventView, link: string = eventDetailLink(e.id)): string {
  const head = [
    `【${e.status === 'cancelled' ? '取消通知' : '会议通知'}】${e.title}`,
    `时间：${eventTimeLabel(e.startsAt, e.endsAt)}`,
    `地点：${e.place}`,
    `参加：${e.audience.map((a) => a.name).join('、')}`,
  ]
  if (e.status === 'cancelled') return [...head, `本次活动已取消${e.cancelReason ? `（${e.cancelReason}）` : ''}，请相互转告。`].join('\n')
  return [
    ...head,
    `签到：${timeNear(e.checkinOpensAt, e.startsAt)} 起在会场扫大屏上的二维码，${timeNear(e.lateAfter, e.startsAt)} 以后算迟到。`,
    ...(e.locationCheck ? ['签到时会确认您在会场附近（只核对一次，不保存位置）。'] : []),
    '不能参加的，请在“同心圆”小程序里打开这场活动请假，写明原因。',
    `打开这场活动：${link}`,
    `组织者：${e.organiserName}`,
  ].join('\n')
}

/** 会开始后提醒还没到的人（粘贴到微信群）：只列应到、未签到、也没请假的 */
export function absentNoticeText(title: string, names: readonly string[]): string {
  return `「${title}」还有 ${names.length} 位同志未签到：${names.join('、')}。请尽快到会场扫码签到；不能参加的，请在“同心圆”小程序里请假。`
}

/**
 * 活动详情页（参加的人都能打开：看信息、请假、签到）的链接。H5（办公室桌面端、本地预览）是完整网址；
 * 小程序里是页面路径，成员在“同心圆”小程序里打开。
 */
export function eventDetailLink(id: string, h5Base: string | null = currentH5Base()): string {
  const path = `/events/detail/index?id=${encodeURIComponent(id)}`
  return h5Base ? `${h5Base}#${path}` : path
}

/** H5 里当前页面的网址（去掉 # 之后的路由）；小程序里为 null */
function currentH5Base(): string | null {
  if (process.env.TARO_ENV !== 'h5' || typeof location === 'undefined') return null
  return `${location.origin}${location.pathname}`
}
