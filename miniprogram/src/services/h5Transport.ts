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

/**
 * index.html 里的内联脚本在 JS 还在下载时就发出了首页的三个请求（见 src/index.html），放在 window.__txPreload；
 * 已回来的回答同时记在 window.__txSettled。同一个函数、同一个请求体、同一个身份的第一次调用直接接过它，之后的调用照常请求。
 */
interface Preloaded {
  __txPreload?: Record<string, Promise<unknown>>
  __txSettled?: Record<string, unknown>
}

function preloadKey(name: string, body: string, devOpenid: string | null): string {
  return `${name} ${body} ${devOpenid ?? ''}`
}

function takePreloaded(key: string): Promise<unknown> | undefined {
  const g = globalThis as Preloaded
  const hit = g.__txPreload?.[key]
  if (hit) delete g.__txPreload?.[key]
  if (g.__txSettled) delete g.__txSettled[key]
  return hit
}

/**
 * 预先发出的请求若已成功回来，同步交出它的回答（只交一次，之后的调用照常请求）；还没回来、失败或不是这个请求时为 undefined。
 * 页面第一次渲染就用它，省掉“先画骨架屏、下一轮再换成内容”的一整轮渲染。失败的回答留给 callViaHttp 照常报错。
 */
export function takeSettledViaHttp<T>(name: string, action: string, data: object | undefined, devOpenid: string | null): Envelope<T> | undefined {
  const g = globalThis as Preloaded
  const key = preloadKey(name, JSON.stringify({ action, data }), devOpenid)
  if (!g.__txSettled || !(key in g.__txSettled)) return undefined
  const envelope = asEnvelope<T>(g.__txSettled[key])
  if (!envelope.ok) return undefined
  takePreloaded(key)
  return envelope
}

/** H5 端：POST /api/fn/<函数>，演示身份放在 x-dev-openid 头里（只有本地宿主认它） */
export function callViaHttp<T>(name: string, action: string, data: object | undefined, devOpenid: string | null): Promise<Envelope<T>> {
  const body = JSON.stringify({ action, data })
  const preloaded = takePreloaded(preloadKey(name, body, devOpenid))
  if (preloaded) {
    return preloaded.then(
      (json) => asEnvelope<T>(json),
      () => networkFailure(),
    )
  }
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (devOpenid) headers['x-dev-openid'] = devOpenid
  return request<T>(`/api/fn/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers,
    body,
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
