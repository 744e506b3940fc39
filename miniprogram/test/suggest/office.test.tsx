import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { SuggestionStats, SuggestionSummary } from '@tongxin/shared-types'
import SuggestOfficePage from '../../src/suggest/office/index'
import { useAppStore } from '../../src/store'
import { currentYear } from '../../src/utils/time'
import { zhang } from '../fixtures'
import { callsTo, ok, routeCalls } from '../points/support'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), uploadFile: jest.fn(), listDevIdentities: jest.fn() }))
// 测试桩里的 Picker 不会回调 onChange：日期选择换成可以直接输入的框，只测页面怎么用选中的日期
jest.mock('../../src/components/PickerField', () => ({
  PickerField: ({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) => (
    <input aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} />
  ),
}))
jest.mock('../../src/services/download', () => ({ deliverSpreadsheet: jest.fn(async () => ({ kind: 'success', text: '已导出' })) }))

const item: SuggestionSummary = {
  id: 's-1',
  kind: 'proposal',
  status: 'submitted',
  number: null,
  title: '关于加快老旧小区加装电梯的建议',
  category: '城乡建设',
  authorName: '王秀兰',
  submittedAt: '2027-01-02T01:00:00.000Z',
  dueAt: null,
  isKey: false,
  isExcellent: false,
  mine: null,
  updatedAt: '2027-01-02T01:00:00.000Z',
}
const stats: SuggestionStats = {
  from: '2027-01-01',
  to: '2027-12-31',
  byKind: { proposal: { submitted: 4 }, opinion: { submitted: 2 }, advice: { submitted: 1 } },
  byStatus: { submitted: 1 },
  proposals: { submitted: 4, reviewed: 3, filed: 3, assigned: 2, replied: 2, repliedOnTime: 1, rated: 1, satisfied: 1, met: 1 },
  rates: { filing: 100, replied: 100, onTime: 50, satisfaction: 100, meeting: 50 },
  opinions: { submitted: 2, adopted: 1, adoptedByLevel: { local: 1, upper: 0, national: 0 }, instructed: 0 },
}

beforeEach(() => {
  useAppStore.getState().chooseDevIdentity(zhang)
  ;(Taro.navigateTo as jest.Mock).mockClear()
})

describe('建言办理（办公室）', () => {
  it('队列按筛选取；数字来自服务端；点一件去办理；导出清单', async () => {
    const mock = routeCalls({
      'suggestions.queue': () => ok({ items: [item], total: 1, page: 1, pageSize: 50 }),
      'suggestions.stats': () => ok(stats),
      'suggestions.units': () => ok([{ id: 'u-1', name: '市住房和城乡建设局', staff: [{ id: 'st-1', name: '黄海', bound: true }] }]),
      'suggestions.exportList': () => ok({ fileName: '建言清单-2027.xlsx', contentBase64: '' }),
    })
    render(<SuggestOfficePage />)
    fireEvent.click(await screen.findByText(item.title))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/suggest/detail/index?id=s-1' })
    expect(callsTo(mock, 'suggestions', 'queue')[0]).toEqual({ status: 'submitted', page: 1, pageSize: 50 })
    expect(await screen.findByText('100%（按期 50%）')).toBeTruthy()
    expect(screen.getByText('黄海')).toBeTruthy()
    fireEvent.click(screen.getByText('已逾期'))
    await screen.findByText(item.title)
    expect(callsTo(mock, 'suggestions', 'queue').at(-1)).toEqual({ overdue: true, page: 1, pageSize: 50 })
    fireEvent.click(screen.getByText(/导出 \d+ 年建言清单/))
    expect(await screen.findByText('已导出')).toBeTruthy()
  })

  const tree = { units: [], committees: [{ id: 'c-1', name: '经济委员会' }], sectors: [{ id: 'x-1', name: '农业界' }] }
  const figures = () =>
    routeCalls({
      'suggestions.queue': () => ok({ items: [], total: 0, page: 1, pageSize: 50 }),
      'suggestions.stats': (d: { from: string; to: string }) => ok({ ...stats, from: d.from, to: d.to }),
      'suggestions.units': () => ok([]),
      'org.tree': () => ok(tree),
    })

  it('数字默认本年、全政协；选上一年按去年的起止日期重取', async () => {
    const mock = figures()
    const year = currentYear()
    render(<SuggestOfficePage />)
    expect(await screen.findByText(`${year}年 · 全政协`)).toBeTruthy()
    expect(callsTo(mock, 'suggestions', 'stats')).toEqual([{ from: `${year}-01-01`, to: `${year}-12-31` }])
    fireEvent.click(screen.getByText('上一年'))
    expect(await screen.findByText(`${year - 1}年 · 全政协`)).toBeTruthy()
    expect(await screen.findByText(`${year - 1}-01-01 至 ${year - 1}-12-31，按提交日期`)).toBeTruthy()
    expect(callsTo(mock, 'suggestions', 'stats').at(-1)).toEqual({ from: `${year - 1}-01-01`, to: `${year - 1}-12-31` })
    expect(await screen.findByText('100%（按期 50%）')).toBeTruthy()
  })

  it('按专委会：先选出是哪个专委会再取，带上 committeeId，标题写明', async () => {
    const mock = figures()
    const year = currentYear()
    render(<SuggestOfficePage />)
    await screen.findByText('100%（按期 50%）')
    fireEvent.click(screen.getByText('专委会'))
    expect(await screen.findByText('选好专委会后显示数字。')).toBeTruthy()
    expect(callsTo(mock, 'suggestions', 'stats')).toHaveLength(1)
    fireEvent.click(screen.getByLabelText('选择专委会：请选择，更改'))
    fireEvent.click(screen.getByText('经济委员会'))
    expect(await screen.findByText(`${year}年 · 经济委员会`)).toBeTruthy()
    await screen.findByText('100%（按期 50%）')
    expect(callsTo(mock, 'suggestions', 'stats').at(-1)).toEqual({ from: `${year}-01-01`, to: `${year}-12-31`, committeeId: 'c-1' })
  })

  it('自定义：截止早于起始时就地说明，不去取', async () => {
    const mock = figures()
    render(<SuggestOfficePage />)
    await screen.findByText('100%（按期 50%）')
    fireEvent.click(screen.getByText('自定义'))
    fireEvent.change(screen.getByLabelText('起始日期'), { target: { value: '2026-03-01' } })
    fireEvent.change(screen.getByLabelText('截止日期'), { target: { value: '2026-03-31' } })
    expect(await screen.findByText('2026年3月1日至2026年3月31日 · 全政协')).toBeTruthy()
    await screen.findByText('100%（按期 50%）')
    expect(callsTo(mock, 'suggestions', 'stats').at(-1)).toEqual({ from: '2026-03-01', to: '2026-03-31' })
    const before = callsTo(mock, 'suggestions', 'stats').length
    fireEvent.change(screen.getByLabelText('截止日期'), { target: { value: '2026-02-28' } })
    expect(screen.getByRole('alert').textContent).toBe('截止日期早于起始日期，请重新选择。')
    expect(screen.queryByText('100%（按期 50%）')).toBeNull()
    expect(callsTo(mock, 'suggestions', 'stats')).toHaveLength(before)
  })
})
