import { render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import ManagePage from '../../src/events/manage/index'
import { eventNoticeText } from '../../src/events/shared/notice'
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
        '组织者：李建国',
      ].join('\n'),
    )
  })

  it('要求位置的说明只核对一次；取消了的写成取消通知', () => {
    expect(eventNoticeText({ ...event, geo: { lat: 30, lng: 120, radiusM: 300 }, locationCheck: true })).toContain('签到时会确认您在会场附近（只核对一次，不保存位置）。')
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
    ;(await screen.findByText('复制会议通知')).click()
    expect(await screen.findByText('已复制通知文字，可以粘贴到微信群')).toBeTruthy()
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: eventNoticeText(event) })
  })
})
