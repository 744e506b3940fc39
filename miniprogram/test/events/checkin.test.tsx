import { act, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import CheckinPage from '../../src/pages/checkin/index'
import { pendingScans } from '../../src/pages/checkin/client'
import { useAppStore } from '../../src/store'
import { networkBack, setRouterParams } from '../stubs/taro'
import { TOKEN, callsTo, checkinResult, fail, offline, ok, routeCalls } from './support'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), listDevIdentities: jest.fn() }))

beforeEach(() => {
  useAppStore.getState().chooseDevIdentity({ openid: 'dev_cpc_member', name: '王秀兰', roles: ['member'], description: '' })
  // 小程序码进来时 scene 经过 URL 编码
  setRouterParams({ scene: encodeURIComponent(TOKEN) })
})

describe('扫码签到页', () => {
  it('一进来就签到，签上了大字写明「签到成功」、活动名称、时间与记的分', async () => {
    const mock = routeCalls({ 'event.checkin': () => ok(checkinResult()) })
    render(<CheckinPage />)

    expect(await screen.findByText('签到成功')).toBeTruthy()
    expect(screen.getByText('学习贯彻全会精神专题学习')).toBeTruthy()
    expect(screen.getByText('签到时间 09:02')).toBeTruthy()
    expect(screen.getByText('党员积分：集中学习 +2')).toBeTruthy()
    // 在线时不带扫码时间：由服务器按收到的时刻判断
    expect(callsTo(mock, 'event', 'checkin')).toEqual([{ token: TOKEN }])
  })

  it('再扫一次：只说已经签到过了，不再记分', async () => {
    routeCalls({ 'event.checkin': () => ok(checkinResult({ already: true, points: [] })) })
    render(<CheckinPage />)

    expect(await screen.findByText('已经签到过了')).toBeTruthy()
    expect(screen.getByText('您在 09:02 已经签到，不用再扫。')).toBeTruthy()
    expect(screen.queryByText('签到成功')).toBeNull()
  })

  it('码过期：醒目显示服务器的提示，可以回首页', async () => {
    routeCalls({ 'event.checkin': () => fail('CHECKIN.TOKEN_EXPIRED', '签到码已过期，请扫描屏幕上最新的码') })
    render(<CheckinPage />)

    expect((await screen.findByRole('alert')).textContent).toBe('签到码已过期，请扫描屏幕上最新的码')
    screen.getByText('返回首页').click()
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' })
  })

  it('还没绑定：说明先绑定，按钮带着这次扫码去绑定页；绑定后回来按扫码那一刻补签', async () => {
    routeCalls({ 'event.checkin': () => fail('NOT_BOUND', '您的微信还没有绑定委员信息') })
    const { unmount } = render(<CheckinPage />)
    expect((await screen.findByRole('alert')).textContent).toBe('您的微信还没有绑定委员信息')
    expect(screen.getByText('绑定后会自动为您补上这次签到（10 分钟内有效）。')).toBeTruthy()
    screen.getByText('输入邀请码绑定').click()
    const url: string = (Taro.navigateTo as jest.Mock).mock.calls.at(-1)[0].url
    expect(url).toMatch(new RegExp(`^/account/bind/index\\?token=${TOKEN}&at=`))
    const at = decodeURIComponent(/[?&]at=([^&]+)/.exec(url)![1])
    expect(Math.abs(Date.parse(at) - Date.now())).toBeLessThan(5_000)
    unmount()

    // 绑定页成功后 reLaunch 回来：这次带上扫码时间
    const mock = routeCalls({ 'event.checkin': () => ok(checkinResult()) })
    setRouterParams({ token: TOKEN, at: encodeURIComponent(at) })
    render(<CheckinPage />)
    expect(await screen.findByText('签到成功')).toBeTruthy()
    expect(callsTo(mock, 'event', 'checkin')).toEqual([{ token: TOKEN, scannedAt: at }])
  })

  it('扫到的是小程序码路径（…?scene=令牌）也认得', async () => {
    setRouterParams({ token: `pages/checkin/index?scene=${encodeURIComponent(TOKEN)}` })
    const mock = routeCalls({ 'event.checkin': () => ok(checkinResult()) })
    render(<CheckinPage />)
    await screen.findByText('签到成功')
    expect(callsTo(mock, 'event', 'checkin')).toEqual([{ token: TOKEN }])
  })

  it('没有签到码时不请求，提示重新扫', () => {
    setRouterParams({})
    const mock = routeCalls({})
    render(<CheckinPage />)
    expect(screen.getByText('没有读到签到码')).toBeTruthy()
    expect(mock).not.toHaveBeenCalled()
  })

  it('活动要求在会场附近：取一次位置随签到发出', async () => {
    ;(Taro.getLocation as jest.Mock).mockResolvedValueOnce({ latitude: 30.1, longitude: 120.2 })
    const mock = routeCalls({
      'event.checkin': (d) => (d.location ? ok(checkinResult()) : fail('CHECKIN.LOCATION_REQUIRED', '这场活动需要确认您在会场附近，请允许获取位置后再签到')),
    })
    render(<CheckinPage />)
    await screen.findByText('签到成功')
    expect(callsTo(mock, 'event', 'checkin')).toEqual([{ token: TOKEN }, { token: TOKEN, location: { lat: 30.1, lng: 120.2 } }])
  })

  it('断网：记下令牌与扫码时间；网络恢复后带着扫码时间补交，并换上结果', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-01T01:02:00Z'), doNotFake: ['nextTick', 'setImmediate'] })
    try {
      let online = false
      const mock = routeCalls({ 'event.checkin': () => (online ? ok(checkinResult()) : offline()) })
      render(<CheckinPage />)

      expect(await screen.findByText('网络不给力，已记下这次扫码')).toBeTruthy()
      expect(pendingScans()).toEqual([{ token: TOKEN, scannedAt: '2026-12-01T01:02:00.000Z', who: 'dev_cpc_member' }])

      jest.setSystemTime(new Date('2026-12-01T01:06:00Z'))
      online = true
      await act(async () => networkBack())

      expect(await screen.findByText('签到成功')).toBeTruthy()
      expect(callsTo(mock, 'event', 'checkin').at(-1)).toEqual({ token: TOKEN, scannedAt: '2026-12-01T01:02:00.000Z' })
      expect(pendingScans()).toEqual([])
    } finally {
      jest.useRealTimers()
    }
  })
})
