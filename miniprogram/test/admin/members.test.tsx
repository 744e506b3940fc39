import { fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import MembersPage from '../../src/admin/members/index'
import { callFunction } from '../../src/services/cloud'
import { useAppStore } from '../../src/store'
import { actAs, adminProfile, member, ok, routeCalls, secretaryProfile, tree } from './fixtures'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), listDevIdentities: jest.fn() }))
const mockCall = callFunction as unknown as jest.Mock

/** 45 人，每页 20：共 3 页；每页的人名带页码，便于看出翻到了哪页 */
function listPage(data: { page: number; pageSize: number }) {
  const first = member({ id: `p${data.page}-1`, name: `第${data.page}页甲`, position: '常委', sector: { id: 's-1', name: '经济界' }, bound: true })
  const second = member({ id: `p${data.page}-2`, name: `第${data.page}页乙`, sector: null, invitePending: true })
  const third = member({ id: `p${data.page}-3`, name: `第${data.page}页丙`, sector: { id: 's-2', name: '教育界' } })
  return ok({ items: [first, second, third], total: 45, page: data.page, pageSize: data.pageSize })
}

const listCalls = () => mockCall.mock.calls.filter(([fn, action]) => fn === 'roster' && action === 'list').map(([, , data]) => data)

beforeEach(() => {
  mockCall.mockReset()
  routeCalls(mockCall, { 'roster.list': listPage, 'org.tree': () => ok(tree) })
})

describe('成员名册', () => {
  it('列出姓名、职务、界别与绑定状态，写明总人数和页码', async () => {
    actAs(adminProfile, useAppStore)
    render(<MembersPage />)

    const row = (await screen.findByText('第1页甲')).closest('button')!
    expect(within(row).getByText('常委')).toBeTruthy()
    expect(within(row).getByText('经济界')).toBeTruthy()
    expect(within(row).getByText('已绑定')).toBeTruthy()
    expect(within(screen.getByText('第1页乙').closest('button')!).getByText('邀请码待使用')).toBeTruthy()
    expect(within(screen.getByText('第1页乙').closest('button')!).getByText('无界别')).toBeTruthy()
    expect(within(screen.getByText('第1页丙').closest('button')!).getByText('未绑定')).toBeTruthy()
    expect(screen.getByText('共 45 人')).toBeTruthy()
    expect(screen.getByText('第 1/3 页')).toBeTruthy()
    expect(listCalls()[0]).toEqual({ status: 'active', page: 1, pageSize: 20 })

    fireEvent.click(row)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/admin/member/index?id=p1-1' })
  })

  it('下一页、上一页；第一页时「上一页」不可点', async () => {
    actAs(adminProfile, useAppStore)
    render(<MembersPage />)
    await screen.findByText('第1页甲')
    expect(screen.getByText('上一页').getAttribute('aria-disabled')).toBe('true')

    fireEvent.click(screen.getByText('下一页'))
    expect(await screen.findByText('第2页甲')).toBeTruthy()
    expect(screen.getByText('第 2/3 页')).toBeTruthy()
    fireEvent.click(screen.getByText('下一页'))
    expect(await screen.findByText('第 3/3 页')).toBeTruthy()
    expect(screen.getByText('下一页').getAttribute('aria-disabled')).toBe('true')

    fireEvent.click(screen.getByText('上一页'))
    expect(await screen.findByText('第 2/3 页')).toBeTruthy()
    expect(listCalls().map((d) => d.page)).toEqual([1, 2, 3, 2])
  })

  it('搜索与筛选都回到第 1 页', async () => {
    actAs(adminProfile, useAppStore)
    render(<MembersPage />)
    await screen.findByText('第1页甲')
    fireEvent.click(screen.getByText('下一页'))
    await screen.findByText('第 2/3 页')

    fireEvent.change(screen.getByLabelText('搜索姓名或手机号'), { target: { value: ' 1391234 ' } })
    fireEvent.click(screen.getByText('搜索'))
    await screen.findByText('第 1/3 页')
    expect(listCalls().at(-1)).toEqual({ q: '1391234', status: 'active', page: 1, pageSize: 20 })

    fireEvent.click(screen.getByText('筛选 ▾'))
    const branchField = screen.getByText('支部').parentElement!
    fireEvent.click(within(branchField).getByText('更改 ▾'))
    fireEvent.click(within(branchField).getByText('机关党支部'))
    fireEvent.click(screen.getByText('全部'))
    await screen.findByText('第 1/3 页')
    expect(listCalls().at(-1)).toEqual({ q: '1391234', branchId: 'b-1', status: 'all', page: 1, pageSize: 20 })
  })

  it('书记：说明只列本支部成员，支部筛选只有自己管理的支部，没有「新增成员」', async () => {
    actAs(secretaryProfile, useAppStore)
    render(<MembersPage />)
    await screen.findByText('第1页甲')

    expect(screen.getByText('这里只列出您所在支部的成员。')).toBeTruthy()
    expect(screen.queryByText('＋ 新增成员')).toBeNull()
    // 名册导出含手机号等个人信息：只有管理员有这个按钮
    expect(screen.queryByText('导出名册')).toBeNull()
    fireEvent.click(screen.getByText('筛选 ▾'))
    const branchField = screen.getByText('支部').parentElement!
    fireEvent.click(within(branchField).getByText('更改 ▾'))
    expect(within(branchField).getByText('经济委功能型党支部')).toBeTruthy()
    expect(within(branchField).queryByText('机关党支部')).toBeNull()
  })

  it('不是管理员也不是书记：不去取名册', async () => {
    actAs({ ...secretaryProfile, roles: ['member'], branches: [] }, useAppStore)
    render(<MembersPage />)
    expect(screen.getByText('这项功能只对政协办公室管理员和支部书记开放')).toBeTruthy()
    expect(screen.queryByText('重试')).toBeNull()
    expect(mockCall).not.toHaveBeenCalled()
  })

  it('管理员按当前的搜索与筛选导出名册（不分页），浏览器里下载表格', async () => {
    const createObjectURL = jest.fn(() => 'blob:x')
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() })
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    routeCalls(mockCall, {
      'roster.list': listPage,
      'org.tree': () => ok(tree),
      'roster.exportRoster': () => ok({ fileName: '成员名册-2026-11-26.xlsx', contentBase64: 'UEsDBA==' }),
    })
    actAs(adminProfile, useAppStore)
    render(<MembersPage />)
    await screen.findByText('第1页甲')
    fireEvent.change(screen.getByLabelText('搜索姓名或手机号'), { target: { value: '王' } })
    fireEvent.click(screen.getByText('搜索'))
    fireEvent.click(screen.getByText('导出名册'))

    expect(await screen.findByText('已导出「成员名册-2026-11-26.xlsx」')).toBeTruthy()
    const exports = mockCall.mock.calls.filter(([fn, action]) => fn === 'roster' && action === 'exportRoster').map(([, , data]) => data)
    expect(exports).toEqual([{ q: '王', status: 'active' }])
    expect(createObjectURL).toHaveBeenCalledTimes(1)
    expect(click).toHaveBeenCalledTimes(1)
    click.mockRestore()
  })
})
