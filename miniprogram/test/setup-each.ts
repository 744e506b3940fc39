import Taro from '@tarojs/taro'
import { cleanup } from '@testing-library/react'
import { resetStore } from '../src/store'

// 每个测试从干净的存储与 store 开始
beforeEach(() => {
  Taro.clearStorageSync()
  resetStore()
})

afterEach(() => {
  cleanup()
})
