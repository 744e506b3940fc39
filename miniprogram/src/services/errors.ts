import type { Envelope } from '@tongxin/shared-types'
import { CLIENT_ERROR_MESSAGES as ERROR_MESSAGES } from '@tongxin/shared-types/src/errors-client'

/** 请求没能到达服务器（断网、超时、云调用失败）。客户端自己的错误码，用命名空间与服务端区分。 */
export const NETWORK_ERROR_CODE = 'CLIENT.NETWORK'
export const NETWORK_MESSAGE = ERROR_MESSAGES[NETWORK_ERROR_CODE]

export function networkFailure(): Envelope<never> {
  return { ok: false, error: { code: NETWORK_ERROR_CODE, message: NETWORK_MESSAGE } }
}

/** 文件没能传到存储（断网、被取消） */
export function uploadFailure(): Envelope<never> {
  return { ok: false, error: { code: 'CLIENT.UPLOAD_FAILED', message: ERROR_MESSAGES['CLIENT.UPLOAD_FAILED'] } }
}

/** 服务器回了话，但不是信封（宿主崩溃、网关报错）。 */
export function internalFailure(): Envelope<never> {
  return { ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } }
}

/** 只认 { ok: true, data } 或 { ok: false, error: { code, message } } */
export function asEnvelope<T>(value: unknown): Envelope<T> {
  if (typeof value !== 'object' || value === null) return internalFailure()
  const v = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } }
  if (v.ok === true && 'data' in v) return value as Envelope<T>
  if (v.ok === false && typeof v.error?.code === 'string' && typeof v.error.message === 'string') {
    return value as Envelope<T>
  }
  return internalFailure()
}
