import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { SuggestionStats, SuggestionSummary } from '@tongxin/shared-types'
import SuggestOfficePage from '../../src/suggest/office/index'
import { useAppStore } from '../../src/store'
import { zhang } from '../fixtures'
import { callsTo, ok, routeCalls } from '../points/support'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), uploadFile: jest.fn(), listDevIdentities: jest.fn() }))
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
})
