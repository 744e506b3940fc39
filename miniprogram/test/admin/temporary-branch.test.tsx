import { fireEvent, render, screen, within } from '@testing-library/react'
import OrgIndexPage from '../../src/admin/org/index'
import { callFunction } from '../../src/services/cloud'
import { useAppStore } from '../../src/store'
import { actAs, adminProfile, fail, member, ok, routeCalls, tree } from './fixtures'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), listDevIdentities: jest.fn() }))
const mockCall = callFunction as unknown as jest.Mock
const callsOf = (action: string) => mockCall.mock.calls.filter(([fn, a]) => fn === 'org' && a === action).map(([, , data]) => data)

const treeWithParty = {
  ...tree,
  units: [
    ...tree.units,
    { id: 'u-party', parentId: 'u-root', name: '机关党委', level: '机关党委' as const, branchKind: null, status: 'active' as const, memberCount: 0 },
  ],
}
const found = [
  member({ id: 'm-li', name: '李建国', affiliation: '中共党员' }),
  member({ id: 'm-chen', name: '李志远', affiliation: '民盟', branches: [] }),
  member({ id: 'm-wang', name: '李秀兰', affiliation: '中共党员' }),
]

beforeEach(() => {
  mockCall.mockReset()
  actAs(adminProfile, useAppStore)
})

function choose(groupLabel: string, option: string) {
  fireEvent.click(screen.getByLabelText(new RegExp(`^${groupLabel}：`)))
  fireEvent.click(screen.getAllByText(option).find((el) => el.closest('.ui-select__options'))!)
}

describe('开设临时党支部', () => {
  it('按名册筛选：填名称、日期，选界别，查找并设书记（只列中共党员），一次提交', async () => {
    routeCalls(mockCall, {
      'org.tree': () => ok(treeWithParty),
      'roster.list': () => ok({ items: found, total: 3, page: 1, pageSize: 20 }),
      'org.openTemporaryBranch': () => ok({ ...treeWithParty, branchId: 'b-new', members: 21 }),
    })
    render(<OrgIndexPage />)
    fireEvent.click(await screen.findByText('＋ 开设临时党支部'))
    // 没选书记：就地提示，不提交
    fireEvent.input(screen.getByLabelText('支部名称'), { target: { value: '十五届五次全会临时党支部' } })
    fireEvent.click(screen.getByText('开设'))
    expect(await screen.findByText('请在下面查找并选定书记')).toBeTruthy()

    choose('界别', '经济界')
    fireEvent.input(screen.getByLabelText('查找书记'), { target: { value: '李' } })
    fireEvent.click(screen.getByText('查找'))
    expect(await screen.findByText('李建国')).toBeTruthy()
    expect(screen.queryByText('李志远')).toBeNull()
    fireEvent.click(screen.getByLabelText('设为书记：李建国'))
    expect(screen.getByText('书记：李建国')).toBeTruthy()
    fireEvent.click(screen.getByText('开设'))

    expect(await screen.findByText('已开设 十五届五次全会临时党支部：书记 李建国，成员 21 人')).toBeTruthy()
    const [sent] = callsOf('openTemporaryBranch') as Array<Record<string, string>>
    expect(sent).toMatchObject({ parentId: 'u-party', name: '十五届五次全会临时党支部', secretaryId: 'm-li', memberIds: [], filter: { sectorId: 's-1' } })
    expect(sent.endsOn >= sent.startsOn).toBe(true)
  })

  it('逐个查找加入：名单随提交；服务端拒绝时就地显示点名的原因', async () => {
    routeCalls(mockCall, {
      'org.tree': () => ok(treeWithParty),
      'roster.list': () => ok({ items: found, total: 3, page: 1, pageSize: 20 }),
      'org.openTemporaryBranch': () => fail('ORG.TEMP_RETIRED', '李秀兰 已退出，不能加入临时党支部'),
    })
    render(<OrgIndexPage />)
    fireEvent.click(await screen.findByText('＋ 开设临时党支部'))
    fireEvent.input(screen.getByLabelText('支部名称'), { target: { value: '考察临时党支部' } })
    fireEvent.click(screen.getByText('逐个查找加入'))
    fireEvent.click(screen.getByText('查找'))
    fireEvent.click(await screen.findByLabelText('设为书记：李建国'))
    fireEvent.click(screen.getByLabelText('加入：李秀兰'))
    expect(screen.getByText('已加入 1 人：李秀兰（书记另计）')).toBeTruthy()
    fireEvent.click(screen.getByText('开设'))
    expect(await screen.findByText('李秀兰 已退出，不能加入临时党支部')).toBeTruthy()
    expect(callsOf('openTemporaryBranch')).toEqual([expect.objectContaining({ name: '考察临时党支部', secretaryId: 'm-li', memberIds: ['m-wang'] })])
    expect(within(screen.getByText('开设临时党支部').parentElement!).getByText('开设')).toBeTruthy()
  })
})
