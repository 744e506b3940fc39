/**
 * 调起相机扫码，并把“没给相机权限”与“自己取消了”分开：前者要告诉本人去哪里打开权限，
 * 后者什么也不用说。首页、签到页与活动详情页共用，所以放在主包里。
 */
import Taro from '@tarojs/taro'

export type ScanAttempt = { kind: 'scanned'; text: string } | { kind: 'cancelled' } | { kind: 'camera-denied' }

/**
 * 微信的失败说明（errMsg）：用户拒绝授权是「scanCode:fail auth deny」「…authorize no response」，
 * 手机系统没给微信相机权限是「…system permission denied」之类；取消是「scanCode:fail cancel」。
 */
export function isPermissionDenied(err: unknown): boolean {
  const message =
    typeof err === 'object' && err !== null
      ? String((err as { errMsg?: unknown; message?: unknown }).errMsg ?? (err as { message?: unknown }).message ?? '')
      : String(err)
  return /auth|permission|deny|denied/i.test(message) && !/cancel/i.test(message)
}

export async function scanOnce(): Promise<ScanAttempt> {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true })
    return { kind: 'scanned', text: res.path || res.result }
  } catch (err) {
    return isPermissionDenied(err) ? { kind: 'camera-denied' } : { kind: 'cancelled' }
  }
}

/** 打开小程序的设置页让本人打开「相机」；回来时告诉调用方现在是否已允许（openSetting 只能由点击触发） */
export async function openCameraSetting(): Promise<boolean> {
  try {
    const res = await Taro.openSetting()
    return Boolean(res.authSetting?.['scope.camera'])
  } catch {
    return false
  }
}
