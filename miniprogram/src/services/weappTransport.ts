import Taro from '@tarojs/taro'
import { asEnvelope, networkFailure, uploadFailure } from './errors'
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

/**
 * 小程序端的上传：先传到云存储的 uploads/ 下（函数只认这个目录），再把 fileID 交给云函数。
 * 路径带日期与随机串，不带原文件名（文件名另随调用传，只作显示）。
 */
export async function uploadViaCloud(filePath: string, fileName: string): Promise<Envelope<{ fileId: string }>> {
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(fileName)?.[0]?.toLowerCase() ?? ''
  const day = new Date().toISOString().slice(0, 10)
  const random = Math.random().toString(36).slice(2, 12)
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath: `uploads/${day}/${Date.now()}-${random}${ext}`, filePath })
    return { ok: true, data: { fileId: res.fileID } }
  } catch {
    return uploadFailure()
  }
}
