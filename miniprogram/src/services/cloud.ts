/**
 * 唯一的云函数客户端。页面只通过这里调用后端，从不直接用 Taro.cloud 或 fetch。
 * 任何失败都以信封返回（{ ok: false, error }），不会抛给页面。
 */
import type { ActionInput, ActionName, ActionOutput, DevIdentity, Envelope, FunctionName } from '@tongxin/shared-types'
import { useAppStore } from '../store'
import { callViaCloud, uploadViaCloud } from './weappTransport'
import { callViaHttp, fetchDevIdentities, uploadViaHttp } from './h5Transport'

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

/** 要上传的文件：H5 里是浏览器给的 Blob，小程序里是临时文件路径 */
export interface UploadSource {
  name: string
  size: number
  blob?: Blob
  path?: string
}

/**
 * 上传一个文件，交回函数认得的 id（小程序：云存储 fileID；本地：宿主给的 id）。
 * 文件从不随云函数调用发送；大小与类型由函数取回后自己再查。
 */
export function uploadFile(source: UploadSource): Promise<Envelope<{ fileId: string }>> {
  if (process.env.TARO_ENV === 'weapp') {
    return uploadViaCloud(source.path ?? '', source.name)
  } else {
    const devOpenid = useAppStore.getState().devIdentity?.openid ?? null
    return uploadViaHttp(source.blob ?? new Blob([]), devOpenid)
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
