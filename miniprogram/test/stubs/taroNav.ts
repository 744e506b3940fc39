/**
 * 管理页与绑定页测试用：在 stubs/taro 之上补页面跳转（jest.fn，测试断言去向）与 useRouter 参数。
 * 用法：jest.mock('@tarojs/taro', () => jest.requireActual('<本文件>').taroNav())
 */
let routerParams: Record<string, string> = {}

/** 设定当前页面的地址参数（如 ?id=…） */
export function setRouterParams(params: Record<string, string>): void {
  routerParams = params
}

export function taroNav() {
  const base = jest.requireActual('./taro')
  const nav = {
    navigateTo: jest.fn(() => Promise.resolve()),
    redirectTo: jest.fn(() => Promise.resolve()),
    reLaunch: jest.fn(() => Promise.resolve()),
    navigateBack: jest.fn(() => Promise.resolve()),
    showToast: jest.fn(() => Promise.resolve()),
    pxTransform: (n: number) => `${n}px`,
    pageScrollTo: jest.fn(() => Promise.resolve()),
  }
  return {
    __esModule: true,
    ...base,
    default: { ...base.default, ...nav },
    useRouter: () => ({ params: routerParams }),
  }
}
