import type { Envelope } from '@tongxin/shared-types'
import { callFunction } from '../../src/services/cloud'

export type Handler = (data: unknown) => Envelope<unknown>
export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data })
export const fail = (code: string, message: string): Envelope<never> => ({ ok: false, error: { code: code as 'INTERNAL', message } })

/**
 * 按「函数.操作」回答客户端调用；没配的操作按服务器内部错误回答，测试里一眼看得出漏了什么。
 * 返回 mock 本身，便于断言调用参数。
 */
export function routeCalls(handlers: Record<string, Handler>): jest.Mock {
  const mock = callFunction as unknown as jest.Mock
  mock.mockReset()
  mock.mockImplementation(async (fn: string, action: string, data: unknown) => {
    const h = handlers[`${fn}.${action}`]
    return h ? h(data) : fail('INTERNAL', `测试没有配置 ${fn}.${action}`)
  })
  return mock
}

/** 某个操作被调用时收到的全部 data */
export const callsTo = (mock: jest.Mock, fn: string, action: string): unknown[] =>
  mock.mock.calls.filter(([f, a]) => f === fn && a === action).map(([, , d]) => d)
