import { act, render, screen } from '@testing-library/react'
import type { ScreenView } from '@tongxin/shared-types'
import ScreenPage from '../../src/events/screen/index'
import { useAppStore } from '../../src/store'
import { setRouterParams } from '../stubs/taro'
import { callsTo, fail, ok, routeCalls } from './support'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), listDevIdentities: jest.fn() }))

function view(overrides: Partial<ScreenView> = {}): ScreenView {
  return {
    eventId: 'e-1',
    title: '新任委员培训',
    place: '政协礼堂',
    token: 'TOKEN-1',
    qrDataUrl: 'data:image/svg+xml;base64,AAA',
    fallbackCode: '123456',
    stepSeconds: 15,
    refreshInMs: 2000,
    window: 'open',
    checkinOpensAt: '2026-12-01T00:30:00.000Z',
    checkinClosesAt: '2026-12-01T03:00:00.000Z',
    counts: { expected: 200, checkedIn: 3, late: 1, onLeave: 2, absent: 195, walkIns: 0, rate: 1.5 },
    recent: [{ name: '王秀兰', at: '2026-12-01T01:02:00.000Z', late: false }],
    ...overrides,
  }
}

const tokenOnScreen = (c: HTMLElement) => c.querySelector('[data-token]')?.getAttribute('data-token')
const countOf = (label: string) => screen.getByText(label).parentElement!.querySelector('.screen-count__value')!.textContent
const advance = (ms: number) => act(async () => void jest.advanceTimersByTime(ms))

beforeEach(() => {
  jest.useFakeTimers()
  useAppStore.getState().chooseDevIdentity({ openid: 'dev_admin', name: '周敏', roles: ['admin'], description: '' })
  setRouterParams({ id: 'e-1' })
})
afterEach(() => jest.useRealTimers())

describe('签到大屏', () => {
  it('显示二维码（令牌在 data-token 上）、分组的六位码、人数与刚签到的人', async () => {
    routeCalls({ 'event.screen': () => ok(view()) })
    const { container } = render(<ScreenPage />)

    expect(await screen.findByText('新任委员培训')).toBeTruthy()
    expect(tokenOnScreen(container)).toBe('TOKEN-1')
    expect(container.querySelector('img')?.getAttribute('src')).toBe('data:image/svg+xml;base64,AAA')
    expect(screen.getByText('123 456')).toBeTruthy()
    expect(countOf('已签到')).toBe('3')
    expect(countOf('应到')).toBe('200')
    expect(countOf('请假')).toBe('2')
    expect(countOf('未到')).toBe('195')
    expect(countOf('到会率')).toBe('1.5%')
    expect(screen.getByText('王秀兰')).toBeTruthy()
    // 写明今天的日期
    const today = new Date(Date.now() + 8 * 3600_000)
    expect(document.querySelector('.screen-head__place')?.textContent).toContain(`${today.getUTCMonth() + 1}月${today.getUTCDate()}日`)
  })

  it('到换码时刻重取：换上新码与新人数', async () => {
    const answers = [
      view(),
      view({
        token: 'TOKEN-2',
        counts: { ...view().counts, checkedIn: 4 },
        recent: [{ name: '刘洋', at: '2026-12-01T01:03:00.000Z', late: false }, ...view().recent],
      }),
    ]
    const mock = routeCalls({ 'event.screen': () => ok(answers.shift() ?? view({ token: 'TOKEN-3' })) })
    const { container } = render(<ScreenPage />)
    await screen.findByText('新任委员培训')

    await advance(1000)
    expect(callsTo(mock, 'event', 'screen')).toHaveLength(1)
    await advance(1200)
    expect(callsTo(mock, 'event', 'screen')).toHaveLength(2)
    expect(tokenOnScreen(container)).toBe('TOKEN-2')
    expect(countOf('已签到')).toBe('4')
    expect(screen.getByText('刘洋')).toBeTruthy()
  })

  it('离换码还早时，人数也至少每 3 秒刷新一次', async () => {
    const mock = routeCalls({ 'event.screen': () => ok(view({ refreshInMs: 14_000 })) })
    render(<ScreenPage />)
    await screen.findByText('新任委员培训')
    await advance(3000)
    await advance(3000)
    expect(callsTo(mock, 'event', 'screen')).toHaveLength(3)
  })

  it('取不到时保留上一屏并提示，稍后重试', async () => {
    let down = false
    const mock = routeCalls({ 'event.screen': () => (down ? fail('CLIENT.NETWORK', '网络不给力，请检查网络后重试') : ok(view())) })
    const { container } = render(<ScreenPage />)
    await screen.findByText('新任委员培训')
    down = true
    await advance(2200)
    expect(screen.getByRole('alert').textContent).toMatch(/网络不给力/)
    expect(tokenOnScreen(container)).toBe('TOKEN-1')
    down = false
    await advance(3000)
    expect(screen.queryByRole('alert')).toBeNull()
    expect(callsTo(mock, 'event', 'screen')).toHaveLength(3)
  })

  it('签到还没开始：不显示二维码，写明几点开始', async () => {
    routeCalls({ 'event.screen': () => ok(view({ window: 'not_open' })) })
    const { container } = render(<ScreenPage />)
    expect(await screen.findByText('签到将于 08:30 开始')).toBeTruthy()
    expect(container.querySelector('img')).toBeNull()
  })

  it('离开页面后不再请求', async () => {
    const mock = routeCalls({ 'event.screen': () => ok(view()) })
    const { unmount } = render(<ScreenPage />)
    await screen.findByText('新任委员培训')
    unmount()
    await advance(10_000)
    expect(callsTo(mock, 'event', 'screen')).toHaveLength(1)
  })
})

describe('签到大屏：少画码', () => {
  it('码没变时服务器回 null，大屏沿用已有的图，并把已有令牌带给服务器', async () => {
    const answers = [view(), view({ qrDataUrl: null, counts: { ...view().counts, checkedIn: 9 } })]
    const mock = routeCalls({ 'event.screen': () => ok(answers.shift() ?? view({ qrDataUrl: null })) })
    const { container } = render(<ScreenPage />)
    await screen.findByText('新任委员培训')
    await advance(2200)
    const calls = callsTo(mock, 'event', 'screen')
    expect(calls.length).toBeGreaterThanOrEqual(2)
    expect(calls[1]).toEqual({ eventId: 'e-1', knownToken: 'TOKEN-1' })
    expect(countOf('已签到')).toBe('9')
    expect(container.querySelector('img')?.getAttribute('src')).toBe('data:image/svg+xml;base64,AAA')
  })
})
