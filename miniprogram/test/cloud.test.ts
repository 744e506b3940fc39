import Taro from '@tarojs/taro'
import { callViaCloud } from '../src/services/weappTransport'
import { callViaHttp, takeSettledViaHttp } from '../src/services/h5Transport'
import { NETWORK_ERROR_CODE } from '../src/services/errors'

describe('客户端模块：H5 端', () => {
  it('按约定 POST 到 /api/fn/<函数>，返回服务端的信封', async () => {
    const envelope = { ok: false, error: { code: 'NOT_BOUND', message: '未绑定' } }
    const fetchMock = jest.fn(() => Promise.resolve({ json: () => Promise.resolve(envelope) } as Response))
    global.fetch = fetchMock as unknown as typeof fetch

    await expect(callViaHttp('member', 'me', undefined, 'dev-zhang')).resolves.toEqual(envelope)
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/fn/member')
    expect(init.method).toBe('POST')
    expect(init.headers).toEqual({ 'content-type': 'application/json', 'x-dev-openid': 'dev-zhang' })
  })

  it('没选身份时不带 x-dev-openid 头', async () => {
    const fetchMock = jest.fn(() => Promise.resolve({ json: () => Promise.resolve({ ok: true, data: 1 }) } as Response))
    global.fetch = fetchMock as unknown as typeof fetch
    await callViaHttp('member', 'me', undefined, null)
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1]
    expect(init.headers).toEqual({ 'content-type': 'application/json' })
  })

  it('断网时不抛错，返回「网络不给力」', async () => {
    global.fetch = jest.fn(() => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch
    const res = await callViaHttp('member', 'me', undefined, null)
    expect(res).toEqual({ ok: false, error: { code: NETWORK_ERROR_CODE, message: '网络不给力，请检查网络后重试' } })
  })

  it('index.html 预先发出的首页请求：同一函数、同一请求体、同一身份的第一次调用接过它，之后照常请求', async () => {
    const preloaded = { ok: true, data: { from: 'preload' } }
    const g = globalThis as { __txPreload?: Record<string, Promise<unknown>> }
    g.__txPreload = { 'member {"action":"me"} dev-zhang': Promise.resolve(preloaded) }
    const fetchMock = jest.fn(() => Promise.resolve({ json: () => Promise.resolve({ ok: true, data: { from: 'fetch' } }) } as Response))
    global.fetch = fetchMock as unknown as typeof fetch

    // 别的身份、别的请求体不接
    await expect(callViaHttp('member', 'me', undefined, 'dev-li')).resolves.toEqual({ ok: true, data: { from: 'fetch' } })
    await expect(callViaHttp('member', 'me', { x: 1 }, 'dev-zhang')).resolves.toEqual({ ok: true, data: { from: 'fetch' } })
    expect(fetchMock).toHaveBeenCalledTimes(2)
    // 第一次接过，第二次照常请求
    await expect(callViaHttp('member', 'me', undefined, 'dev-zhang')).resolves.toEqual(preloaded)
    expect(fetchMock).toHaveBeenCalledTimes(2)
    await expect(callViaHttp('member', 'me', undefined, 'dev-zhang')).resolves.toEqual({ ok: true, data: { from: 'fetch' } })
    expect(fetchMock).toHaveBeenCalledTimes(3)
  })

  it('预先发出的请求已成功回来：同一请求同步交出一次，连同还在等的那份一起用掉；别的身份、还没回来的、失败的不交', async () => {
    const g = globalThis as { __txPreload?: Record<string, Promise<unknown>>; __txSettled?: Record<string, unknown> }
    const me = { ok: true, data: { from: 'preload' } }
    const refused = { ok: false, error: { code: 'NOT_BOUND', message: '未绑定' } }
    g.__txPreload = {
      'member {"action":"me"} dev-zhang': Promise.resolve(me),
      'home {"action":"todos"} dev-zhang': Promise.resolve(refused),
      'event {"action":"upcoming","data":{"includePast":false}} dev-zhang': new Promise(() => undefined),
    }
    g.__txSettled = { 'member {"action":"me"} dev-zhang': me, 'home {"action":"todos"} dev-zhang': refused }
    const fetchMock = jest.fn(() => Promise.resolve({ json: () => Promise.resolve({ ok: true, data: { from: 'fetch' } }) } as Response))
    global.fetch = fetchMock as unknown as typeof fetch

    expect(takeSettledViaHttp('member', 'me', undefined, 'dev-li')).toBeUndefined()
    expect(takeSettledViaHttp('event', 'upcoming', { includePast: false }, 'dev-zhang')).toBeUndefined()
    expect(takeSettledViaHttp('member', 'me', undefined, 'dev-zhang')).toEqual(me)
    expect(takeSettledViaHttp('member', 'me', undefined, 'dev-zhang')).toBeUndefined()
    // 交出过的不再被 callViaHttp 接过：照常请求
    await expect(callViaHttp('member', 'me', undefined, 'dev-zhang')).resolves.toEqual({ ok: true, data: { from: 'fetch' } })
    // 失败的回答不同步交出，留给 callViaHttp 照常报出来
    expect(takeSettledViaHttp('home', 'todos', undefined, 'dev-zhang')).toBeUndefined()
    await expect(callViaHttp('home', 'todos', undefined, 'dev-zhang')).resolves.toEqual(refused)
    expect(fetchMock).toHaveBeenCalledTimes(1)
    delete g.__txPreload
    delete g.__txSettled
  })

  it('预先发出的请求失败了：接过它的调用得到「网络不给力」，不抛错', async () => {
    const g = globalThis as { __txPreload?: Record<string, Promise<unknown>> }
    const failed = Promise.reject(new TypeError('Failed to fetch'))
    failed.catch(() => undefined)
    g.__txPreload = { 'home {"action":"todos"} dev-zhang': failed }
    const res = await callViaHttp('home', 'todos', undefined, 'dev-zhang')
    expect(res).toEqual({ ok: false, error: { code: NETWORK_ERROR_CODE, message: '网络不给力，请检查网络后重试' } })
  })

  it('回来的不是信封（如网关的 HTML 错误页）时，返回 INTERNAL', async () => {
    global.fetch = jest.fn(() =>
      Promise.resolve({ json: () => Promise.reject(new SyntaxError('Unexpected token <')) } as unknown as Response),
    ) as unknown as typeof fetch
    const res = await callViaHttp('member', 'me', undefined, null)
    expect(res.ok === false && res.error.code).toBe('INTERNAL')
  })
})

describe('客户端模块：小程序端', () => {
  it('用 Taro.cloud.callFunction 调用，事件为 { action, data }，返回 result', async () => {
    const envelope = { ok: true, data: { name: '张建国' } }
    const spy = jest.spyOn(Taro.cloud, 'callFunction').mockResolvedValue({ result: envelope, errMsg: 'cloud.callFunction:ok' })

    await expect(callViaCloud('member', 'me', { x: 1 })).resolves.toEqual(envelope)
    expect(spy).toHaveBeenCalledWith({ name: 'member', data: { action: 'me', data: { x: 1 } } })
    spy.mockRestore()
  })

  it('云调用失败时不抛错，返回「网络不给力」', async () => {
    const spy = jest.spyOn(Taro.cloud, 'callFunction').mockRejectedValue({ errCode: -404011, errMsg: 'cloud.callFunction:fail' })
    const res = await callViaCloud('member', 'me')
    expect(res.ok === false && res.error.code).toBe(NETWORK_ERROR_CODE)
    spy.mockRestore()
  })

  it('云函数没有返回信封时，返回 INTERNAL', async () => {
    const spy = jest.spyOn(Taro.cloud, 'callFunction').mockResolvedValue({ result: undefined, errMsg: 'cloud.callFunction:ok' })
    const res = await callViaCloud('member', 'me')
    expect(res.ok === false && res.error.code).toBe('INTERNAL')
    spy.mockRestore()
  })
})
