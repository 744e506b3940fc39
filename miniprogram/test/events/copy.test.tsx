import { fireEvent, render, screen } from '@testing-library/react'
import EditEventPage from '../../src/events/edit/index'
import { draftForCopy, draftFromEvent } from '../../src/events/edit/form'
import { dateInputValue } from '../../src/utils/time'
import { useAppStore } from '../../src/store'
import { tree } from '../admin/fixtures'
import { setRouterParams } from '../stubs/taro'
import { adminProfile, callsTo, fail, held, myEvent, ok, partyDay, routeCalls, type Handler } from './support'

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

describe('活动编辑页的提交：提交中再点不会重复发出；服务器拒绝时显示它的提示', () => {
  function open(params: Record<string, string>, handlers: Record<string, Handler>) {
    useAppStore.getState().chooseDevIdentity({ openid: 'dev_admin', name: '周敏', roles: ['admin'], description: '' })
    useAppStore.getState().rememberProfile(adminProfile)
    setRouterParams(params)
    const mock = routeCalls({ 'org.tree': () => ok(tree), 'event.get': () => ok(monthly), ...handlers })
    render(<EditEventPage />)
    return mock
  }
  const pressTwice = (button: HTMLElement) => {
    fireEvent.click(button)
    fireEvent.click(button)
  }

  it('保存活动', async () => {
    const reply = held()
    const mock = open({ copy: 'e-1' }, { 'event.create': reply.handler })
    pressTwice(await screen.findByText('创建活动'))
    expect(screen.getByText('正在保存…')).toBeTruthy()
    expect(callsTo(mock, 'event', 'create')).toHaveLength(1)
    reply.answer(fail('FORBIDDEN', '支部书记只能面向本支部组织活动'))
    expect((await screen.findByRole('alert')).textContent).toBe('支部书记只能面向本支部组织活动')
    expect(screen.getByText('创建活动')).toBeTruthy()
  })

  it('取消活动', async () => {
    const reply = held()
    const mock = open({ id: 'e-1' }, { 'event.cancel': reply.handler })
    fireEvent.click(await screen.findByText('取消这场活动'))
    fireEvent.change(screen.getByLabelText('取消原因'), { target: { value: '因故改期' } })
    pressTwice(screen.getByText('确认取消活动'))
    expect(callsTo(mock, 'event', 'cancel')).toEqual([{ eventId: 'e-1', reason: '因故改期' }])
    reply.answer(fail('CONFLICT', '活动已经取消'))
    expect((await screen.findByRole('alert')).textContent).toBe('活动已经取消')
  })

  it('按姓名查找参加人员', async () => {
    const reply = held()
    const mock = open({ copy: 'e-1' }, { 'roster.list': reply.handler })
    fireEvent.click(await screen.findByText('指定人员'))
    fireEvent.change(screen.getByLabelText('按姓名查找成员'), { target: { value: '王' } })
    pressTwice(screen.getByText('查找'))
    expect(callsTo(mock, 'roster', 'list')).toEqual([{ q: '王', pageSize: 20 }])
    reply.answer(fail('FORBIDDEN', '这项操作需要管理员权限'))
    expect((await screen.findByRole('alert')).textContent).toBe('这项操作需要管理员权限')
  })
})
