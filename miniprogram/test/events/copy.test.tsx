import { fireEvent, render, screen } from '@testing-library/react'
import EditEventPage from '../../src/events/edit/index'
import { draftForCopy, draftFromEvent } from '../../src/events/edit/form'
import { dateInputValue } from '../../src/utils/time'
import { useAppStore } from '../../src/store'
import { tree } from '../admin/fixtures'
import { setRouterParams } from '../stubs/taro'
import { adminProfile, callsTo, myEvent, ok, partyDay, routeCalls } from './support'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), listDevIdentities: jest.fn() }))

const monthly = partyDay()

describe('照此再办一场', () => {
  it('除日期外照旧；日期从明天起，跨天的保持天数', () => {
    const now = new Date('2026-12-20T10:00:00+08:00')
    const copy = draftForCopy(monthly, now)
    expect({ ...copy, date: '', endDate: '' }).toEqual({ ...draftFromEvent(monthly), date: '', endDate: '' })
    expect([copy.date, copy.endDate]).toEqual(['2026-12-21', '2026-12-21'])
    const twoDays = draftForCopy(myEvent({ startsAt: '2026-11-27T01:00:00.000Z', endsAt: '2026-11-28T09:00:00.000Z' }), now)
    expect([twoDays.date, twoDays.endDate]).toEqual(['2026-12-21', '2026-12-22'])
  })

  it('页面照那场活动填好，存成新的一场（event.create，不改原来的）', async () => {
    useAppStore.getState().chooseDevIdentity({ openid: 'dev_admin', name: '周敏', roles: ['admin'], description: '' })
    useAppStore.getState().rememberProfile(adminProfile)
    setRouterParams({ copy: 'e-1' })
    const mock = routeCalls({
      'org.tree': () => ok(tree),
      'event.get': () => ok(monthly),
      'event.create': (d) => ok({ ...monthly, id: 'e-2', title: d.title, startsAt: d.startsAt, endsAt: d.endsAt }),
    })
    render(<EditEventPage />)
    expect(await screen.findByText('照「十一月主题党日」新建：除日期外都已照填。请改成这次的日期；标题里如有月份，也一并改。')).toBeTruthy()
    expect(callsTo(mock, 'event', 'get')).toEqual([{ eventId: 'e-1' }])

    fireEvent.click(screen.getByText('创建活动'))
    expect(await screen.findByText(/活动已创建/)).toBeTruthy()
    const [input] = callsTo(mock, 'event', 'create')
    const tomorrow = dateInputValue(new Date(Date.now() + 86_400_000).toISOString())
    expect(input).toMatchObject({
      kind: '主题党日',
      title: '十一月主题党日',
      place: '经济委会议室',
      startsAt: `${tomorrow}T14:00:00+08:00`,
      endsAt: `${tomorrow}T16:30:00+08:00`,
      checkinOpensAt: `${tomorrow}T13:40:00+08:00`,
      ownerBranchId: 'b-2',
      audience: [{ kind: 'branch', id: 'b-2' }],
    })
    expect(callsTo(mock, 'event', 'update')).toEqual([])
  })
})
