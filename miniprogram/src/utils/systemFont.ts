/** 微信默认字号 17；关怀模式或“字体大小”调大后更大（最大约 28） */
const DEFAULT_FONT_SIZE = 17

/**
 * 微信里本人是否调大了字体（含关怀模式）。小程序页面的字不随微信字号缩放，
 * 所以读出来交给大字模式。H5 里浏览器自己的缩放照常生效，这里返回 false。
 */
export function systemFontIsLarge(): boolean {
  // 整段只在 weapp 构建里：H5 构建里条件为假，webpack 不解析其中的 require。若照常 import Taro，H5 会为
  // getSystemInfoSync 带进 taro-h5 的设备信息模块，它在加载时就用 platform.js 解析 UA（慢机上约 40 ms，见 ui.h5_first_content_ms）
  if (process.env.TARO_ENV === 'weapp') {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const Taro = require('@tarojs/taro') as typeof import('@tarojs/taro')
      // 基础库 2.20.1 起有 getAppBaseInfo；更早的用 getSystemInfoSync
      const info = typeof Taro.getAppBaseInfo === 'function' ? Taro.getAppBaseInfo() : Taro.getSystemInfoSync()
      const size = Number((info as { fontSizeSetting?: number }).fontSizeSetting)
      return Number.isFinite(size) && size > DEFAULT_FONT_SIZE
    } catch {
      return false
    }
  }
  return false
}
