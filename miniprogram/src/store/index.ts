import Taro from '@tarojs/taro'
import { create } from 'zustand'
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware'
import { createSessionSlice, type SessionSlice } from './sessionSlice'
import { createUiSlice, type UiSlice } from './uiSlice'

export type AppState = SessionSlice & UiSlice

const STORAGE_KEY = 'tongxin-app'

/** Taro 的同步存储：小程序里是 wx storage，H5 里是 localStorage */
const taroStorage: StateStorage = {
  getItem: (name) => {
    const value: unknown = Taro.getStorageSync(name)
    return typeof value === 'string' && value !== '' ? value : null
  },
  setItem: (name, value) => Taro.setStorageSync(name, value),
  removeItem: (name) => Taro.removeStorageSync(name),
}

export const useAppStore = create<AppState>()(
  persist(
    (...a) => ({
      ...createSessionSlice(...a),
      ...createUiSlice(...a),
    }),
    {
      name: STORAGE_KEY,
      storage: createJSONStorage(() => taroStorage),
      // 只记住演示身份与大字模式；资料每次进入都重新取
      partialize: (s) => ({ devIdentity: s.devIdentity, elderMode: s.elderMode, elderModeChosen: s.elderModeChosen }),
    },
  ),
)

/** 测试用：清掉持久化内容，回到初始状态 */
export function resetStore(): void {
  useAppStore.persist.clearStorage()
  useAppStore.setState(useAppStore.getInitialState(), true)
}
