import type { DevIdentity, Envelope } from '@tongxin/shared-types'
import { asEnvelope, internalFailure, networkFailure } from './errors'

const TIMEOUT_MS = 15000

async function request<T>(url: string, init: RequestInit): Promise<Envelope<T>> {
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined
  const timer = controller ? setTimeout(() => controller.abort(), TIMEOUT_MS) : undefined
  let res: Response
  try {
    res = await fetch(url, { ...init, signal: controller?.signal })
  } catch {
    return networkFailure()
  } finally {
    if (timer) clearTimeout(timer)
  }
  try {
    return asEnvelope<T>(await res.json())
  } catch {
    return internalFailure()
  }
}

/** H5 端：POST /api/fn/<函数>，演示身份放在 x-dev-openid 头里（只有本地宿主认它） */
export function callViaHttp<T>(
  name: string,
  action: string,
  data: object | undefined,
  devOpenid: string | null,
): Promise<Envelope<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (devOpenid) headers['x-dev-openid'] = devOpenid
  return request<T>(`/api/fn/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ action, data }),
  })
}

/** 本地宿主上的演示身份列表 */
export function fetchDevIdentities(): Promise<Envelope<DevIdentity[]>> {
  return request<DevIdentity[]>('/api/dev/identities', { method: 'GET' })
}

/** H5 端的上传：把文件原样 POST 到本地宿主的 /api/upload（只有本地模式有），交回 id */
export function uploadViaHttp(body: Blob, devOpenid: string | null): Promise<Envelope<{ fileId: string }>> {
  const headers: Record<string, string> = { 'content-type': 'application/octet-stream' }
  if (devOpenid) headers['x-dev-openid'] = devOpenid
  return request<{ fileId: string }>('/api/upload', { method: 'POST', headers, body })
}
