import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import EventDetailPage from '../../src/events/detail/index'
import { useAppStore } from '../../src/store'
import { setRouterParams } from '../stubs/taro'
import { TOKEN, adminProfile, callsTo, checkinResult, fail, held, myEvent, ok, routeCalls } from './support'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), listDevIdentities: jest.fn() }))

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })
// 签到进行中：窗口覆盖“现在”
const live = () => {
  const now = Date.now()
  const at = (min: number) => new Date(now + min * 60_000).toISOString()
  return { startsAt: at(10), endsAt: at(150), checkinOpensAt: at(-20), checkinClosesAt: at(150), lateAfter: at(20) }
}

beforeEach(() => {
  useAppStore.getState().chooseDevIdentity({ openid: 'dev_cpc_member', name: '王秀兰', roles: ['member'], description: '' })
  setRouterParams({ id: 'e-1' })
})

describe('活动详情', () => {
  it('粘贴签到码签到（带上本活动编号）；签上后状态变为已签到，表单收起', async () => {
    let checkedIn = false
    const mock = routeCalls({
      'event.get': () => ok(myEvent({ ...live(), myAttendance: checkedIn ? { checkedInAt: '2026-12-01T01:02:00.000Z', late: false, method: 'scan' } : null })),
      'event.checkin': () => ((checkedIn = true), ok(checkinResult())),
    })
    render(<EventDetailPage />)
    expect(await screen.findByText('未签到')).toBeTruthy()
    type('粘贴签到码', ` ${TOKEN} `)
    fireEvent.click(screen.getByText('用签到码签到'))

    expect(await screen.findByText('✓ 签到成功 09:02')).toBeTruthy()
    expect(screen.getByText('党员积分：集中学习 +2')).toBeTruthy()
    expect(await screen.findByText('已签到')).toBeTruthy()
    expect(screen.queryByText('用数字码签到')).toBeNull()
    expect(callsTo(mock, 'event', 'checkin')).toEqual([{ token: TOKEN, eventId: 'e-1' }])
  })

  it('六位数字码：位数不对当场提示；输错时显示服务器的提示', async () => {
    const mock = routeCalls({
      'event.get': () => ok(myEvent(live())),
      'event.checkinByCode': () => fail('CHECKIN.CODE_INVALID', '数字码不正确或已过期，请看屏幕上最新的数字'),
    })
    render(<EventDetailPage />)
    await screen.findByText('未签到')
    type('输入六位数字码签到', '1234')
    fireEvent.click(screen.getByText('用数字码签到'))
    expect(screen.getByRole('alert').textContent).toBe('请输入大屏上的 6 位数字')
    expect(callsTo(mock, 'event', 'checkinByCode')).toEqual([])

    type('输入六位数字码签到', '123 456')
    fireEvent.click(screen.getByText('用数字码签到'))
    expect((await screen.findByRole('alert')).textContent).toBe('数字码不正确或已过期，请看屏幕上最新的数字')
    expect(callsTo(mock, 'event', 'checkinByCode')).toEqual([{ eventId: 'e-1', code: '123456' }])
  })

  it('签到中再点不会重复发出：数字码与签到码共用一次提交；签到码被拒绝时显示服务器的提示', async () => {
    const byCode = held()
    const byToken = held()
    const mock = routeCalls({ 'event.get': () => ok(myEvent(live())), 'event.checkinByCode': byCode.handler, 'event.checkin': byToken.handler })
    render(<EventDetailPage />)
    await screen.findByText('未签到')
    type('输入六位数字码签到', '123456')
    type('粘贴签到码', TOKEN)
    const codeButton = screen.getByText('用数字码签到')
    fireEvent.click(codeButton)
    fireEvent.click(codeButton)
    expect(codeButton.textContent).toBe('正在签到…')
    // 数字码还在签：签到码的按钮也失效
    fireEvent.click(screen.getByText('用签到码签到'))
    expect(callsTo(mock, 'event', 'checkinByCode')).toHaveLength(1)
    expect(callsTo(mock, 'event', 'checkin')).toEqual([])

    byCode.answer(fail('CHECKIN.CODE_INVALID', '数字码不正确或已过期，请看屏幕上最新的数字'))
    expect((await screen.findByRole('alert')).textContent).toBe('数字码不正确或已过期，请看屏幕上最新的数字')
    const tokenButton = screen.getByText('用签到码签到')
    fireEvent.click(tokenButton)
    fireEvent.click(tokenButton)
    expect(callsTo(mock, 'event', 'checkin')).toEqual([{ token: TOKEN, eventId: 'e-1' }])
    byToken.answer(fail('CHECKIN.TOKEN_WRONG_EVENT', '这是另一场活动的签到码'))
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('这是另一场活动的签到码'))
  })

  it('请假：写明原因提交，之后显示等待审批', async () => {
    let asked = false
    const mock = routeCalls({
      'event.get': () => ok(myEvent({ ...live(), myLeave: asked ? { id: 'l-1', status: 'pending', reason: '赴外地调研', answer: null } : null })),
      'event.requestLeave': () => ((asked = true), ok({})),
    })
    render(<EventDetailPage />)
    await screen.findByText('提交请假')
    type('请假原因', '赴外地调研')
    fireEvent.click(screen.getByText('提交请假'))
    expect(await screen.findByText('已提交请假，等待组织者审批。原因：赴外地调研')).toBeTruthy()
    expect(screen.getByText('请假待批')).toBeTruthy()
    expect(callsTo(mock, 'event', 'requestLeave')).toEqual([{ eventId: 'e-1', reason: '赴外地调研' }])
  })

  it('请假：审批前可以撤回，撤回后又能请假', async () => {
    let withdrawn = false
    const mock = routeCalls({
      'event.get': () => ok(myEvent({ ...live(), myLeave: withdrawn ? null : { id: 'l-1', status: 'pending', reason: '赴外地调研', answer: null } })),
      'event.withdrawLeave': () => ((withdrawn = true), ok({})),
    })
    render(<EventDetailPage />)
    fireEvent.click(await screen.findByText('撤回请假（能参加了）'))
    expect(await screen.findByText('提交请假')).toBeTruthy()
    expect(callsTo(mock, 'event', 'withdrawLeave')).toEqual([{ leaveId: 'l-1' }])
  })

  it('先给此刻能办的事：签到开始前先请假，签到中先签到，会后先写心得', async () => {
    const at = (min: number) => new Date(Date.now() + min * 60_000).toISOString()
    const firstCard = () => document.querySelector('.ui-card')?.textContent ?? ''
    routeCalls({
      'event.get': () =>
        ok(myEvent({ startsAt: at(24 * 60), endsAt: at(26 * 60), checkinOpensAt: at(23 * 60), checkinClosesAt: at(26 * 60), lateAfter: at(24 * 60 + 10) })),
    })
    const before = render(<EventDetailPage />)
    await screen.findByText('提交请假')
    expect(firstCard()).toMatch(/^请假/)
    before.unmount()

    routeCalls({ 'event.get': () => ok(myEvent(live())) })
    const during = render(<EventDetailPage />)
    await screen.findByText('未签到')
    expect(firstCard()).toMatch(/^我的签到/)
    during.unmount()

    routeCalls({
      'event.get': () =>
        ok(
          myEvent({
            startsAt: at(-180),
            endsAt: at(-60),
            checkinOpensAt: at(-200),
            checkinClosesAt: at(-60),
            lateAfter: at(-170),
            myAttendance: { checkedInAt: at(-175), late: false, method: 'scan' },
          }),
        ),
    })
    render(<EventDetailPage />)
    await screen.findByText('已签到')
    expect(firstCard()).toMatch(/^学习心得/)
  })

  it('组织者入口只给办这场活动的人：别的支部的书记看不到', async () => {
    useAppStore.getState().rememberProfile({
      ...adminProfile,
      roles: ['member', 'secretary'],
      branches: [{ branchId: 'b-other', branchName: '机关党支部', kind: 'primary', duty: '书记' }],
    } as never)
    routeCalls({ 'event.get': () => ok(myEvent({ ...live(), ownerBranch: { id: 'b-econ', name: '经济委功能型党支部' } })) })
    render(<EventDetailPage />)
    await screen.findByText('未签到')
    expect(screen.queryByText('签到大屏')).toBeNull()
  })

  it('请假：点一下常见原因就填好，可以在框里补充', async () => {
    const mock = routeCalls({ 'event.get': () => ok(myEvent(live())), 'event.requestLeave': () => ok({}) })
    render(<EventDetailPage />)
    fireEvent.click(await screen.findByText('因公出差'))
    expect((screen.getByLabelText('请假原因') as HTMLTextAreaElement).value).toBe('因公出差')
    expect(screen.getByText('✓ 因公出差')).toBeTruthy()
    type('请假原因', '因公出差，赴省里开会')
    // 改写后不再是某个常见原因，选中标记随之去掉
    expect(screen.queryByText('✓ 因公出差')).toBeNull()
    fireEvent.click(screen.getByText('提交请假'))
    await waitFor(() => expect(callsTo(mock, 'event', 'requestLeave')).toEqual([{ eventId: 'e-1', reason: '因公出差，赴省里开会' }]))
  })

  it('签到过、活动已开始：可写学习心得；不足 10 字当场提示', async () => {
    const now = Date.now()
    const started = {
      ...live(),
      startsAt: new Date(now - 60_000).toISOString(),
      myAttendance: { checkedInAt: new Date(now).toISOString(), late: false, method: 'code' as const },
    }
    const mock = routeCalls({ 'event.get': () => ok(myEvent(started)), 'event.writeNote': () => ok({ updatedAt: '2026-12-01T04:00:00.000Z' }) })
    render(<EventDetailPage />)
    await screen.findByText('学习心得')
    expect(screen.queryByText('提交请假')).toBeNull()
    type('我的心得体会', '很有收获')
    fireEvent.click(screen.getByText('保存心得'))
    expect(screen.getByRole('alert').textContent).toBe('学习心得至少 10 个字，您写了 4 个字')
    type('我的心得体会', '通过这次培训，对履职尽责有了更深的认识。')
    fireEvent.click(screen.getByText('保存心得'))
    expect(await screen.findByText('已保存（12月1日 周二 12:00），可以继续修改。')).toBeTruthy()
    expect(callsTo(mock, 'event', 'writeNote')).toEqual([{ eventId: 'e-1', content: '通过这次培训，对履职尽责有了更深的认识。' }])
  })

  it('活动取消：写明原因，不再给签到与请假；组织者另有大屏与名单入口', async () => {
    useAppStore.getState().rememberProfile(adminProfile)
    routeCalls({ 'event.get': () => ok(myEvent({ ...live(), status: 'cancelled', cancelReason: '因故改期' })) })
    render(<EventDetailPage />)
    expect(await screen.findByText('活动已取消：因故改期')).toBeTruthy()
    expect(screen.queryByText('用数字码签到')).toBeNull()
    expect(screen.queryByText('提交请假')).toBeNull()
    expect(screen.getByText('签到大屏')).toBeTruthy()
  })
})
