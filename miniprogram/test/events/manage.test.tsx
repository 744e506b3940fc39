import { render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import ManagePage from '../../src/events/manage/index'
import { eventDetailLink, eventNoticeText } from '../../src/events/shared/notice'
import { cardActions, eventMoment } from '../../src/events/manage/cardActions'
import { useAppStore } from '../../src/store'
import { setRouterParams } from '../stubs/taro'
import { adminProfile, ok, partyDay, routeCalls } from './support'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), listDevIdentities: jest.fn() }))

const { myAttendance: _a, myLeave: _l, myNote: _n, expected: _e, ...event } = partyDay()

describe('会议通知文字', () => {
  it('写明时间、地点、参加对象、签到与请假的办法', () => {
    expect(eventNoticeText(event)).toBe(
      [
        '【会议通知】十一月主题党日',
        '时间：11月27日 周五 14:00–16:30',
        '地点：经济委会议室',
        '参加：经济委功能型党支部',
        '签到：13:40 起在会场扫大屏上的二维码，14:15 以后算迟到。',
        '不能参加的，请在“同心圆”小程序里打开这场活动请假，写明原因。',
        `打开这场活动：${eventDetailLink(event.id)}`,
        '组织者：李建国',
      ].join('\n'),
    )
  })

  it('链接指向成员能打开的活动详情页：H5 是完整网址，小程序里是页面路径', () => {
    expect(eventDetailLink('e 1', 'https://tongxin.example.gov.cn/')).toBe('https://tongxin.example.gov.cn/#/events/detail/index?id=e%201')
    expect(eventDetailLink('e-1', null)).toBe('/events/detail/index?id=e-1')
    expect(eventNoticeText(event, '/events/detail/index?id=x')).toContain('\n打开这场活动：/events/detail/index?id=x\n')
    // jsdom 里是 H5：当前页面的网址 + 路由
    expect(eventDetailLink('e-1')).toBe(`${location.origin}${location.pathname}#/events/detail/index?id=e-1`)
  })

  it('要求位置的说明只核对一次；取消了的写成取消通知', () => {
    expect(eventNoticeText({ ...event, geo: { lat: 30, lng: 120, radiusM: 300 }, locationCheck: true })).toContain(
      '签到时会确认您在会场附近（只核对一次，不保存位置）。',
    )
    const cancelled = eventNoticeText({ ...event, status: 'cancelled', cancelReason: '与全会冲突' })
    expect(cancelled.split('\n')[0]).toBe('【取消通知】十一月主题党日')
    expect(cancelled).toContain('本次活动已取消（与全会冲突），请相互转告。')
    expect(cancelled).not.toContain('签到：')
  })

  it('活动列表上一键复制，页面说明已复制', async () => {
    useAppStore.getState().chooseDevIdentity({ openid: 'dev_admin', name: '周敏', roles: ['admin'], description: '' })
    useAppStore.getState().rememberProfile(adminProfile)
    setRouterParams({})
    routeCalls({ 'event.list': () => ok({ items: [{ ...event, counts: { expected: 6, checkedIn: 0 } }], total: 1, page: 1, pageSize: 20 }) })
    render(<ManagePage />)
    ;(Taro.showActionSheet as jest.Mock).mockImplementationOnce(({ itemList }: { itemList: string[] }) =>
      Promise.resolve({ tapIndex: itemList.indexOf('复制会议通知') }),
    )
    ;(await screen.findByText('更多…')).click()
    expect(await screen.findByText('已复制通知文字，可以粘贴到微信群')).toBeTruthy()
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: eventNoticeText(event) })
  })
})

describe('组织者的活动卡片：一个合乎此刻的主操作，其余在“更多”里', () => {
  const at = (iso: string) => Date.parse(iso)
  const base = { status: 'scheduled' as const, finalizedAt: null, checkinOpensAt: '2026-11-27T05:40:00.000Z', endsAt: '2026-11-27T08:30:00.000Z' }

  it('会前先修改，签到时开大屏，散会与定案后先看签到名单与会议记录，取消了的先改期重办', () => {
    expect(eventMoment(base, at('2026-11-27T05:00:00Z'))).toBe('before')
    expect(cardActions(base, at('2026-11-27T03:00:00Z')).main.label).toBe('修改活动')
    expect(cardActions(base, at('2026-11-27T04:39:00Z')).main.label).toBe('修改活动')
    // 开放签到前一小时起：先开大屏（提前架好投影），修改收进“更多”
    expect(cardActions(base, at('2026-11-27T04:40:00Z'))).toMatchObject({
      main: { label: '签到大屏' },
      more: expect.arrayContaining([{ action: 'edit', label: '修改活动' }]),
    })
    expect(cardActions(base, at('2026-11-27T05:40:00Z')).main.label).toBe('签到大屏')
    expect(cardActions(base, at('2026-11-27T08:30:00Z')).main.label).toBe('签到名单与会议记录')
    const finalized = cardActions({ ...base, finalizedAt: '2026-11-27T09:00:00Z' }, at('2026-11-27T09:00:00Z'))
    expect(finalized.main.label).toBe('签到名单与会议记录')
    // 定案以后不再摆出大屏与修改
    expect(finalized.more.map((m) => m.label)).toEqual(['照此再办一场', '复制会议通知'])
    expect(cardActions({ ...base, status: 'cancelled' }, at('2026-11-27T05:00:00Z'))).toEqual({
      main: { action: 'copy', label: '改期重办' },
      more: [
        { action: 'attendance', label: '签到名单与会议记录' },
        { action: 'notice', label: '复制取消通知' },
      ],
    })
  })

  it('每一刻的主操作不在“更多”里重复，“更多”至多 6 项（微信操作菜单的上限）', () => {
    for (const now of ['2026-11-27T03:00:00Z', '2026-11-27T05:00:00Z', '2026-11-27T06:00:00Z', '2026-11-28T00:00:00Z']) {
      const { main, more } = cardActions(base, at(now))
      expect(more.map((m) => m.action)).not.toContain(main.action)
      expect(more.length).toBeLessThanOrEqual(6)
    }
  })

  const listWith = (e: typeof event) =>
    routeCalls({ 'event.list': () => ok({ items: [{ ...e, counts: { expected: 6, checkedIn: 2 } }], total: 1, page: 1, pageSize: 20 }) })
  const shift = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString()
  beforeEach(() => {
    useAppStore.getState().chooseDevIdentity({ openid: 'dev_admin', name: '周敏', roles: ['admin'], description: '' })
    useAppStore.getState().rememberProfile(adminProfile)
    setRouterParams({})
    ;(Taro.navigateTo as jest.Mock).mockClear()
    ;(Taro.setClipboardData as jest.Mock).mockClear()
  })

  it('已散会的活动：卡片上只有“签到名单与会议记录”与“更多…”两个按钮，点主按钮进名单', async () => {
    listWith(event)
    render(<ManagePage />)
    const main = await screen.findByText('签到名单与会议记录')
    const card = main.closest('.manage-item')!
    expect([...card.querySelectorAll('.ui-btn')].map((b) => b.textContent)).toEqual(['签到名单与会议记录', '更多…'])
    main.click()
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/events/attendance/index?id=${event.id}` })
  })

  it('签到中的活动以签到大屏开头；“更多”里选“修改活动”进修改页', async () => {
    listWith({ ...event, checkinOpensAt: shift(-10), startsAt: shift(-5), endsAt: shift(60), checkinClosesAt: shift(60) })
    render(<ManagePage />)
    ;(await screen.findByText('签到大屏')).click()
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `/events/screen/index?id=${event.id}` })
    ;(Taro.showActionSheet as jest.Mock).mockImplementationOnce(({ itemList }: { itemList: string[] }) =>
      Promise.resolve({ tapIndex: itemList.indexOf('修改活动') }),
    )
    screen.getByText('更多…').click()
    await new Promise((r) => setTimeout(r, 0))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `/events/edit/index?id=${event.id}` })
  })

  it('在“更多”里点了取消：什么也不发生', async () => {
    listWith({ ...event, checkinOpensAt: shift(120), startsAt: shift(140), endsAt: shift(200), checkinClosesAt: shift(200) })
    render(<ManagePage />)
    expect(await screen.findByText('修改活动')).toBeTruthy()
    screen.getByText('更多…').click()
    await new Promise((r) => setTimeout(r, 0))
    expect(Taro.navigateTo).not.toHaveBeenCalled()
    expect(Taro.setClipboardData).not.toHaveBeenCalled()
  })
})
