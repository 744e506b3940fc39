import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import IndexPage from '../../src/pages/index/index'
import { useAppStore } from '../../src/store'
import { adminProfile, callsTo, memberProfile, myEvent, ok, routeCalls } from './support'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), listDevIdentities: jest.fn() }))

beforeEach(() => useAppStore.getState().chooseDevIdentity({ openid: 'dev_cpc_member', name: '王秀兰', roles: ['member'], description: '' }))

const events = [
  myEvent({ id: 'e-1', title: '中心组学习（十二月）', myAttendance: { checkedInAt: '2026-12-01T01:02:00.000Z', late: false, method: 'scan' } }),
  myEvent({ id: 'e-2', title: '主题党日', kind: '主题党日', myLeave: { id: 'l-1', status: 'pending', reason: '住院', answer: null } }),
  myEvent({ id: 'e-3', title: '政协讲堂', kind: '政协讲堂', myLeave: { id: 'l-2', status: 'approved', reason: '出差', answer: null } }),
  myEvent({ id: 'e-4', title: '新任委员培训班', kind: '委员培训' }),
]

describe('首页', () => {
  it('列出我应参加的活动：中文时间、地点与我的状态；点开进详情', async () => {
    routeCalls({ 'member.me': () => ok(memberProfile), 'event.upcoming': () => ok(events), 'event.notifications': () => ok([]) })
    render(<IndexPage />)

    expect(await screen.findByText('中心组学习（十二月）')).toBeTruthy()
    for (const label of ['已签到', '请假待批', '已请假', '未签到']) expect(screen.getByText(label)).toBeTruthy()
    expect(screen.getAllByText('时间：12月1日 周二 09:00–11:30')).toHaveLength(4)
    expect(screen.queryByText('组织活动')).toBeNull()
    fireEvent.click(screen.getByText('新任委员培训班'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/events/detail/index?id=e-4' })
  })

  it('未读通知：点「知道了」标为已读并从列表去掉', async () => {
    const mock = routeCalls({
      'member.me': () => ok(memberProfile),
      'event.upcoming': () => ok([]),
      'event.notifications': () => ok([{ id: 'n-1', title: '活动取消：政协讲堂', body: '原因：因故改期', eventId: 'e-3', createdAt: '2026-11-30T02:00:00.000Z', read: false }]),
      'event.markRead': () => ok({ updated: 1 }),
    })
    render(<IndexPage />)

    expect(await screen.findByText('活动取消：政协讲堂')).toBeTruthy()
    expect(screen.getByText('近期没有需要您参加的会议和活动。')).toBeTruthy()
    fireEvent.click(screen.getByText('知道了'))
    expect(screen.queryByText('活动取消：政协讲堂')).toBeNull()
    expect(callsTo(mock, 'event', 'markRead')).toEqual([{ ids: ['n-1'] }])
  })

  it('浏览器里点「扫码签到」说明改用数字码；组织者看到「组织活动」入口', async () => {
    routeCalls({ 'member.me': () => ok(adminProfile), 'event.upcoming': () => ok([]), 'event.notifications': () => ok([]) })
    render(<IndexPage />)
    fireEvent.click(await screen.findByText('组织活动'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/events/manage/index' })
    fireEvent.click(screen.getByText('扫码签到'))
    expect(screen.getByRole('alert').textContent).toMatch(/六位数字码/)
  })
})
