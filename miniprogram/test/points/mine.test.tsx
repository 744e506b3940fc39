import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import MyPointsPage from '../../src/points/mine/index'
import { useAppStore } from '../../src/store'
import { zhang } from '../fixtures'
import { YEAR, ledgerOf, uuid, wangEntries, wangLedger } from './fixtures'
import { callsTo, fail, ok, routeCalls } from './support'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), listDevIdentities: jest.fn() }))

beforeEach(() => {
  useAppStore.getState().chooseDevIdentity(zhang)
})

const entryCard = (id: number) => document.querySelector(`[data-entry-id="${uuid(id)}"]`) as HTMLElement

describe('我的积分', () => {
  it('合计等于下面列出的各条记录之和（党员积分分四类，委员履职积分一栏）', async () => {
    routeCalls({ 'points.mine': () => ok(wangLedger) })
    render(<MyPointsPage />)
    await screen.findByText(`${YEAR} 年度合计`)

    const sum = (track: string, category?: string) =>
      wangEntries.filter((e) => e.track === track && (!category || e.category === category)).reduce((a, e) => a + e.points, 0)
    const party = document.querySelector('[data-track="party"]') as HTMLElement
    const duty = document.querySelector('[data-track="duty"]') as HTMLElement
    expect(within(party).getByText('党员积分')).toBeTruthy()
    expect(within(party).getByText(`${sum('party')} 分`)).toBeTruthy()
    expect(within(party).getByText(`学习积分 +${sum('party', '学习')}`)).toBeTruthy()
    expect(within(party).getByText(`考评积分 +${sum('party', '考评')}`)).toBeTruthy()
    // 品行：−5、+5、−3、冲正 +3 相抵为 0
    expect(within(party).getByText('品行积分 0')).toBeTruthy()
    expect(within(duty).getByText(`${sum('duty')} 分`)).toBeTruthy()
    expect(screen.getByText(/合计由下面列出的 9 条记录相加得出/)).toBeTruthy()
  })

  it('合计不照抄服务端的数字：若服务端合计与流水不符，屏幕上仍以流水之和为准', async () => {
    const wrongTotals = { ...wangLedger, totals: wangLedger.totals.map((t) => ({ ...t, total: 999 })) }
    routeCalls({ 'points.mine': () => ok(wrongTotals) })
    render(<MyPointsPage />)
    await screen.findByText(`${YEAR} 年度合计`)
    expect(screen.queryByText('999 分')).toBeNull()
  })

  it('非党员只有委员履职积分一栏', async () => {
    const duty = wangEntries.filter((e) => e.track === 'duty')
    const ledger = ledgerOf(duty, { isCpc: false, memberName: '陈志远' })
    routeCalls({ 'points.mine': () => ok({ ...ledger, totals: ledger.totals.filter((t) => t.track === 'duty') }) })
    render(<MyPointsPage />)
    await screen.findByText(`${YEAR} 年度合计`)
    expect(document.querySelector('[data-track="party"]')).toBeNull()
    expect(within(document.querySelector('[data-track="duty"]') as HTMLElement).getByText('5 分')).toBeTruthy()
  })

  it('每条记录显示来由说明、带符号的分值、日期，新的在前', async () => {
    routeCalls({ 'points.mine': () => ok(wangLedger) })
    render(<MyPointsPage />)
    await screen.findByText(`${YEAR} 年度合计`)

    for (const e of wangEntries.filter((x) => !x.reversesEntryId)) expect(screen.getByText(e.explanation)).toBeTruthy()
    const study = entryCard(1)
    expect(within(study).getByText('+2 分')).toBeTruthy()
    expect(within(study).getByText(`${YEAR}年3月1日`)).toBeTruthy()
    expect(within(study).getByText('党员积分 · 学习 · 集中学习')).toBeTruthy()
    const minus = within(entryCard(3)).getByText('−5 分')
    expect(minus.className).toContain('pt-entry__points--minus')

    // 新的在前：服务端给的第 1 条（3 月 1 日）排到 2 月之前、4 月之后
    const order = Array.from(document.querySelectorAll('[data-entry-id]')).map((el) => el.getAttribute('data-entry-id'))
    // 撤销记录不单列：并在它撤销的那一条里（9 并入 8，7 并入 6）
    expect(order).toEqual([8, 5, 4, 3, 2, 1, 6].map(uuid))
  })

  it('一条记录连同它的撤销是一项：写明现在算多少和经过，不用“冲正”这样的记账话', async () => {
    routeCalls({ 'points.mine': () => ok(wangLedger) })
    render(<MyPointsPage />)
    await screen.findByText(`${YEAR} 年度合计`)

    const appealed = entryCard(8)
    expect(within(appealed).getByText('已撤销，现计 0 分')).toBeTruthy()
    expect(within(appealed).getByText(`${YEAR}年7月2日 申诉已采纳，撤销扣分 −3`)).toBeTruthy()
    expect(within(appealed).getByText(`${YEAR}年7月2日 申诉已采纳（李建国）：经核实确有请假`)).toBeTruthy()
    expect(within(entryCard(6)).getByText(`${YEAR}年2月2日 撤销加分 +10（周敏）：记错了人`)).toBeTruthy()
    expect(within(entryCard(4)).getByText('申诉中')).toBeTruthy()
    expect(document.querySelector('[data-entry-id="' + uuid(9) + '"]')).toBeNull()
    for (const id of [8, 6]) expect(within(entryCard(id)).queryByText(/冲正/)).toBeNull()
  })

  it('只有可申诉且没有待处理申诉的条目有「申诉」按钮', async () => {
    routeCalls({ 'points.mine': () => ok(wangLedger) })
    render(<MyPointsPage />)
    await screen.findByText(`${YEAR} 年度合计`)

    expect(within(entryCard(5)).getByText('申诉')).toBeTruthy()
    expect(within(entryCard(3)).getByText('再次申诉')).toBeTruthy()
    // 4 号申诉中；其余不是支部评定、或已冲正
    for (const id of [1, 2, 4, 6, 8]) expect(within(entryCard(id)).queryByRole('button')).toBeNull()
  })

  it('“五个一”逐项写明已完成（由什么完成、哪天）或未完成', async () => {
    routeCalls({ 'points.mine': () => ok(wangLedger) })
    render(<MyPointsPage />)
    await screen.findByText(`${YEAR} 年“五个一”`)

    expect(screen.getByText('已完成 1 项，共 5 项')).toBeTruthy()
    const proposal = document.querySelector('[data-item="proposal"]') as HTMLElement
    expect(within(proposal).getByText('撰写一件提案')).toBeTruthy()
    expect(within(proposal).getByText('✓ 已完成')).toBeTruthy()
    expect(within(proposal).getByText(`关于加快老旧小区改造的提案（${YEAR}年3月15日）`)).toBeTruthy()
    for (const item of ['opinion', 'research', 'sector_activity', 'livelihood']) {
      expect(within(document.querySelector(`[data-item="${item}"]`) as HTMLElement).getByText('未完成')).toBeTruthy()
    }
  })

  it('申诉：理由少于 5 个字就地提示；写够后提交 points.appeal 并重新取积分', async () => {
    const mock = routeCalls({
      'points.mine': () => ok(wangLedger),
      'points.appeal': () => ok({}),
    })
    render(<MyPointsPage />)
    await screen.findByText(`${YEAR} 年度合计`)

    fireEvent.click(within(entryCard(5)).getByText('申诉'))
    const reason = within(entryCard(5)).getByLabelText('申诉理由')
    fireEvent.change(reason, { target: { value: '不对' } })
    fireEvent.click(within(entryCard(5)).getByText('提交申诉'))
    expect(within(entryCard(5)).getByText('请写明申诉理由（至少 5 个字）')).toBeTruthy()
    expect(callsTo(mock, 'points', 'appeal')).toEqual([])

    fireEvent.change(reason, { target: { value: '  民主评议我是优秀，但应为满分  ' } })
    fireEvent.click(within(entryCard(5)).getByText('提交申诉'))
    expect(await screen.findByText('申诉已提交，支部书记答复后会显示在这里。')).toBeTruthy()
    expect(callsTo(mock, 'points', 'appeal')).toEqual([{ entryId: uuid(5), reason: '民主评议我是优秀，但应为满分' }])
    await waitFor(() => expect(callsTo(mock, 'points', 'mine')).toHaveLength(2))
  })

  it('申诉失败时显示服务端的中文提示，表单留着', async () => {
    routeCalls({
      'points.mine': () => ok(wangLedger),
      'points.appeal': () => fail('POINTS.YEAR_CLOSED', `${YEAR} 年度积分已关账，请联系政协办公室`),
    })
    render(<MyPointsPage />)
    await screen.findByText(`${YEAR} 年度合计`)
    fireEvent.click(within(entryCard(5)).getByText('申诉'))
    fireEvent.change(within(entryCard(5)).getByLabelText('申诉理由'), { target: { value: '评议结果记错了等级' } })
    fireEvent.click(within(entryCard(5)).getByText('提交申诉'))
    expect(await screen.findByText(`${YEAR} 年度积分已关账，请联系政协办公室`)).toBeTruthy()
    expect(within(entryCard(5)).getByLabelText('申诉理由')).toBeTruthy()
  })

  it('切换到往年时按年度重取', async () => {
    const mock = routeCalls({ 'points.mine': (d) => ok({ ...ledgerOf([]), year: (d as { year: number }).year }) })
    render(<MyPointsPage />)
    await screen.findByText(`${YEAR} 年度合计`)
    expect(screen.getByText('这一年还没有积分记录。')).toBeTruthy()
    fireEvent.click(screen.getByText(`${YEAR - 1} 年`))
    expect(await screen.findByText(`${YEAR - 1} 年度合计`)).toBeTruthy()
    expect(callsTo(mock, 'points', 'mine')).toEqual([{ year: YEAR }, { year: YEAR - 1 }])
  })

  it('页脚说明不以在线时长、点赞、转发计分', async () => {
    routeCalls({ 'points.mine': () => ok(wangLedger) })
    render(<MyPointsPage />)
    expect(screen.getByText('积分只记录参加会议、履职事项和支部评定；不以在线时长、点赞、转发计分。')).toBeTruthy()
    await screen.findByText(`${YEAR} 年度合计`)
  })

  it('服务器忙时显示服务端提示，可重试', async () => {
    const mock = routeCalls({ 'points.mine': () => fail('INTERNAL', '系统繁忙，请稍后再试') })
    render(<MyPointsPage />)
    expect(await screen.findByText('系统繁忙，请稍后再试')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    await waitFor(() => expect(callsTo(mock, 'points', 'mine')).toHaveLength(2))
  })

  it('未绑定是拒绝：说明该怎么办，不给「重试」', async () => {
    routeCalls({ 'points.mine': () => fail('NOT_BOUND', '您的微信尚未绑定委员信息，请输入邀请码完成绑定') })
    render(<MyPointsPage />)
    expect(await screen.findByText('您的微信尚未绑定委员信息，请输入邀请码完成绑定')).toBeTruthy()
    expect(screen.getByText('请先用政协办公室发放的邀请码绑定身份。')).toBeTruthy()
    expect(screen.queryByText('重试')).toBeNull()
  })
})
