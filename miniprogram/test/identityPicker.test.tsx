import { fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import MinePage from '../src/pages/mine/index'
import { useAppStore } from '../src/store'
import { identities, liProfile, zhangProfile } from './fixtures'

/**
 * 演示身份切换条 + 真实的 services/cloud（H5 端）：只把浏览器的 fetch 换掉，
 * 看请求里带的 x-dev-openid 头是否随选择变化。
 */
const profiles: Record<string, unknown> = { 'dev-zhang': zhangProfile, 'dev-li': liProfile }
const json = (body: unknown) => Promise.resolve({ json: () => Promise.resolve(body) } as Response)

let fetchMock: jest.Mock
beforeEach(() => {
  fetchMock = jest.fn((url: string, init: RequestInit) => {
    if (url === '/api/dev/identities') return json({ ok: true, data: identities })
    const openid = (init.headers as Record<string, string>)['x-dev-openid']
    return json({ ok: true, data: profiles[openid] })
  })
  global.fetch = fetchMock as unknown as typeof fetch
})

const memberCalls = () => fetchMock.mock.calls.filter(([url]) => url === '/api/fn/member')
const headerOf = (call: unknown[]) => ((call[1] as RequestInit).headers as Record<string, string>)['x-dev-openid']

describe('演示身份切换', () => {
  it('列出演示身份（姓名、角色、说明），未选时提示先选', async () => {
    render(<MinePage />)
    expect(screen.getByText('演示模式：请先选择一个身份')).toBeTruthy()

    fireEvent.click(screen.getByText('选择 ▾'))
    expect(await screen.findByText('张建国（委员、支部书记）')).toBeTruthy()
    expect(screen.getByText('李秀英（委员）')).toBeTruthy()
    expect(screen.getByText('经济委功能型党支部书记')).toBeTruthy()
    expect(memberCalls()).toHaveLength(0)
  })

  it('选中身份后按该身份取「我的」；切换身份后请求头随之改变', async () => {
    render(<MinePage />)
    fireEvent.click(screen.getByText('选择 ▾'))
    fireEvent.click(await screen.findByText('张建国（委员、支部书记）'))

    expect(await screen.findByText('经济委、提案委')).toBeTruthy()
    expect(screen.getByText('演示身份：张建国')).toBeTruthy()
    expect(memberCalls().map(headerOf)).toEqual(['dev-zhang'])
    const body = JSON.parse((memberCalls()[0][1] as RequestInit).body as string)
    expect(body).toEqual({ action: 'me' })

    fireEvent.click(screen.getByText('切换 ▾'))
    fireEvent.click(screen.getByText('李秀英（委员）'))

    expect(await screen.findByText('民进')).toBeTruthy()
    expect(screen.queryByText('经济委、提案委')).toBeNull()
    expect(memberCalls().map(headerOf)).toEqual(['dev-zhang', 'dev-li'])
    // 选择会记住，下次打开仍是这个身份
    expect(String(Taro.getStorageSync('tongxin-app'))).toContain('dev-li')
  })

  it('身份列表取不到时显示提示，可以重试', async () => {
    fetchMock.mockImplementationOnce(() => Promise.reject(new TypeError('Failed to fetch')))
    render(<MinePage />)
    fireEvent.click(screen.getByText('选择 ▾'))

    expect(await screen.findByText('网络不给力，请检查网络后重试')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    const bar = screen.getByText('演示模式：请先选择一个身份').parentElement!.parentElement!
    expect(await within(bar).findByText('李秀英（委员）')).toBeTruthy()
  })

  it('当前身份在列表里有标记', async () => {
    useAppStore.getState().chooseDevIdentity(identities[1])
    render(<MinePage />)
    fireEvent.click(screen.getByText('切换 ▾'))
    expect(await screen.findByText('李秀英（委员） · 当前')).toBeTruthy()
  })
})
