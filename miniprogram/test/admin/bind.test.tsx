import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import BindPage from '../../src/account/bind/index'
import { callFunction } from '../../src/services/cloud'
import { useAppStore } from '../../src/store'
import { liProfile } from '../fixtures'
import { fail, ok, routeCalls } from './fixtures'
import { setRouterParams } from '../stubs/taro'
import { callsTo, held } from '../calls'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), listDevIdentities: jest.fn() }))
const mockCall = callFunction as unknown as jest.Mock

beforeEach(() => {
  mockCall.mockReset()
  setRouterParams({})
  useAppStore.getState().chooseDevIdentity({ openid: 'dev_unbound', name: '新用户', roles: [], description: '' })
})

function fill(code: string, name: string) {
  fireEvent.change(screen.getByLabelText('邀请码（8 位）'), { target: { value: code } })
  fireEvent.change(screen.getByLabelText('姓名'), { target: { value: name } })
  fireEvent.click(screen.getByText('确认绑定'))
}

describe('绑定委员信息', () => {
  it.each([
    ['MEMBER.INVITE_INVALID', '邀请码不正确，请核对后重新输入'],
    ['MEMBER.INVITE_USED', '这个邀请码已经用过或已作废，请向政协办公室索取新的邀请码'],
    ['MEMBER.INVITE_EXPIRED', '邀请码已过期，请向政协办公室索取新的邀请码'],
    ['MEMBER.NAME_MISMATCH', '姓名与邀请码不符，请输入登记的姓名'],
    ['RATE_LIMITED', '尝试次数过多，请 7 分钟后再试'],
  ])('服务端答 %s 时醒目显示它的提示，不离开本页', async (code, message) => {
    routeCalls(mockCall, { 'member.bind': () => fail(code, message) })
    render(<BindPage />)
    fill('abcd efgh', ' 李秀英 ')

    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toBe(message)
    // 邀请码忽略大小写与空格，姓名去掉首尾空格
    expect(mockCall).toHaveBeenCalledWith('member', 'bind', { code: 'ABCDEFGH', name: '李秀英' })
    expect(Taro.reLaunch).not.toHaveBeenCalled()
    expect(useAppStore.getState().profile).toBeNull()
  })

  it('绑定中再点不会重复发出', async () => {
    const reply = held()
    routeCalls(mockCall, { 'member.bind': reply.handler })
    render(<BindPage />)
    fill('ABCD-EFGH', '李秀英')
    expect(screen.getByText('正在绑定…')).toBeTruthy()
    fireEvent.click(screen.getByText('正在绑定…'))
    expect(callsTo(mockCall, 'member', 'bind')).toHaveLength(1)
    reply.answer(ok(liProfile))
    expect(await screen.findByText('绑定成功，李秀英，欢迎您！')).toBeTruthy()
  })

  it('邀请码位数不对时当场提示，不去请求', () => {
    render(<BindPage />)
    fill('ABC-DEF', '李秀英')
    expect(screen.getByRole('alert').textContent).toBe('邀请码应为 8 位，您输入了 6 位')
    expect(mockCall).not.toHaveBeenCalled()
  })

  it('绑定成功：记下本人资料，回到「我的」', async () => {
    routeCalls(mockCall, { 'member.bind': () => ok(liProfile) })
    render(<BindPage />)
    fill('ABCD-EFGH', '李秀英')

    expect(await screen.findByText('绑定成功，李秀英，欢迎您！')).toBeTruthy()
    expect(useAppStore.getState().profile?.id).toBe(liProfile.id)
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/mine/index' })
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('扫码签到时才发现没绑定：绑定后回到签到页，带着那次扫码（令牌与扫码时间）去补签', async () => {
    const TOKEN = 'AbCdEfGh00abcde0123456789abcdef'
    const at = '2026-12-01T01:02:00.000Z'
    setRouterParams({ token: TOKEN, at: encodeURIComponent(at) })
    routeCalls(mockCall, { 'member.bind': () => ok(liProfile) })
    render(<BindPage />)
    expect(screen.getByText('绑定后会自动为您补上刚才的签到。')).toBeTruthy()
    fill('ABCD-EFGH', '李秀英')

    expect(await screen.findByText('绑定成功，李秀英，欢迎您！')).toBeTruthy()
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: `/pages/checkin/index?token=${TOKEN}&at=${encodeURIComponent(at)}` })
  })
})
