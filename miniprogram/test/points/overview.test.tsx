import { render, screen } from '@testing-library/react'
import PointsOverviewPage from '../../src/points/overview/index'
import { useAppStore } from '../../src/store'
import { zhang } from '../fixtures'
import { YEAR } from './fixtures'
import { fail, ok, routeCalls } from './support'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), listDevIdentities: jest.fn() }))

beforeEach(() => useAppStore.getState().chooseDevIdentity(zhang))

describe('积分汇总', () => {
  it('办公室未开放时显示服务端的说明', async () => {
    routeCalls({ 'points.overview': () => fail('POINTS.NOT_PUBLIC', '政协办公室未开放他人积分的查看') })
    render(<PointsOverviewPage />)
    expect(await screen.findByText('政协办公室未开放他人积分的查看')).toBeTruthy()
    expect(screen.queryByText('重试')).toBeNull()
  })

  it('开放个人积分时按姓名排列，不排名次', async () => {
    routeCalls({
      'points.overview': () =>
        ok({
          visibility: 'individual',
          year: YEAR,
          branches: [{ branchId: 'b', branchName: '经济委功能型党支部', members: 3, averageParty: 12.5 }],
          individuals: [
            { memberId: 'm2', name: '王秀兰', party: null, duty: 30 },
            { memberId: 'm1', name: '陈志远', party: null, duty: 10 },
          ],
        }),
    })
    render(<PointsOverviewPage />)
    expect(await screen.findByText('人均 12.5 分')).toBeTruthy()
    const names = Array.from(document.querySelectorAll('.ui-card .pt-kv .pt-kv__v')).map((n) => n.textContent)
    expect(names.slice(1)).toEqual(['陈志远', '王秀兰'])
    expect(screen.getByText('履职 10 分')).toBeTruthy()
  })
})
