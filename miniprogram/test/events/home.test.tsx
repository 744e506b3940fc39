import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { TodoItem } from '@tongxin/shared-types'
import IndexPage from '../../src/pages/index/index'
import { useAppStore } from '../../src/store'
import { adminProfile, callsTo, memberProfile, myEvent, ok, routeCalls } from './support'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), listDevIdentities: jest.fn() }))

beforeEach(() => useAppStore.getState().chooseDevIdentity({ openid: 'dev_cpc_member', name: '王秀兰', roles: ['member'], description: '' }))

const events = [
  myEvent({ id: 'e-1', title: '中心组学习（十二月）', myAttendance: { checkedInAt: '2026-12-01T01:02:00.000Z', late: false, method: 'scan' } }),
  myEvent({ id: 'e-2', title: '主题党日', kind: '主题党日', myLeave: { id: 'l-1', status: 'pending', reason: '住院', answer: null } }),
  myEvent({ id: 'e-3', title: '政协讲堂', kind: '政协讲堂', myLeave: { id: 'l-2', status: 'approved', reason: '出差', answer: null } }),
  myEvent({ id: 'e-4', title: '新任委员培训班', kind: '委员培训' }),
]

describe('首页', () => {
  it('列出我应参加的活动：中文时间、地点与我的状态；点开进详情', async () => {
    routeCalls({ 'member.me': () => ok(memberProfile), 'event.upcoming': () => ok(events), 'home.todos': () => ok({ items: [], eventBadges: [] }) })
    render(<IndexPage />)

    expect(await screen.findByText('中心组学习（十二月）')).toBeTruthy()
    for (const label of ['已签到', '请假待批', '已请假', '未签到']) expect(screen.getByText(label)).toBeTruthy()
    expect(screen.getAllByText('时间：12月1日 周二 09:00–11:30')).toHaveLength(4)
    expect(screen.queryByText('组织活动')).toBeNull()
    fireEvent.click(screen.getByText('新任委员培训班'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/events/detail/index?id=e-4' })
  })

  it('活动与待办和本人资料同时取，资料到了不再重取一遍（慢网上首屏少等一个来回）', async () => {
    const mock = routeCalls({
      'member.me': () => ok(memberProfile),
      'event.upcoming': () => ok(events),
      'home.todos': () => ok({ items: [], eventBadges: [] }),
    })
    render(<IndexPage />)
    expect(await screen.findByText('中心组学习（十二月）')).toBeTruthy()
    expect(callsTo(mock, 'event', 'upcoming')).toHaveLength(1)
    expect(callsTo(mock, 'home', 'todos')).toHaveLength(1)
  })

  it('index.html 预先发出的三个请求已回来：第一次渲染就画出资料、活动与待办，不先画骨架屏，也不再请求', () => {
    const mock = routeCalls({})
    const g = globalThis as { __txSettled?: Record<string, unknown>; __txPreload?: Record<string, Promise<unknown>> }
    const settled = {
      'member {"action":"me"} dev_cpc_member': ok(memberProfile),
      'event {"action":"upcoming","data":{"includePast":false}} dev_cpc_member': ok(events),
      'home {"action":"todos"} dev_cpc_member': ok({ items: [], eventBadges: [] }),
    }
    g.__txSettled = { ...settled }
    g.__txPreload = Object.fromEntries(Object.entries(settled).map(([k, v]) => [k, Promise.resolve(v)]))
    try {
      render(<IndexPage />)
      // 同步断言：不用 findBy，第一次渲染就有内容
      expect(screen.getByText('中心组学习（十二月）')).toBeTruthy()
      expect(screen.getByText(`${memberProfile.name}，您好！欢迎使用同心圆。`)).toBeTruthy()
      expect(screen.getByText('今天没有待办')).toBeTruthy()
      expect(mock).not.toHaveBeenCalled()
      // 用过就没了：之后同样的请求照常发
      expect(g.__txSettled).toEqual({})
      expect(g.__txPreload).toEqual({})
      expect(useAppStore.getState().profile).toEqual(memberProfile)
    } finally {
      delete g.__txSettled
      delete g.__txPreload
    }
  })

  it('待办：没有时写“今天没有待办”；通知点「知道了」标为已读后重取', async () => {
    let items: TodoItem[] = [
      {
        id: 'notice:n-1',
        kind: 'notice',
        title: '活动取消：政协讲堂',
        detail: '原因：因故改期',
        dueAt: null,
        link: '/events/detail/index?id=e-3',
        eventId: 'e-3',
        noticeId: 'n-1',
        noticeKind: 'event.cancelled',
      },
    ]
    const mock = routeCalls({
      'member.me': () => ok(memberProfile),
      'event.upcoming': () => ok([]),
      'home.todos': () => ok({ items, eventBadges: [] }),
      'event.markRead': () => {
        items = []
        return ok({ updated: 1 })
      },
    })
    render(<IndexPage />)

    expect(await screen.findByText('活动取消：政协讲堂')).toBeTruthy()
    expect(screen.getByText('近期没有需要您参加的会议和活动。')).toBeTruthy()
    fireEvent.click(screen.getByText('知道了'))
    expect(await screen.findByText('今天没有待办')).toBeTruthy()
    expect(screen.queryByText('活动取消：政协讲堂')).toBeNull()
    expect(callsTo(mock, 'event', 'markRead')).toEqual([{ ids: ['n-1'] }])
  })

  it('书记在首页看到请假待审批，就地批准后这一项消失；「组织活动」上写着几条请假待批', async () => {
    let pending = true
    const leave: TodoItem = {
      id: 'decideLeave:l-9',
      kind: 'decideLeave',
      title: '请假待审批：王秀兰',
      detail: '主题党日（12月3日 周四 09:00）：住院',
      dueAt: '2026-12-03T01:00:00.000Z',
      link: '/events/attendance/index?id=e-2',
      eventId: 'e-2',
      leaveId: 'l-9',
    }
    const mock = routeCalls({
      'member.me': () => ok(adminProfile),
      'event.upcoming': () => ok([]),
      'home.todos': () => ok(pending ? { items: [leave], eventBadges: [{ eventId: 'e-2', pendingLeaves: 1 }] } : { items: [], eventBadges: [] }),
      'event.decideLeave': () => {
        pending = false
        return ok({})
      },
    })
    render(<IndexPage />)

    expect(await screen.findByText('请假待审批：王秀兰')).toBeTruthy()
    expect(screen.getByText('1 条请假待批 ›')).toBeTruthy()
    fireEvent.click(screen.getByText('批准'))
    expect(await screen.findByText('今天没有待办')).toBeTruthy()
    expect(callsTo(mock, 'event', 'decideLeave')).toEqual([{ leaveId: 'l-9', approve: true, answer: '' }])
    expect(screen.getByText('进入 ›')).toBeTruthy()
  })

  it('点一项待办去办它的页面', async () => {
    routeCalls({
      'member.me': () => ok(memberProfile),
      'event.upcoming': () => ok([]),
      'home.todos': () =>
        ok({
          items: [
            {
              id: 'checkin:e-1',
              kind: 'checkin',
              title: '今天 09:00：中心组学习',
              detail: '三楼会议室。签到已开始',
              dueAt: null,
              link: '/events/detail/index?id=e-1',
              eventId: 'e-1',
            },
          ],
          eventBadges: [],
        }),
    })
    render(<IndexPage />)
    fireEvent.click(await screen.findByText('今天 09:00：中心组学习'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/events/detail/index?id=e-1' })
  })

  it('我的活动按今天、本周、以后分组，刚结束的放在最后', async () => {
    const at = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString()
    // “今天”的会：取今天北京时间的最后一刻之前结束的，避免临近午夜时落到明天
    const todayEnd = new Date(Math.ceil((Date.now() + 8 * 3600_000) / 86_400_000) * 86_400_000 - 8 * 3600_000 - 60_000)
    const soon = new Date(Math.max(Date.now() + 60_000, todayEnd.getTime() - 30 * 60_000)).toISOString()
    routeCalls({
      'member.me': () => ok(memberProfile),
      'home.todos': () => ok({ items: [], eventBadges: [] }),
      'event.upcoming': () =>
        ok([
          myEvent({ id: 'e-past', title: '刚开完的会', startsAt: at(-4), endsAt: at(-2) }),
          myEvent({ id: 'e-today', title: '今天的会', startsAt: soon, endsAt: todayEnd.toISOString() }),
          myEvent({ id: 'e-week', title: '三天后的会', startsAt: at(72), endsAt: at(74) }),
          myEvent({ id: 'e-later', title: '下个月的会', startsAt: at(24 * 20), endsAt: at(24 * 20 + 2) }),
        ]),
    })
    render(<IndexPage />)
    await screen.findByText('今天的会')
    const groups = Array.from(document.querySelectorAll('.home-when')).map((g) => [
      g.querySelector('.home-when__title')?.textContent,
      Array.from(g.querySelectorAll('.event-card__title')).map((t) => t.textContent),
    ])
    expect(groups).toEqual([
      ['今天', ['今天的会']],
      ['本周', ['三天后的会']],
      ['以后', ['下个月的会']],
      ['已结束', ['刚开完的会']],
    ])
  })

  it('浏览器里点「扫码签到」说明改用数字码；组织者看到「组织活动」入口', async () => {
    routeCalls({ 'member.me': () => ok(adminProfile), 'event.upcoming': () => ok([]), 'home.todos': () => ok({ items: [], eventBadges: [] }) })
    render(<IndexPage />)
    fireEvent.click(await screen.findByText('组织活动'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/events/manage/index' })
    fireEvent.click(screen.getByText('扫码签到'))
    expect(screen.getByRole('alert').textContent).toMatch(/六位数字码/)
  })
})
