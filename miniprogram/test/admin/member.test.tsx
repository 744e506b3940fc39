import { fireEvent, render, screen, within } from '@testing-library/react'
import MemberDetailPage from '../../src/admin/member/index'
import { callFunction } from '../../src/services/cloud'
import { useAppStore } from '../../src/store'
import { setRouterParams } from '../stubs/taro'
import { actAs, adminProfile, member, ok, routeCalls, secretaryProfile, tree } from './fixtures'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), listDevIdentities: jest.fn() }))
const mockCall = callFunction as unknown as jest.Mock
const callsOf = (action: string) => mockCall.mock.calls.filter(([, a]) => a === action).map(([, , data]) => data)

beforeEach(() => {
  mockCall.mockReset()
  setRouterParams({ id: 'm-10' })
})

describe('成员资料', () => {
  it('签发邀请码：大字显示邀请码、只显示一次的提醒与有效期', async () => {
    actAs(adminProfile, useAppStore)
    let pending = false
    routeCalls(mockCall, {
      'roster.get': () => ok(member({ invitePending: pending })),
      'roster.issueInvite': () => {
        pending = true
        return ok({ memberId: 'm-10', memberName: '王秀兰', code: 'K7QM3XPA', expiresAt: '2026-12-26T02:00:00.000Z' })
      },
    })
    render(<MemberDetailPage />)
    expect(await screen.findByText('微信绑定')).toBeTruthy()
    expect(screen.getByText('未绑定')).toBeTruthy()

    fireEvent.click(screen.getByText('签发邀请码'))
    expect(await screen.findByText('K7QM 3XPA')).toBeTruthy()
    expect(screen.getByText('邀请码只显示这一次，请告知本人')).toBeTruthy()
    expect(screen.getByText(/有效期至 2026年12月26日/)).toBeTruthy()
    expect(callsOf('issueInvite')).toEqual([{ memberId: 'm-10' }])
    // 详情随之刷新：已有待用的邀请码，按钮变成「重新签发」
    expect(await screen.findByText('重新签发邀请码')).toBeTruthy()
    expect(screen.getByText('邀请码待使用')).toBeTruthy()
  })

  it('重新签发要先确认（旧码作废）', async () => {
    actAs(adminProfile, useAppStore)
    routeCalls(mockCall, {
      'roster.get': () => ok(member({ invitePending: true })),
      'roster.issueInvite': () => ok({ memberId: 'm-10', memberName: '王秀兰', code: 'ABCDEFGH', expiresAt: '2026-12-26T02:00:00.000Z' }),
    })
    render(<MemberDetailPage />)
    fireEvent.click(await screen.findByText('重新签发邀请码'))
    expect(callsOf('issueInvite')).toHaveLength(0)
    expect(screen.getByText(/原来那个还没用的邀请码会立即作废/)).toBeTruthy()
    fireEvent.click(screen.getByText('确认重新签发'))
    expect(await screen.findByText('ABCD EFGH')).toBeTruthy()
  })

  it('办公室看得到谁作废了哪个邀请码', async () => {
    actAs(adminProfile, useAppStore)
    const lastVoidedInvite = { issuedByName: '周敏', issuedAt: '2026-11-20T01:00:00.000Z', voidedByName: '李建国', voidedAt: '2026-11-26T02:30:00.000Z' }
    routeCalls(mockCall, { 'roster.get': () => ok(member({ invitePending: true, lastVoidedInvite })) })
    render(<MemberDetailPage />)
    expect(await screen.findByText('作废的邀请码')).toBeTruthy()
    expect(screen.getByText('周敏 2026-11-20 09:00 签发的邀请码，已由李建国于 2026-11-26 10:30 作废')).toBeTruthy()
  })

  it('书记：编辑只有姓名与手机号，没有管理员的操作；只提交改动的字段', async () => {
    actAs(secretaryProfile, useAppStore)
    routeCalls(mockCall, {
      'roster.get': () => ok(member()),
      'roster.update': (d) => ok(member({ name: d.name })),
    })
    render(<MemberDetailPage />)
    await screen.findByText('微信绑定')
    for (const label of ['设为管理员', '办理退出', '解除微信绑定', '编辑资料']) expect(screen.queryByText(label)).toBeNull()

    fireEvent.click(screen.getByText('修改姓名或手机号'))
    expect(screen.getByLabelText('姓名')).toBeTruthy()
    expect(screen.getByLabelText('手机号')).toBeTruthy()
    for (const label of ['职务', '政治面貌', '界别', '专委会（可多选）', '党组织关系']) expect(screen.queryByText(label)).toBeNull()
    expect(screen.getByText(/支部书记只能修改姓名和手机号/)).toBeTruthy()
    // 书记的表单用不着组织树
    expect(callsOf('tree')).toHaveLength(0)

    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '王秀岚' } })
    fireEvent.click(screen.getByText('保存'))
    expect(await screen.findByText('资料已保存')).toBeTruthy()
    expect(callsOf('update')).toEqual([{ memberId: 'm-10', name: '王秀岚' }])
    expect(screen.getByText('王秀岚')).toBeTruthy()
  })

  it('管理员：编辑全部字段，改政治面貌为非党员时提示将移除组织关系', async () => {
    actAs(adminProfile, useAppStore)
    routeCalls(mockCall, {
      'roster.get': () => ok(member()),
      'org.tree': () => ok(tree),
      'roster.update': () => ok(member({ affiliation: '民盟', branches: [] })),
    })
    render(<MemberDetailPage />)
    fireEvent.click(await screen.findByText('编辑资料'))
    expect(await screen.findByText('政治面貌')).toBeTruthy()
    expect(screen.getByText('专委会（可多选）')).toBeTruthy()
    expect(screen.getByText('第 1 条')).toBeTruthy()

    const affiliation = screen.getByText('政治面貌').parentElement!
    fireEvent.click(within(affiliation).getByText('民盟'))
    expect(screen.getByText(/保存后将移除原有的 1 条组织关系/)).toBeTruthy()
    fireEvent.click(screen.getByText('保存'))
    expect(await screen.findByText('资料已保存')).toBeTruthy()
    expect(callsOf('update')).toEqual([{ memberId: 'm-10', affiliation: '民盟', memberships: [] }])
  })

  it('资料页列出名册字段；编辑时改届次只提交届次', async () => {
    actAs(adminProfile, useAppStore)
    routeCalls(mockCall, {
      'roster.get': () => ok(member()),
      'org.tree': () => ok(tree),
      'roster.update': () => ok(member({ term: '第十六届' })),
    })
    render(<MemberDetailPage />)
    const row = async (label: string) => (await screen.findByText(label)).parentElement!.textContent
    expect(await row('性别')).toBe('性别女')
    expect(await row('民族')).toBe('民族汉族')
    expect(await row('出生年月')).toBe('出生年月1962年5月')
    expect(await row('工作单位及职务')).toBe('工作单位及职务市第一中学 副校长')
    expect(await row('届次')).toBe('届次第十五届')
    fireEvent.click(screen.getByText('编辑资料'))
    const term = (await screen.findByLabelText('届次')) as HTMLInputElement
    expect(term.value).toBe('第十五届')
    fireEvent.input(term, { target: { value: '第十六届' } })
    fireEvent.click(screen.getByText('保存'))
    expect(await screen.findByText('资料已保存')).toBeTruthy()
    expect(callsOf('update')).toEqual([{ memberId: 'm-10', term: '第十六届' }])
  })

  it('退出要写原因，少于两个字不提交', async () => {
    actAs(adminProfile, useAppStore)
    routeCalls(mockCall, {
      'roster.get': () => ok(member()),
      'roster.retire': (d) => ok(member({ status: 'retired', retiredAt: '2026-11-26T02:00:00.000Z', retireReason: d.reason })),
    })
    render(<MemberDetailPage />)
    fireEvent.click(await screen.findByText('办理退出'))
    fireEvent.click(screen.getByText('确认退出'))
    expect(screen.getByRole('alert').textContent).toBe('请填写退出原因（至少两个字）')
    expect(callsOf('retire')).toHaveLength(0)

    fireEvent.change(screen.getByLabelText('退出原因'), { target: { value: '换届' } })
    fireEvent.click(screen.getByText('确认退出'))
    expect(await screen.findByText('王秀兰 已退出')).toBeTruthy()
    expect(callsOf('retire')).toEqual([{ memberId: 'm-10', reason: '换届' }])
    expect(screen.getByText('已退出（2026年11月26日，换届）')).toBeTruthy()
  })
})
