/**
 * events 与首页、签到页测试用的 Taro 替身（不依赖别的分包的测试替身）：
 * - components()：把 Taro 组件画成普通 DOM，保留 className、onClick、role、aria-*、data-*，补上输入框、图片与选择器；
 * - taro()：内存存储（沿用 test/stubs/taro）、页面跳转（jest.fn）、地址参数、扫码与定位（jest.fn）、可手动触发的“网络恢复”。
 * 用法：jest.mock('@tarojs/taro', () => jest.requireActual('./stubs').taro())
 */
import { createElement, type ReactNode } from 'react'

type Props = { children?: ReactNode; [key: string]: unknown }

function domProps(props: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(props)) {
    if (['className', 'onClick', 'role', 'id', 'src'].includes(k) || k.startsWith('aria-') || k.startsWith('data-')) out[k] = v
  }
  return out
}

const tag = (name: string, extra: Record<string, unknown> = {}) =>
  function Stub(props: Props) {
    return createElement(name, { ...domProps(props), ...extra }, props.children as ReactNode)
  }

const field = (name: 'input' | 'textarea') =>
  function FieldStub(props: Props & { value?: string; onInput?: (e: { detail: { value: string } }) => void }) {
    return createElement(name, {
      ...domProps(props),
      value: props.value ?? '',
      onChange: (e: { target: { value: string } }) => props.onInput?.({ detail: { value: e.target.value } }),
    })
  }

function Picker(props: Props & { value?: string; onChange?: (e: { detail: { value: string } }) => void }) {
  return createElement('div', { 'data-picker': props.value }, props.children as ReactNode)
}

export function components() {
  return {
    __esModule: true,
    View: tag('div'),
    Text: tag('span'),
    Button: tag('button', { type: 'button' }),
    Image: tag('img'),
    ScrollView: tag('div'),
    Input: field('input'),
    Textarea: field('textarea'),
    Picker,
  }
}

// ——— @tarojs/taro ———

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

export function taro() {
  const base = jest.requireActual('../stubs/taro')
  const api = {
    navigateTo: jest.fn(() => Promise.resolve()),
    redirectTo: jest.fn(() => Promise.resolve()),
    switchTab: jest.fn(() => Promise.resolve()),
    navigateBack: jest.fn(() => Promise.resolve()),
    scanCode: jest.fn(() => Promise.reject(new Error('cancel'))),
    getLocation: jest.fn(() => Promise.reject(new Error('denied'))),
    setKeepScreenOn: jest.fn(() => Promise.resolve()),
    setClipboardData: jest.fn(() => Promise.resolve()),
    onNetworkStatusChange: (l: (res: { isConnected: boolean }) => void) => void networkListeners.add(l),
    offNetworkStatusChange: (l: (res: { isConnected: boolean }) => void) => void networkListeners.delete(l),
  }
  return {
    __esModule: true,
    ...base,
    default: { ...base.default, ...api },
    useRouter: () => ({ params: routerParams }),
    useDidShow: () => undefined,
    useDidHide: () => undefined,
  }
}
