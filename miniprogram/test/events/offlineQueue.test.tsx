import { act, render, screen } from '@testing-library/react'
import IndexPage from '../../src/pages/index/index'
import { checkInWithToken, flushPendingScans, pendingScans, tokenFromScan } from '../../src/pages/checkin/client'
import { useAppStore } from '../../src/store'
import { networkBack } from '../stubs/taro'
import { TOKEN, callsTo, checkinResult, fail, memberProfile, myEvent, offline, ok, routeCalls } from './support'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), listDevIdentities: jest.fn() }))

const wang = { openid: 'dev_cpc_member', name: '王秀兰', roles: ['member' as const], description: '' }
const SCANNED = '2026-12-01T01:02:00.000Z'

beforeEach(() => useAppStore.getState().chooseDevIdentity(wang))

describe('认出签到码', () => {
  it.each([
    [TOKEN, TOKEN],
    [`  ${TOKEN}\n`, TOKEN],
    [`pages/checkin/index?scene=${encodeURIComponent(TOKEN)}`, TOKEN],
    [`/pages/checkin/index?from=x&scene=${TOKEN}&y=1`, TOKEN],
    ['https://example.com/活动', null],
    ['', null],
    ['%E0%A4%A', null],
  ])('%j → %j', (text, token) => expect(tokenFromScan(text)).toBe(token))
})

describe('断网时记下的扫码', () => {
  it('网络失败时记下令牌与扫码时间；联网后补交带上扫码时间，送到后清掉', async () => {
    let online = false
    const mock = routeCalls({ 'event.checkin': () => (online ? ok(checkinResult()) : offline()) })

    expect(await checkInWithToken(TOKEN, SCANNED, 'e-1')).toEqual({ kind: 'queued', scannedAt: SCANNED })
    expect(pendingScans()).toEqual([{ token: TOKEN, eventId: 'e-1', scannedAt: SCANNED, who: 'dev_cpc_member' }])

    // 仍然断网：留着，下次再交
    expect(await flushPendingScans()).toEqual({ settled: [], remaining: 1 })

    online = true
    const report = await flushPendingScans()
    expect(report.remaining).toBe(0)
    expect(report.settled[0].outcome).toEqual({ kind: 'done', result: checkinResult() })
    expect(callsTo(mock, 'event', 'checkin').at(-1)).toEqual({ token: TOKEN, eventId: 'e-1', scannedAt: SCANNED })
    expect(pendingScans()).toEqual([])
  })

  it('补交被拒（超过 10 分钟）：清掉并带回服务器的提示，不再反复重试', async () => {
    routeCalls({ 'event.checkin': () => offline() })
    await checkInWithToken(TOKEN, SCANNED)
    routeCalls({ 'event.checkin': () => fail('CHECKIN.OFFLINE_TOO_LATE', '这次扫码离现在太久，未能补签，请重新扫码或联系组织者') })

    const report = await flushPendingScans()
    expect(report.settled.map((s) => s.outcome)).toEqual([
      { kind: 'failed', code: 'CHECKIN.OFFLINE_TOO_LATE', message: '这次扫码离现在太久，未能补签，请重新扫码或联系组织者' },
    ])
    expect(pendingScans()).toEqual([])
  })

  it('同一个码扫两次只记一条；换了身份不会替别人补交', async () => {
    routeCalls({ 'event.checkin': () => offline() })
    await checkInWithToken(TOKEN, SCANNED)
    await checkInWithToken(TOKEN, '2026-12-01T01:02:05.000Z')
    expect(pendingScans()).toHaveLength(1)

    useAppStore.getState().chooseDevIdentity({ ...wang, openid: 'dev_non_cpc', name: '陈志远' })
    expect(pendingScans()).toEqual([])
    const mock = routeCalls({ 'event.checkin': () => ok(checkinResult()) })
    expect(await flushPendingScans()).toEqual({ settled: [], remaining: 0 })
    expect(mock).not.toHaveBeenCalled()
  })
})

describe('首页：待补交的扫码', () => {
  it('进入首页时自动补交，网络仍不通就显示提示；网络恢复后补交成功并说明', async () => {
    routeCalls({ 'event.checkin': () => offline() })
    await checkInWithToken(TOKEN, SCANNED)

    let online = false
    const mock = routeCalls({
      'member.me': () => ok(memberProfile),
      'event.upcoming': () => ok([myEvent()]),
      'home.todos': () => ok({ items: [], eventBadges: [] }),
      'event.checkin': () => (online ? ok(checkinResult()) : offline()),
    })
    render(<IndexPage />)
    expect(await screen.findByText('有 1 次扫码签到还没送到')).toBeTruthy()

    online = true
    await act(async () => networkBack())
    expect(await screen.findByText(/学习贯彻全会精神专题学习 补签成功/)).toBeTruthy()
    expect(screen.queryByText('有 1 次扫码签到还没送到')).toBeNull()
    expect(callsTo(mock, 'event', 'checkin').at(-1)).toEqual({ token: TOKEN, scannedAt: SCANNED })
  })
})
