import Taro from '@tarojs/taro'
import { asEnvelope, networkFailure } from './errors'
import type { Envelope } from '@tongxin/shared-types'

/** 小程序端：通过微信云开发调用云函数，身份（OPENID）由微信在服务端注入 */
export async function callViaCloud<T>(name: string, action: string, data?: object): Promise<Envelope<T>> {
  try {
    const res = await Taro.cloud.callFunction({ name, data: { action, data } })
    return asEnvelope<T>(res.result)
  } catch {
    return networkFailure()
  }
}
