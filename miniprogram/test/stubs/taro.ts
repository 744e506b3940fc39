/**
 * @tarojs/taro 的测试替身（jest.config.js 的 moduleNameMapper 对每个测试都换上它）：
 * 同步存储用内存 Map（每个测试前清空）；页面跳转、扫码、定位、设置页都是 jest.fn，测试断言去向或改写结果；
 * 地址参数用 setRouterParams 设定；networkBack 模拟网络恢复；云调用由测试自己替换。
 */
const storage = new Map<string, unknown>()
let routerParams: Record<string, string> = {}
const networkListeners = new Set<(res: { isConnected: boolean }) => void>()

/** 设定当前页面的地址参数（如 ?id=…、?scene=…） */
export function setRouterParams(params: Record<string, string>): void {
  routerParams = params
}

/** 模拟网络恢复：通知所有 onNetworkStatusChange 的监听者 */
export function networkBack(): void {
  for (const l of [...networkListeners]) l({ isConnected: true })
}

export const listenerCount = () => networkListeners.size

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
  navigateTo: jest.fn(() => Promise.resolve()),
  redirectTo: jest.fn(() => Promise.resolve()),
  reLaunch: jest.fn(() => Promise.resolve()),
  switchTab: jest.fn(() => Promise.resolve()),
  navigateBack: jest.fn(() => Promise.resolve()),
  getCurrentPages: () => [],
  showToast: jest.fn(() => Promise.resolve()),
  pageScrollTo: jest.fn(() => Promise.resolve()),
  pxTransform: (n: number) => `${n}px`,
  // 默认：取消扫码、拒绝定位；测试按需改写
  scanCode: jest.fn((): Promise<{ result: string; path?: string }> => Promise.reject({ errMsg: 'scanCode:fail cancel' })),
  getLocation: jest.fn((): Promise<{ latitude: number; longitude: number }> => Promise.reject(new Error('denied'))),
  openSetting: jest.fn(() => Promise.resolve({ authSetting: {} as Record<string, boolean> })),
  getAppBaseInfo: () => ({ fontSizeSetting: 17 }),
  getSystemInfoSync: () => ({ fontSizeSetting: 17 }),
  setKeepScreenOn: jest.fn(() => Promise.resolve()),
  setClipboardData: jest.fn(() => Promise.resolve()),
  // 默认：用户点了取消；测试按需改写为 { tapIndex }
  showActionSheet: jest.fn((_o: { itemList: string[] }): Promise<{ tapIndex: number }> => Promise.reject({ errMsg: 'showActionSheet:fail cancel' })),
  onNetworkStatusChange: (l: (res: { isConnected: boolean }) => void) => void networkListeners.add(l),
  offNetworkStatusChange: (l: (res: { isConnected: boolean }) => void) => void networkListeners.delete(l),
}

export const useRouter = () => ({ params: routerParams })
export const useLaunch = (_fn: () => void) => undefined
export const useDidShow = (_fn: () => void) => undefined
export const useDidHide = (_fn: () => void) => undefined
export default Taro
