import type { PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import { useAppStore } from './store'
import { systemFontIsLarge } from './utils/systemFont'
import './app.scss'

// H5 自带的 tabBar 字只有 10px，长辈看不清；这份覆盖只进 H5 包
// 用 require 而不用 import：条件分支在 weapp 构建里整段删掉，两个模块不进小程序包
if (process.env.TARO_ENV === 'h5') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./styles/h5-overrides.scss')
  // Taro H5 运行时的两处无障碍缺口（页面容器不可聚焦、输入框外层点不中），见 utils/h5Accessibility
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ;(require('./utils/h5Accessibility') as typeof import('./utils/h5Accessibility')).installH5Accessibility()
}

/** 微信云开发初始化：环境 ID 由构建常量给出，未给出时用当前环境 */
function initCloud() {
  if (process.env.TARO_ENV !== 'weapp') return
  // wx.cloud 上有 DYNAMIC_CURRENT_ENV，Taro 的类型里没有
  const cloud = Taro.cloud as typeof Taro.cloud & { DYNAMIC_CURRENT_ENV: string }
  cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || cloud.DYNAMIC_CURRENT_ENV, traceUser: true })
}

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initCloud()
    // 关怀模式 / 微信字体调大：本人没亲手选过时自动打开大字模式
    useAppStore.getState().followSystemFont(systemFontIsLarge())
  })
  // children 是将要渲染的页面
  return children
}

export default App
