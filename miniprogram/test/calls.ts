/**
 * 页面测试的假后端（唯一的一份）：callFunction 按「函数.操作」回答，没配的操作答 INTERNAL，一眼看出漏了什么。
 * 用法：测试文件里 jest.mock('../../src/services/cloud', …)，再 routeCalls({ 'member.me': () => ok(profile) })。
 */
import type { Envelope } from '@tongxin/shared-types'
import { callFunction } from '../src/services/cloud'

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data })
export const fail = (code: string, message: string): Envelope<never> => ({ ok: false, error: { code: code as 'INTERNAL', message } })
export const offline = () => fail('CLIENT.NETWORK', '网络不给力，请检查网络后重试')

export type Handler = (data: any) => Envelope<unknown> | Promise<Envelope<unknown>>

/** 按「函数.操作」回答客户端调用；返回 mock 本身，便于断言调用参数 */
export function routeCalls(handlers: Record<string, Handler>): jest.Mock {
  const mock = callFunction as unknown as jest.Mock
  mock.mockReset()
  mock.mockImplementation(async (fn: string, action: string, data: unknown) => {
    const h = handlers[`${fn}.${action}`]
    return h ? h(data) : fail('INTERNAL', `测试没有配置 ${fn}.${action}`)
  })
  return mock
}

/** 某个操作收到的全部 data */
export const callsTo = (mock: jest.Mock, fn: string, action: string): any[] => mock.mock.calls.filter(([f, a]) => f === fn && a === action).map(([, , d]) => d)

/** 先不回答的操作：测试先点（两下），再 answer(ok(…) 或 fail(…)) 放行，看提交中与回答后的样子 */
export function held(): { handler: Handler; answer: (reply: Envelope<unknown>) => void } {
  let answer!: (reply: Envelope<unknown>) => void
  const reply = new Promise<Envelope<unknown>>((resolve) => (answer = resolve))
  return { handler: () => reply, answer }
}
