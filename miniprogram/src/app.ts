import type { PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import { useAppStore } from './store'
import { systemFontIsLarge } from './utils/systemFont'
import './app.scss'

// H5 自带的 tabBar 字只有 10px，长辈看不清；这份覆盖只进 H5 包
if (process.env.TARO_ENV === 'h5') {
  require('./styles/h5-overrides.scss')
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
