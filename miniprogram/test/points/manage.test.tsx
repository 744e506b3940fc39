import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { MemberProfile } from '@tongxin/shared-types'
import PointsManagePage from '../../src/points/manage/index'
import { useAppStore } from '../../src/store'
import { zhang, zhangProfile } from '../fixtures'
import { WANG_ID, YEAR, rules, uuid, wangDetail, wangEntries, wangLedger } from './fixtures'
import { callsTo, fail, held, ok, routeCalls, type Handler } from './support'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), listDevIdentities: jest.fn() }))

const adminProfile: MemberProfile = { ...zhangProfile, name: '周敏', roles: ['member', 'admin'] }

function setup(profile: MemberProfile, extra: Record<string, Handler> = {}) {
  useAppStore.getState().chooseDevIdentity(zhang)
  useAppStore.getState().rememberProfile(profile)
  const mock = routeCalls({
    'roster.list': () => ok({ items: [wangDetail], total: 1, page: 1, pageSize: 20 }),
    'points.ledger': () => ok(wangLedger),
    'points.rules': () => ok(rules),
    ...extra,
  })
  render(<PointsManagePage />)
  return mock
}

async function pickWang() {
  fireEvent.click(await screen.findByText('王秀兰'))
  await screen.findByText(`${YEAR} 年度合计`)
}

const ruleButtons = () => Array.from(document.querySelectorAll('.ui-chips--stack .ui-chip')).map((b) => b.firstChild?.textContent)

describe('积分管理：评定加减分', () => {
  it('书记找到成员后，按规则、扣分、分值、原因发出 points.adjust，并显示记入的说明', async () => {
    const mock = setup(zhangProfile, {
      'points.adjust': () =>
        ok({ ...wangEntries[4], id: uuid(50), explanation: '「品行评定：会上迟到」按规则「品行评定」，记 -3 分，由张建国评定，原因：会上迟到' }),
    })
    await pickWang()
    expect(callsTo(mock, 'points', 'ledger')).toEqual([{ memberId: WANG_ID, year: YEAR }])

    fireEvent.click(screen.getByText('评定加减'))
    await screen.findByText('为王秀兰评定加减分')
    // 书记只看到党员积分的评定类规则：不含自动记分的「集中学习」，也不含办公室的「履职评定」
    expect(ruleButtons()).toEqual(['品行评定', '民主评议'])

    fireEvent.click(screen.getByText('品行评定'))
    expect(screen.getByText('「品行评定」每次可记 −10 到 +10 分（常用 +5 分）')).toBeTruthy()
    fireEvent.click(screen.getByText('扣分'))
    fireEvent.change(screen.getByLabelText('分值'), { target: { value: '3' } })
    fireEvent.change(screen.getByLabelText('原因（必填）'), { target: { value: ' 会上迟到 ' } })
    fireEvent.click(screen.getByText('记入积分'))

    expect(await screen.findByText('已记入王秀兰的积分：「品行评定：会上迟到」按规则「品行评定」，记 -3 分，由张建国评定，原因：会上迟到')).toBeTruthy()
    expect(callsTo(mock, 'points', 'adjust')).toEqual([{ memberId: WANG_ID, ruleCode: 'party.conduct', points: -3, reason: '会上迟到' }])
    // 记完重取台账
    await waitFor(() => expect(callsTo(mock, 'points', 'ledger')).toHaveLength(2))
    // 下一次评定不沿用「扣分」：要重新选
    expect(screen.getByText('扣分').getAttribute('aria-pressed')).toBe('false')
    expect(screen.getByText('加分').getAttribute('aria-pressed')).toBe('false')
  })

  it('服务端拒绝时原样显示它的中文提示', async () => {
    setup(zhangProfile, { 'points.adjust': () => fail('FORBIDDEN', '只能管理您所在支部的成员') })
    await pickWang()
    fireEvent.click(screen.getByText('评定加减'))
    fireEvent.click(await screen.findByText('民主评议'))
    fireEvent.click(screen.getByText('加分'))
    fireEvent.change(screen.getByLabelText('分值'), { target: { value: '10' } })
    fireEvent.change(screen.getByLabelText('原因（必填）'), { target: { value: '民主评议优秀' } })
    fireEvent.click(screen.getByText('记入积分'))
    expect(await screen.findByText('只能管理您所在支部的成员')).toBeTruthy()
  })

  // 只假装今天的日期，计时器照常（页面的等待靠它们）
  const onDate = (iso: string) =>
    jest.useFakeTimers({
      now: new Date(iso),
      doNotFake: [
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'setImmediate',
        'clearImmediate',
        'queueMicrotask',
        'nextTick',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'performance',
        'hrtime',
      ],
    })

  it('年初可把评定补记进上一年度', async () => {
    onDate(`${YEAR + 1}-01-10T10:00:00+08:00`)
    try {
      const mock = setup(zhangProfile, { 'points.adjust': () => ok({ ...wangEntries[4], id: uuid(51), explanation: '已补记' }) })
      await pickWang()
      fireEvent.click(screen.getByText('评定加减'))
      fireEvent.click(await screen.findByText('品行评定'))
      expect(screen.getByText('记入年度')).toBeTruthy()
      fireEvent.click(screen.getByText(`${YEAR} 年（补记）`))
      fireEvent.click(screen.getByText('加分'))
      fireEvent.change(screen.getByLabelText('分值'), { target: { value: '2' } })
      fireEvent.change(screen.getByLabelText('原因（必填）'), { target: { value: '十二月志愿服务' } })
      fireEvent.click(screen.getByText('记入积分'))
      await screen.findByText('已记入王秀兰的积分：已补记')
      expect(callsTo(mock, 'points', 'adjust')).toEqual([{ memberId: WANG_ID, ruleCode: 'party.conduct', points: 2, reason: '十二月志愿服务', year: YEAR }])
    } finally {
      jest.useRealTimers()
    }
  })

  it('一季度以后只记本年度，没有年度这道选择', async () => {
    onDate(`${YEAR}-06-10T10:00:00+08:00`)
    try {
      setup(zhangProfile)
      await pickWang()
      fireEvent.click(screen.getByText('评定加减'))
      fireEvent.click(await screen.findByText('品行评定'))
      expect(screen.getByText('加分还是扣分')).toBeTruthy()
      expect(screen.queryByText('记入年度')).toBeNull()
    } finally {
      jest.useRealTimers()
    }
  })

  it('没选加减、超出规则范围、没写原因时就地提示，不发请求', async () => {
    const mock = setup(zhangProfile)
    await pickWang()
    fireEvent.click(screen.getByText('评定加减'))
    fireEvent.click(await screen.findByText('品行评定'))
    fireEvent.change(screen.getByLabelText('分值'), { target: { value: '20' } })
    fireEvent.click(screen.getByText('记入积分'))
    // 加分还是扣分没有默认值，必须明确选
    expect(screen.getByText('请选择加分还是扣分')).toBeTruthy()
    fireEvent.click(screen.getByText('加分'))
    fireEvent.click(screen.getByText('记入积分'))
    expect(screen.getByText('分值应在 −10 到 +10 之间')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('分值'), { target: { value: '2' } })
    fireEvent.click(screen.getByText('记入积分'))
    expect(screen.getByText('请写明原因（至少 2 个字）')).toBeTruthy()
    expect(callsTo(mock, 'points', 'adjust')).toEqual([])
  })

  it('管理员还能用委员履职积分的评定规则', async () => {
    setup(adminProfile)
    await pickWang()
    fireEvent.click(screen.getByText('评定加减'))
    await screen.findByText('为王秀兰评定加减分')
    expect(ruleButtons()).toEqual(['品行评定', '民主评议', '履职评定'])
  })

  it('按姓名查找成员时把关键词交给 roster.list', async () => {
    const mock = setup(zhangProfile)
    await screen.findByText('王秀兰')
    fireEvent.change(screen.getByLabelText('按姓名查找成员'), { target: { value: ' 王 ' } })
    fireEvent.click(screen.getByText('查找'))
    await waitFor(() =>
      expect(callsTo(mock, 'roster', 'list')).toEqual([
        { page: 1, pageSize: 20 },
        { q: '王', page: 1, pageSize: 20 },
      ]),
    )
  })
})

describe('积分管理：冲正与“五个一”', () => {
  it('书记冲正本支部评定的党员积分，写明原因', async () => {
    const mock = setup(zhangProfile, { 'points.reverse': () => ok(wangEntries[0]) })
    await pickWang()
    const card = document.querySelector(`[data-entry-id="${uuid(5)}"]`) as HTMLElement
    // 自动记分的「集中学习」书记不能冲正
    expect(within(document.querySelector(`[data-entry-id="${uuid(1)}"]`) as HTMLElement).queryByText('冲正')).toBeNull()
    fireEvent.click(within(card).getByText('冲正'))
    fireEvent.change(within(card).getByLabelText('冲正原因'), { target: { value: '评议结果录错' } })
    fireEvent.click(within(card).getByText('确认冲正'))
    expect(await within(card).findByText('已冲正，冲正记录已列在上方。')).toBeTruthy()
    expect(callsTo(mock, 'points', 'reverse')).toEqual([{ entryId: uuid(5), reason: '评议结果录错' }])
  })

  it('登记“五个一”事项：事项、名称、日期', async () => {
    const mock = setup(zhangProfile, { 'points.recordFiveOne': () => ok({ id: 'x' }) })
    await pickWang()
    fireEvent.click(screen.getByText('五个一'))
    fireEvent.click(screen.getByRole('button', { name: '办好一件民生实事' }))
    fireEvent.change(screen.getByLabelText('事项名称'), { target: { value: '推动老旧小区加装电梯' } })
    fireEvent.change(screen.getByLabelText('日期'), { target: { value: `${YEAR}-03-05` } })
    fireEvent.click(screen.getByText('登记'))
    expect(await screen.findByText('已为王秀兰登记“办好一件民生实事”：推动老旧小区加装电梯')).toBeTruthy()
    expect(callsTo(mock, 'points', 'recordFiveOne')).toEqual([{ memberId: WANG_ID, item: 'livelihood', title: '推动老旧小区加装电梯', date: `${YEAR}-03-05` }])
  })

  it('普通成员打开时说明只对书记和办公室开放，不去取名单', async () => {
    const mock = setup({ ...zhangProfile, roles: ['member'] })
    expect(await screen.findByText('这项功能只对政协办公室管理员和支部书记开放')).toBeTruthy()
    // 不够格是拒绝，不是故障：说谁能办，不给「重试」
    expect(screen.getByText(/请联系本支部书记或政协办公室/)).toBeTruthy()
    expect(screen.queryByText('重试')).toBeNull()
    expect(callsTo(mock, 'roster', 'list')).toEqual([])
  })
})

describe('积分管理的提交：提交中再点不会重复发出；服务器拒绝时显示它的提示', () => {
  const pressTwice = (button: HTMLElement) => {
    fireEvent.click(button)
    fireEvent.click(button)
  }

  it('评定加减分', async () => {
    const reply = held()
    const mock = setup(zhangProfile, { 'points.adjust': reply.handler })
    await pickWang()
    fireEvent.click(screen.getByText('评定加减'))
    fireEvent.click(await screen.findByText('品行评定'))
    fireEvent.click(screen.getByText('加分'))
    fireEvent.change(screen.getByLabelText('分值'), { target: { value: '2' } })
    fireEvent.change(screen.getByLabelText('原因（必填）'), { target: { value: '志愿服务' } })
    pressTwice(screen.getByText('记入积分'))
    expect(screen.getByText('正在保存…')).toBeTruthy()
    expect(callsTo(mock, 'points', 'adjust')).toHaveLength(1)
    reply.answer(fail('POINTS.ONCE_A_YEAR', '这条规则每人每年只记一次，本年度已经记过了'))
    expect((await screen.findByRole('alert')).textContent).toBe('这条规则每人每年只记一次，本年度已经记过了')
  })

  it('登记“五个一”', async () => {
    const reply = held()
    const mock = setup(zhangProfile, { 'points.recordFiveOne': reply.handler })
    await pickWang()
    fireEvent.click(screen.getByText('五个一'))
    fireEvent.click(screen.getByRole('button', { name: '办好一件民生实事' }))
    fireEvent.change(screen.getByLabelText('事项名称'), { target: { value: '推动老旧小区加装电梯' } })
    pressTwice(screen.getByText('登记'))
    expect(screen.getByText('正在登记…')).toBeTruthy()
    expect(callsTo(mock, 'points', 'recordFiveOne')).toHaveLength(1)
    reply.answer(fail('POINTS.FUTURE_DATE', '日期不能晚于今天'))
    expect((await screen.findByRole('alert')).textContent).toBe('日期不能晚于今天')
  })
})
