import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import AuditPage from '../../src/admin/audit/index'
import { callFunction } from '../../src/services/cloud'
import { useAppStore } from '../../src/store'
import { todayIso } from '../../src/utils/time'
import { actAs, adminProfile, ok, routeCalls } from './fixtures'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), listDevIdentities: jest.fn() }))
const mockCall = callFunction as unknown as jest.Mock

beforeEach(() => mockCall.mockReset())

describe('操作记录', () => {
  it('按人、按时间筛选：条件随请求发给服务器，换条件回到第一页', async () => {
    actAs(adminProfile, useAppStore)
    routeCalls(mockCall, {
      'member.me': () => ok(adminProfile),
      'roster.auditLog': () =>
        ok({
          items: [
            {
              id: '1',
              at: '2026-11-25T02:00:00.000Z',
              actorName: '周敏',
              action: 'roster.update',
              targetKind: 'member',
              targetId: null,
              summary: '修改 王秀兰 的手机号',
            },
          ],
          total: 1,
          page: 1,
          pageSize: 20,
        }),
    })
    render(<AuditPage />)
    expect(await screen.findByText('修改 王秀兰 的手机号')).toBeTruthy()

    fireEvent.change(screen.getByLabelText('按人查找'), { target: { value: '王秀兰' } })
    fireEvent.click(screen.getByText('今天'))
    const today = todayIso()
    await waitFor(() => {
      const calls = mockCall.mock.calls.filter(([f, a]) => f === 'roster' && a === 'auditLog').map(([, , d]) => d)
      expect(calls[calls.length - 1]).toEqual({ page: 1, pageSize: 20, person: '王秀兰', from: today, to: today })
    })
  })
})
