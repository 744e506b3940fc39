/**
 * 订阅消息：在一次点击里向微信要这几类消息的一次性订阅，再把结果报给服务器（服务器记每类还能收几次）。
 * wx.requestSubscribeMessage 只能在点击里调用；H5 里没有（本地预览、办公室桌面端）：如实说“在微信里才能订阅”。
 */
import Taro from '@tarojs/taro'
import type { Envelope, MyRemindersView, TemplateKey } from '@tongxin/shared-types'
import { callFunction } from './cloud'

export type SubscribeOutcome =
  | { status: 'done'; accepted: number; view: MyRemindersView }
  /** 不在微信里（H5）：订阅不了，可以开通短信 */
  | { status: 'unavailable' }
  | { status: 'failed'; message: string }

type WxResult = Record<string, string>

export async function subscribeTo(keys: readonly TemplateKey[]): Promise<SubscribeOutcome> {
  const request = (Taro as unknown as { requestSubscribeMessage?: (o: { tmplIds: string[] }) => Promise<WxResult> }).requestSubscribeMessage
  if (process.env.TARO_ENV !== 'weapp' || typeof request !== 'function') return { status: 'unavailable' }
  const config = await callFunction('reminders', 'config')
  if (!config.ok) return { status: 'failed', message: config.error.message }
  const ids = config.data.templates.filter((t) => keys.includes(t.key)).map((t) => t.templateId)
  let answer: WxResult
  try {
    answer = await request({ tmplIds: ids })
  } catch {
    // 用户关掉了总开关或微信拒绝了这次请求：没订阅上，不算错误
    return { status: 'failed', message: '没有订阅成功：请在微信“设置 → 通知”里允许本小程序的订阅消息' }
  }
  const results = ids
    .filter((id) => typeof answer[id] === 'string')
    .map((id) => ({ templateId: id, result: answer[id] as 'accept' | 'reject' | 'ban' | 'filter' }))
  if (results.length === 0) return { status: 'failed', message: '没有订阅成功，请再试一次' }
  const res: Envelope<MyRemindersView> = await callFunction('reminders', 'subscribed', { results })
  if (!res.ok) return { status: 'failed', message: res.error.message }
  return { status: 'done', accepted: results.filter((r) => r.result === 'accept').length, view: res.data }
}
