import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import AdminHubPage from '../../src/admin/index/index'
import { callFunction } from '../../src/services/cloud'
import { useAppStore } from '../../src/store'
import { actAs, adminProfile, ok, routeCalls, secretaryProfile } from './fixtures'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), listDevIdentities: jest.fn() }))
const mockCall = callFunction as unknown as jest.Mock

const ADMIN_ONLY = ['新增成员', '从表格导入', '组织结构', '操作记录']

beforeEach(() => mockCall.mockReset())

describe('管理首页', () => {
  it('管理员看到全部入口', () => {
    actAs(adminProfile, useAppStore)
    render(<AdminHubPage />)
    for (const t of ['成员名册', ...ADMIN_ONLY]) expect(screen.getByText(t)).toBeTruthy()
    fireEvent.click(screen.getByText('组织结构'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/org/index' })
  })

  it('书记只看到成员名册', () => {
    actAs(secretaryProfile, useAppStore)
    render(<AdminHubPage />)
    expect(screen.getByText('成员名册')).toBeTruthy()
    for (const t of ADMIN_ONLY) expect(screen.queryByText(t)).toBeNull()
  })

  it('直接打开（store 里还没有资料）时先取本人资料再判断角色', async () => {
    useAppStore.getState().chooseDevIdentity({ openid: 'dev_admin', name: '周敏', roles: ['admin'], description: '' })
    routeCalls(mockCall, { 'member.me': () => ok(adminProfile) })
    render(<AdminHubPage />)
    expect(screen.getByText('正在加载您的身份…')).toBeTruthy()
    expect(await screen.findByText('操作记录')).toBeTruthy()
    expect(mockCall).toHaveBeenCalledWith('member', 'me')
  })
})
