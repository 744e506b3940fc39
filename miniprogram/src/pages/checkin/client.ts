/**
 * 扫码签到的客户端：认出签到码、提交、断网时记下扫码（令牌 + 扫码时间）并在联网后补交。
 * 签到页、首页与活动详情页共用，所以放在主包里；只依赖 Taro、云函数客户端与 store。
 */
import Taro from '@tarojs/taro'
import type { CheckinResult, Envelope } from '@tongxin/shared-types'
import { callFunction } from '../../services/cloud'
import { NETWORK_ERROR_CODE } from '../../services/errors'
import { useAppStore } from '../../store'

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

/**
 * 扫到的内容 → 令牌。大屏上的普通二维码就是令牌本身；小程序码给的是
 * 「pages/checkin/index?scene=令牌」这样的路径（scene 经过 URL 编码）。认不出时为 null。
 */
export function tokenFromScan(text: string | null | undefined): string | null {
  if (!text) return null
  const raw = text.trim()
  const scene = /[?&]scene=([^&#]*)/.exec(raw)
  let token = scene ? scene[1] : raw
  try {
    token = decodeURIComponent(token).trim()
  } catch {
    return null
  }
  return TOKEN_PATTERN.test(token) ? token : null
}

/** 位置只在活动要求时取一次、随这次签到发出，不存到任何地方 */
export async function locateOnce(): Promise<{ lat: number; lng: number } | null> {
  try {
    const res = await Taro.getLocation({ type: 'wgs84' })
    return { lat: res.latitude, lng: res.longitude }
  } catch {
    return null
  }
}

export const LOCATION_DENIED_MESSAGE = '这场活动需要确认您在会场附近。请允许小程序获取位置后再试。'

/** 提交一次扫码签到；活动要求位置时取一次位置再交 */
async function send(token: string, eventId: string | undefined, scannedAt: string | undefined): Promise<Envelope<CheckinResult>> {
  const base = { token, ...(eventId ? { eventId } : {}), ...(scannedAt ? { scannedAt } : {}) }
  const res = await callFunction('event', 'checkin', base)
  if (res.ok || res.error.code !== 'CHECKIN.LOCATION_REQUIRED') return res
  const location = await locateOnce()
  if (!location) return { ok: false, error: { code: res.error.code, message: LOCATION_DENIED_MESSAGE } }
  return callFunction('event', 'checkin', { ...base, location })
}

/** 一次扫码的结局：签上了（或早已签过）、断网已记下、被拒绝（带服务器的中文提示） */
export type ScanOutcome = { kind: 'done'; result: CheckinResult } | { kind: 'queued'; scannedAt: string } | { kind: 'failed'; code: string; message: string }

function toOutcome(res: Envelope<CheckinResult>): Exclude<ScanOutcome, { kind: 'queued' }> {
  return res.ok ? { kind: 'done', result: res.data } : { kind: 'failed', code: res.error.code, message: res.error.message }
}

/**
 * 扫码后立即签到。网络不通时把扫码记下（服务器认扫码那一刻有效、且 10 分钟内送达的码），返回 queued。
 * scannedAt 是扫到码的时间，由调用方在扫到码时取下。刚扫时不必带上它（服务器按收到的时刻判断）；
 * 扫码之后先去做了别的（如先绑定身份）再交的，带上 scannedEarlier，服务器按扫码那一刻判断。
 */
export async function checkInWithToken(token: string, scannedAt: string, eventId?: string, options: { scannedEarlier?: boolean } = {}): Promise<ScanOutcome> {
  const res = await send(token, eventId, options.scannedEarlier ? scannedAt : undefined)
  if (!res.ok && res.error.code === NETWORK_ERROR_CODE) {
    queueScan({ token, eventId, scannedAt })
    return { kind: 'queued', scannedAt }
  }
  return toOutcome(res)
}

// ——— 待补交的扫码（Taro 存储；本地模式下按演示身份分开，换身份不会替别人签到） ———

export interface PendingScan {
  token: string
  eventId?: string
  scannedAt: string
  /** 本地模式的演示身份；小程序里恒为 null */
  who: string | null
}

const STORAGE_KEY = 'tongxin-pending-scans'
const MAX_PENDING = 20
const currentWho = () => useAppStore.getState().devIdentity?.openid ?? null

function readAll(): PendingScan[] {
  const value: unknown = Taro.getStorageSync(STORAGE_KEY)
  if (!Array.isArray(value)) return []
  return value.filter((s): s is PendingScan => typeof s?.token === 'string' && typeof s?.scannedAt === 'string')
}

function writeAll(list: PendingScan[]): void {
  if (list.length === 0) Taro.removeStorageSync(STORAGE_KEY)
  else Taro.setStorageSync(STORAGE_KEY, list.slice(-MAX_PENDING))
}

const same = (a: PendingScan, b: PendingScan) => a.token === b.token && a.who === b.who

function queueScan(scan: Omit<PendingScan, 'who'>): void {
  const entry: PendingScan = { ...scan, who: currentWho() }
  writeAll([...readAll().filter((s) => !same(s, entry)), entry])
}

/** 当前身份还没送到的扫码 */
export function pendingScans(): PendingScan[] {
  const who = currentWho()
  return readAll().filter((s) => s.who === who)
}

export interface FlushReport {
  /** 本次送到的（成功、已签过或被拒绝），按扫码先后 */
  settled: Array<{ scan: PendingScan; outcome: Exclude<ScanOutcome, { kind: 'queued' }> }>
  /** 仍然没送到的条数 */
  remaining: number
}

let flushing: Promise<FlushReport> | null = null

/** 补交记下的扫码（带扫码时间）。仍然断网就停下，留待下次；同时只跑一轮。 */
export function flushPendingScans(): Promise<FlushReport> {
  if (!flushing) {
    flushing = (async () => {
      const settled: FlushReport['settled'] = []
      for (const scan of pendingScans()) {
        const res = await send(scan.token, scan.eventId, scan.scannedAt)
        if (!res.ok && res.error.code === NETWORK_ERROR_CODE) break
        writeAll(readAll().filter((s) => !same(s, scan)))
        settled.push({ scan, outcome: toOutcome(res) })
      }
      return { settled, remaining: pendingScans().length }
    })().finally(() => {
      flushing = null
    })
  }
  return flushing
}

/**
 * 网络恢复时回调（小程序：onNetworkStatusChange；浏览器另听 online 事件）。返回取消函数。
 */
export function onReconnect(callback: () => void): () => void {
  const listener = (res: { isConnected: boolean }) => {
    if (res.isConnected) callback()
  }
  Taro.onNetworkStatusChange(listener)
  const online = () => callback()
  const win = process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' ? window : null
  win?.addEventListener('online', online)
  return () => {
    Taro.offNetworkStatusChange?.(listener)
    win?.removeEventListener('online', online)
  }
}
