import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { PointsAppealView } from '@tongxin/shared-types'
import PointsAppealsPage from '../../src/points/appeals/index'
import { useAppStore } from '../../src/store'
import { zhang } from '../fixtures'
import { wangEntries } from './fixtures'
import { callsTo, fail, held, ok, routeCalls } from './support'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), listDevIdentities: jest.fn() }))

const pending = wangEntries[3].appeal as PointsAppealView

beforeEach(() => useAppStore.getState().chooseDevIdentity(zhang))

describe('积分申诉', () => {
  it('列出待答复的申诉：成员、记分、理由；驳回时发出答复', async () => {
    const mock = routeCalls({
      'points.listAppeals': () => ok({ items: [pending], total: 1, page: 1, pageSize: 20 }),
      'points.answerAppeal': (d) =>
        ok({ ...pending, status: 'rejected', answer: (d as { answer: string }).answer, answeredByName: '张建国', answeredAt: pending.createdAt }),
    })
    render(<PointsAppealsPage />)
    expect(await screen.findByText('王秀兰')).toBeTruthy()
    expect(screen.getByText(pending.entrySummary)).toBeTruthy()
    expect(screen.getByText(pending.reason)).toBeTruthy()
    // 原评定理由与申诉理由并排
    expect(screen.getByText('评定理由')).toBeTruthy()
    expect(screen.getByText(pending.entryReason)).toBeTruthy()
    expect(callsTo(mock, 'points', 'listAppeals')).toEqual([{ status: 'pending', page: 1, pageSize: 20 }])

    fireEvent.click(screen.getByText('驳回'))
    expect(screen.getByText('请写明答复（至少 2 个字），本人会看到')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('答复'), { target: { value: '帮扶分按支部标准已给足' } })
    fireEvent.click(screen.getByText('驳回'))
    expect(await screen.findByText('已答复王秀兰的申诉（驳回）。')).toBeTruthy()
    expect(callsTo(mock, 'points', 'answerAppeal')).toEqual([{ appealId: pending.id, accept: false, answer: '帮扶分按支部标准已给足' }])
    expect(screen.queryByText('驳回')).toBeNull()
  })

  it('评定人本人看到申诉但不能答复', async () => {
    const profile = useAppStore.getState().profile
    routeCalls({ 'points.listAppeals': () => ok({ items: [{ ...pending, entryOperatorId: profile?.id ?? 'me' }], total: 1, page: 1, pageSize: 20 }) })
    if (!profile) useAppStore.setState({ profile: { id: 'me' } as never })
    render(<PointsAppealsPage />)
    expect(await screen.findByText('这条记分是您评定的，申诉须由支部的另一位书记或政协办公室答复。')).toBeTruthy()
    expect(screen.queryByText('驳回')).toBeNull()
    expect(screen.queryByText('采纳并冲正')).toBeNull()
  })

  it('答复中再点（采纳或驳回）不会重复发出', async () => {
    const reply = held()
    const mock = routeCalls({ 'points.listAppeals': () => ok({ items: [pending], total: 1, page: 1, pageSize: 20 }), 'points.answerAppeal': reply.handler })
    render(<PointsAppealsPage />)
    await screen.findByText('王秀兰')
    fireEvent.change(screen.getByLabelText('答复'), { target: { value: '经核实确有请假' } })
    fireEvent.click(screen.getByText('采纳并冲正'))
    fireEvent.click(screen.getByText('采纳并冲正'))
    fireEvent.click(screen.getByText('驳回'))
    expect(callsTo(mock, 'points', 'answerAppeal')).toEqual([{ appealId: pending.id, accept: true, answer: '经核实确有请假' }])
    reply.answer(ok({ ...pending, status: 'accepted', answer: '经核实确有请假', answeredByName: '张建国', answeredAt: pending.createdAt }))
    await waitFor(() => expect(screen.queryByText('采纳并冲正')).toBeNull())
  })

  it('答复失败时显示服务端提示', async () => {
    routeCalls({
      'points.listAppeals': () => ok({ items: [pending], total: 1, page: 1, pageSize: 20 }),
      'points.answerAppeal': () => fail('CONFLICT', '这个申诉已经答复过了'),
    })
    render(<PointsAppealsPage />)
    await screen.findByText('王秀兰')
    fireEvent.change(screen.getByLabelText('答复'), { target: { value: '经核实确有请假' } })
    fireEvent.click(screen.getByText('采纳并冲正'))
    expect(await screen.findByText('这个申诉已经答复过了')).toBeTruthy()
  })
})
