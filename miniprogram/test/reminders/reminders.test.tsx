import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { EventReminderReport, MyRemindersView } from '@tongxin/shared-types'
import RemindersPage from '../../src/account/reminders/index'
import EventRemindersPage from '../../src/events/reminders/index'
import { useAppStore } from '../../src/store'
import { actAs, adminProfile } from '../admin/fixtures'
import { callsTo, ok, routeCalls } from '../calls'
import { setRouterParams } from '../stubs/taro'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), listDevIdentities: jest.fn() }))

beforeEach(() => actAs(adminProfile, useAppStore))

const mine = (over: Partial<MyRemindersView['sms']> = {}): MyRemindersView => ({
  quotas: [
    { key: 'meeting', templateId: 'local-meeting', label: '会议开始前提醒', remaining: 2, refused: false },
    { key: 'result', templateId: 'local-result', label: '请假、申诉的答复', remaining: 0, refused: true },
  ],
  sms: { optedIn: false, phone: null, available: true, ...over },
})

describe('我的 → 提醒', () => {
  it('列出每类还能收几次；H5 里补充订阅如实说明在微信里才能订阅', async () => {
    routeCalls({ 'reminders.mine': () => ok(mine()) })
    render(<RemindersPage />)
    expect(await screen.findByText('还能收 2 次')).toBeTruthy()
    expect(screen.getByText('已拒收（补充即恢复）')).toBeTruthy()
    fireEvent.click(screen.getByLabelText('补充：会议开始前提醒'))
    expect(await screen.findByText('在微信里才能订阅；不在微信里时可以开通下面的短信提醒。')).toBeTruthy()
  })

  it('开通短信：手机号不对就地提示，不发请求；对了就只改本人的（不带成员 id）', async () => {
    const mock = routeCalls({
      'reminders.mine': () => ok(mine()),
      'reminders.setSms': () => ok(mine({ optedIn: true, phone: '139****0001' })),
    })
    render(<RemindersPage />)
    await screen.findByText('还能收 2 次')
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '12345' } })
    fireEvent.click(screen.getByText('开通短信提醒'))
    expect(await screen.findByText('手机号应为 11 位数字，以 1 开头')).toBeTruthy()
    expect(callsTo(mock, 'reminders', 'setSms')).toEqual([])
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13900000001' } })
    fireEvent.click(screen.getByText('开通短信提醒'))
    expect(await screen.findByText('已开通，发到 139****0001')).toBeTruthy()
    expect(callsTo(mock, 'reminders', 'setSms')).toEqual([{ enabled: true, phone: '13900000001' }])
  })
})

const report = (unreached: number): EventReminderReport => ({
  eventId: 'e1',
  title: '十二月主题党日',
  counts: { expected: 2, reached: 2 - unreached, unreached, pending: 0 },
  rows: [
    {
      memberId: 'm1',
      name: '未开通委员',
      bound: false,
      deliveries: [],
      unreached: unreached ? 'unbound' : null,
      unreachedLabel: unreached ? '未绑定微信，也未开通短信' : null,
    },
  ],
})

describe('组织者：提醒送达情况', () => {
  it('写明谁没收到、为什么；一键重新提醒后换上新的情况', async () => {
    setRouterParams({ id: 'e1' })
    const mock = routeCalls({ 'reminders.eventReport': () => ok(report(1)), 'reminders.resend': () => ok({ ...report(0), resent: 1 }) })
    render(<EventRemindersPage />)
    expect(await screen.findByText('没收到：未绑定微信，也未开通短信')).toBeTruthy()
    fireEvent.click(screen.getByText('重新提醒未送达的人'))
    await waitFor(() => expect(callsTo(mock, 'reminders', 'resend')).toEqual([{ eventId: 'e1' }]))
    expect(await screen.findByText('还没有到提醒的时候')).toBeTruthy()
  })
})
