/**
 * 已经回来的回答：H5 打开首页时，index.html 的内联脚本在应用的 JS 还在下载时就发出了首页要的请求（见 src/index.html）。
 * 它不发请求，只交出已到手的回答，所以不在 cloud.ts 里（页面测试替换 cloud.ts 时不受影响）。
 */
import type { ActionInput, ActionName, ActionOutput, Envelope, FunctionName } from '@tongxin/shared-types'
import { useAppStore } from '../store'
import { takeSettledViaHttp } from './h5Transport'

/**
 * 同一个调用的回答若此刻已在手边（H5 首页：index.html 预先发出的请求已成功回来），同步交出，只交一次；否则 undefined，
 * 照常用 callFunction 取。小程序里总是 undefined。给 useLoad / useMyRoles 的第一次渲染用。
 */
export function settledCall<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  data?: ActionInput<F, A>,
): Envelope<ActionOutput<F, A>> | undefined {
  if (process.env.TARO_ENV === 'weapp') {
    return undefined
  } else {
    const devOpenid = useAppStore.getState().devIdentity?.openid ?? null
    return takeSettledViaHttp(fn, action, data as object | undefined, devOpenid)
  }
}
