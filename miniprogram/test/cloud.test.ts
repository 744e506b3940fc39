import Taro from '@tarojs/taro'
import { callViaCloud } from '../src/services/weappTransport'
import { callViaHttp } from '../src/services/h5Transport'
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
