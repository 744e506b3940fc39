/**
 * 唯一的云函数客户端。页面只通过这里调用后端，从不直接用 Taro.cloud 或 fetch。
 * 任何失败都以信封返回（{ ok: false, error }），不会抛给页面。
 */
import type { ActionInput, ActionName, ActionOutput, DevIdentity, Envelope, FunctionName } from '@tongxin/shared-types'
import { useAppStore } from '../store'
import { callViaCloud } from './weappTransport'
import { callViaHttp, fetchDevIdentities } from './h5Transport'

export { NETWORK_ERROR_CODE } from './errors'

export function callFunction<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  data?: ActionInput<F, A>,
): Promise<Envelope<ActionOutput<F, A>>> {
  // TARO_ENV 是构建常量。写成 if/else（而不是提前 return），webpack 才会把另一端的分支连同它引入的模块一起丢掉
  if (process.env.TARO_ENV === 'weapp') {
    return callViaCloud(fn, action, data as object | undefined)
  } else {
    const devOpenid = useAppStore.getState().devIdentity?.openid ?? null
    return callViaHttp(fn, action, data as object | undefined, devOpenid)
  }
}

/** 本地模式下可选的演示身份；小程序里没有演示身份 */
export function listDevIdentities(): Promise<Envelope<DevIdentity[]>> {
  if (process.env.TARO_ENV === 'h5') {
    return fetchDevIdentities()
  } else {
    return Promise.resolve({ ok: true, data: [] })
  }
}
