import { fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { BatchInvitesIssued } from '@tongxin/shared-types'
import MembersPage from '../../src/admin/members/index'
import { inviteMessage } from '../../src/admin/members/BatchInvites'
import { callFunction } from '../../src/services/cloud'
import { useAppStore } from '../../src/store'
import { actAs, adminProfile, fail, member, ok, routeCalls, secretaryProfile, tree } from './fixtures'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), listDevIdentities: jest.fn() }))
const mockCall = callFunction as unknown as jest.Mock
const callsOf = (action: string) => mockCall.mock.calls.filter(([fn, a]) => fn === 'roster' && a === action).map(([, , data]) => data)

const issued: BatchInvitesIssued = {
  invites: [
    { memberId: 'm-1', memberName: '赵一', code: 'K7QM3XPA', expiresAt: '2026-12-26T01:00:00.000Z', branchNames: '经济委功能型党支部', sectorName: '经济界' },
    { memberId: 'm-2', memberName: '钱二', code: 'H4RT9WZC', expiresAt: '2026-12-26T01:00:00.000Z', branchNames: '', sectorName: null },
  ],
  skipped: { above: 1, pending: 2 },
  file: { fileName: '邀请码-2026-11-26-2人.xlsx', contentBase64: 'UEsDBA==' },
}

beforeEach(() => {
  mockCall.mockReset()
  ;(Taro.setClipboardData as jest.Mock).mockClear()
})

describe('批量签发邀请码', () => {
  it('按当前的筛选签发：确认后列出每张码（可逐个复制）、没签的人与分发表', async () => {
    actAs(adminProfile, useAppStore)
    routeCalls(mockCall, {
      'roster.list': () => ok({ items: [member()], total: 1, page: 1, pageSize: 20 }),
      'org.tree': () => ok(tree),
      'roster.issueInvites': () => ok(issued),
    })
    const createObjectURL = jest.fn(() => 'blob:x')
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() })
    render(<MembersPage />)
    await screen.findByText('王秀兰')
    fireEvent.input(screen.getByLabelText('搜索姓名或手机号'), { target: { value: '赵' } })
    fireEvent.click(screen.getByText('搜索'))
    fireEvent.click(await screen.findByText('批量签发邀请码'))
    fireEvent.click(screen.getByText('作废旧码，重新签发'))
    fireEvent.click(screen.getByText('签发'))

    expect(await screen.findByText(/已签发 2 张邀请码/)).toBeTruthy()
    expect(callsOf('issueInvites')).toEqual([{ q: '赵', reissue: true }])
    expect(screen.getByText('1 位管理员或支部书记请由政协办公室签发；2 位已有未过期的邀请码，没有重新签发。')).toBeTruthy()
    const first = screen.getByText('赵一').closest('.batch-invite') as HTMLElement
    expect(within(first).getByText('K7QM 3XPA')).toBeTruthy()
    expect(within(first).getByText('经济委功能型党支部 · 经济界')).toBeTruthy()
    fireEvent.click(within(first).getByText('复制'))
    expect(await screen.findByText('已复制 赵一 的邀请码')).toBeTruthy()
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: inviteMessage(issued.invites[0]) })
    expect(inviteMessage(issued.invites[0])).toContain('邀请码是 K7QM3XPA，有效期至 2026年12月26日')

    fireEvent.click(screen.getByText('下载分发表（姓名、支部、界别、邀请码、有效期）'))
    expect(await screen.findByText('已导出「邀请码-2026-11-26-2人.xlsx」')).toBeTruthy()
    expect(createObjectURL).toHaveBeenCalledTimes(1)
  })

  it('书记也能在本支部里签；服务端拒绝时就地显示原因', async () => {
    actAs(secretaryProfile, useAppStore)
    routeCalls(mockCall, {
      'roster.list': () => ok({ items: [member()], total: 1, page: 1, pageSize: 20 }),
      'org.tree': () => ok(tree),
      'roster.issueInvites': () => fail('ROSTER.BATCH_TOO_MANY', '符合条件的成员有 1200 位，一次最多签发 1000 张邀请码，请按支部或界别分批签发'),
    })
    render(<MembersPage />)
    fireEvent.click(await screen.findByText('批量签发邀请码'))
    fireEvent.click(screen.getByText('签发'))
    expect(await screen.findByText(/一次最多签发 1000 张邀请码/)).toBeTruthy()
    expect(callsOf('issueInvites')).toEqual([{ reissue: false }])
  })
})
