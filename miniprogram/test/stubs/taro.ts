/**
 * @tarojs/taro 的测试替身：同步存储用内存 Map（测试之间清空），云调用由测试自己替换。
 */
const storage = new Map<string, unknown>()

export const cloud = {
  init: (_options?: unknown) => undefined,
  callFunction: async (_params: unknown): Promise<{ result: unknown }> => {
    throw new Error('测试里请先替换 Taro.cloud.callFunction')
  },
}

const Taro = {
  getStorageSync: (key: string): unknown => (storage.has(key) ? storage.get(key) : ''),
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
  clearStorageSync: () => storage.clear(),
  cloud,
}

export const useLaunch = (_fn: () => void) => undefined
export const useDidShow = (_fn: () => void) => undefined
export default Taro
