import { fireEvent, render, screen, within } from '@testing-library/react'
import type { AttendanceList, AttendanceRow } from '@tongxin/shared-types'
import AttendancePage from '../../src/events/attendance/index'
import { useAppStore } from '../../src/store'
import Taro from '@tarojs/taro'
import { setRouterParams } from '../stubs/taro'
import { adminProfile, callsTo, fail, held, myEvent, ok, routeCalls, type Handler } from './support'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), listDevIdentities: jest.fn() }))

function row(memberId: string, name: string, overrides: Partial<AttendanceRow> = {}): AttendanceRow {
  return {
    memberId,
    name,
    sector: null,
    expected: true,
    status: 'absent',
    checkedInAt: null,
    method: null,
    proxyReason: null,
    proxyByName: null,
    leave: null,
    rollCalled: false,
    pending: null,
    receivedAt: null,
    ...overrides,
  }
}

/** 一个记状态的假后端：代签、审批、点名都会改动名单。overrides 换掉某些操作的回答；tweak 在开始前改动活动与名单 */
function fakeBackend(overrides: Record<string, Handler> = {}, tweak?: (event: AttendanceList['event'], rows: AttendanceRow[]) => void) {
  const { myAttendance: _a, myLeave: _l, myNote: _n, expected: _e, ...event } = myEvent()
  const rows: AttendanceRow[] = [
    row('m-wang', '王秀兰', { status: 'on_time', checkedInAt: '2026-12-01T01:02:00.000Z', method: 'scan', sector: '经济界' }),
    row('m-zhao', '赵振华', { status: 'late', checkedInAt: '2026-12-01T01:15:00.000Z', method: 'code' }),
    row('m-chen', '陈志远', { status: 'leave_pending', leave: { id: 'l-1', status: 'pending', reason: '外出考察', answer: null, decidedAt: null } }),
    row('m-liu', '刘洋'),
  ]
  tweak?.(event, rows)
  const list = (): AttendanceList => {
    const checkedIn = rows.filter((r) => r.checkedInAt).length
    const onLeave = rows.filter((r) => r.status === 'on_leave').length
    return {
      event,
      rows: rows.map((r) => ({ ...r })),
      counts: {
        expected: rows.length,
        checkedIn,
        late: rows.filter((r) => r.status === 'late').length,
        onLeave,
        absent: rows.length - checkedIn - onLeave,
        walkIns: 0,
        rate: Math.round((checkedIn / (rows.length - onLeave)) * 1000) / 10,
      },
    }
  }
  const find = (id: string) => rows.find((r) => r.memberId === id)!
  let order = 0
  // 会议记录存在“服务器”上：点名的要点、发言要点，重取后仍在
  const notes = new Map<string, string>()
  const speeches: Array<{ id: string; memberId: null; speakerName: string; content: string; updatedAt: string }> = []
  const record = () => ({
    eventId: 'e-1',
    agenda: null,
    hostName: null,
    recorderName: null,
    speeches: speeches.map((x) => ({ ...x })),
    rollCalls: rows.filter((r) => r.rollCalled).map((r, i) => ({ memberId: r.memberId, name: r.name, order: i + 1, note: notes.get(r.memberId) ?? null })),
  })
  return routeCalls({
    'event.record': () => ok(record()),
    'event.saveSpeech': (d) => {
      const existing = speeches.find((x) => x.id === d.speechId)
      if (existing) Object.assign(existing, { speakerName: d.speakerName, content: d.content })
      else
        speeches.push({
          id: `sp-${speeches.length + 1}`,
          memberId: null,
          speakerName: d.speakerName,
          content: d.content,
          updatedAt: '2026-12-01T04:00:00.000Z',
        })
      return ok(record())
    },
    'event.attendance': () => ok(list()),
    'event.proxyCheckin': (d) => {
      Object.assign(find(d.memberId), {
        status: 'on_time',
        checkedInAt: '2026-12-01T01:20:00.000Z',
        method: 'proxy',
        proxyByName: '周敏',
        proxyReason: d.reason,
      })
      return ok({ eventId: 'e-1', eventTitle: event.title, already: false, checkedInAt: '2026-12-01T01:20:00.000Z', late: false, points: [] })
    },
    'event.decideLeave': (d) => {
      const r = rows.find((x) => x.leave?.id === d.leaveId)!
      Object.assign(r, { status: d.approve ? 'on_leave' : 'absent', leave: { ...r.leave!, status: d.approve ? 'approved' : 'refused' } })
      return ok({})
    },
    'event.rollCall': () => {
      const next = rows.find((r) => r.checkedInAt && !r.rollCalled)
      if (!next) return fail('CHECKIN.ROLLCALL_EXHAUSTED', '已签到的人都点过了')
      next.rollCalled = true
      order += 1
      return ok({
        memberId: next.memberId,
        name: next.name,
        order,
        calledAt: '2026-12-01T02:00:00.000Z',
        note: null,
        remaining: rows.filter((r) => r.checkedInAt && !r.rollCalled).length,
      })
    },
    'event.rollCallNote': (d) => (
      notes.set(d.memberId, d.note),
      ok({ memberId: d.memberId, name: find(d.memberId).name, order, calledAt: '', note: d.note, remaining: 0 })
    ),
    'event.exportAttendance': () => ok({ fileName: '学习-签到名单.xlsx', contentBase64: 'UEsDBA==' }),
    ...overrides,
  })
}

const group = (title: RegExp) => screen.getByText(title).parentElement as HTMLElement
const rowOf = (name: string) => screen.getByText(name).closest('.att-row') as HTMLElement
const type = (label: string | RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })

beforeEach(() => {
  useAppStore.getState().chooseDevIdentity({ openid: 'dev_admin', name: '周敏', roles: ['admin'], description: '' })
  setRouterParams({ id: 'e-1' })
})

describe('签到名单', () => {
  it('按状态分组，显示人数与到会率', async () => {
    fakeBackend()
    render(<AttendancePage />)
    expect(await screen.findByText('请假待批（1）')).toBeTruthy()
    expect(within(group(/^已签到（/)).getByText('王秀兰')).toBeTruthy()
    expect(within(group(/^迟到（/)).getByText('赵振华')).toBeTruthy()
    expect(within(group(/^未到（/)).getByText('刘洋')).toBeTruthy()
    expect(screen.getByText('50%')).toBeTruthy()
  })

  it('代签：选一位未到的人、写明原因；没写原因不提交', async () => {
    const mock = fakeBackend()
    render(<AttendancePage />)
    await screen.findByText('刘洋')
    fireEvent.click(within(rowOf('刘洋')).getByText('代签'))

    fireEvent.click(screen.getByText('确认代签'))
    expect(screen.getByRole('alert').textContent).toBe('请写明代签原因（至少两个字）')
    expect(callsTo(mock, 'event', 'proxyCheckin')).toEqual([])

    type('为 刘洋 代签的原因', '未带手机，本人在场')
    fireEvent.click(screen.getByText('确认代签'))
    expect(await screen.findByText('已为 刘洋 代签')).toBeTruthy()
    expect(callsTo(mock, 'event', 'proxyCheckin')).toEqual([{ eventId: 'e-1', memberId: 'm-liu', reason: '未带手机，本人在场' }])
    await screen.findByText(/^已签到（2）/)
    expect(within(group(/^已签到（2）/)).getByText('刘洋')).toBeTruthy()
    expect(screen.getByText(/由周敏代签（未带手机，本人在场）/)).toBeTruthy()
  })

  it('请假就地批准，名单随之更新', async () => {
    const mock = fakeBackend()
    render(<AttendancePage />)
    await screen.findByText('陈志远')
    expect(screen.getByText(/请假原因：外出考察/)).toBeTruthy()
    fireEvent.click(within(rowOf('陈志远')).getByText('批准'))

    expect(await screen.findByText('已批准 陈志远 的请假，已通知本人')).toBeTruthy()
    expect(callsTo(mock, 'event', 'decideLeave')).toEqual([{ leaveId: 'l-1', approve: true, answer: '' }])
    await screen.findByText(/^请假（1）/)
    expect(within(group(/^请假（1）/)).getByText('陈志远')).toBeTruthy()
  })

  it('复制未到名单：只列应到、未签到、也没请假的人，粘贴到微信群提醒', async () => {
    fakeBackend()
    render(<AttendancePage />)
    fireEvent.click(await screen.findByText('复制未到名单'))
    expect(await screen.findByText('已复制未到名单（1 人），可以粘贴到微信群提醒')).toBeTruthy()
    expect(Taro.setClipboardData).toHaveBeenLastCalledWith({
      data: '「学习贯彻全会精神专题学习」还有 1 位同志未签到：刘洋。请尽快到会场扫码签到；不能参加的，请在“同心圆”小程序里请假。',
    })
  })

  it('会议记录：点名时记的要点刷新后仍在（会后可补记）；可添加、修改别的发言人的要点', async () => {
    fakeBackend()
    const first = render(<AttendancePage />)
    await screen.findByText('在已签到的人里抽取，还可点 2 人，不会重复。')
    fireEvent.click(screen.getByRole('button', { name: '随机点名' }))
    await screen.findByText('第 1 位')
    type('王秀兰的发言要点（可不记）', '结合经济界调研谈体会')
    fireEvent.click(screen.getByText('记下发言要点'))
    await screen.findByText('已记下')
    first.unmount()

    // 刷新：点名面板的输入框没了，但要点在会议记录里
    render(<AttendancePage />)
    expect(await screen.findByText('王秀兰（随机点名第 1 位）')).toBeTruthy()
    expect(screen.getByText('结合经济界调研谈体会')).toBeTruthy()

    fireEvent.click(screen.getByText('添加一位发言人的要点'))
    type('发言人', '列席来宾')
    type('发言要点', '介绍了社区协商的做法')
    fireEvent.click(screen.getByText('保存'))
    expect(await screen.findByText('介绍了社区协商的做法')).toBeTruthy()
    const item = screen.getByText('列席来宾').closest('.record__item') as HTMLElement
    fireEvent.click(within(item).getByText('修改'))
    type('发言要点', '介绍了社区“有事好商量”的做法')
    fireEvent.click(screen.getByText('保存'))
    expect(await screen.findByText('介绍了社区“有事好商量”的做法')).toBeTruthy()
  })

  it('随机点名：名字大字显示、可记发言要点；两人都点过后按钮失效，不再请求', async () => {
    const mock = fakeBackend()
    render(<AttendancePage />)
    await screen.findByText('在已签到的人里抽取，还可点 2 人，不会重复。')

    fireEvent.click(screen.getByRole('button', { name: '随机点名' }))
    expect(await screen.findByText('第 1 位')).toBeTruthy()
    expect(document.querySelector('.rollcall__name')?.textContent).toBe('王秀兰')
    type('王秀兰的发言要点（可不记）', '结合经济界调研谈体会')
    fireEvent.click(screen.getByText('记下发言要点'))
    expect(await screen.findByText('已记下')).toBeTruthy()
    expect(callsTo(mock, 'event', 'rollCallNote')).toEqual([{ eventId: 'e-1', memberId: 'm-wang', note: '结合经济界调研谈体会' }])

    fireEvent.click(screen.getByText('再点一位'))
    expect(await screen.findByText('第 2 位')).toBeTruthy()
    expect(document.querySelector('.rollcall__name')?.textContent).toBe('赵振华')

    const exhausted = await screen.findByText('已签到的人都点过了')
    expect(exhausted.getAttribute('aria-disabled')).toBe('true')
    fireEvent.click(exhausted)
    expect(callsTo(mock, 'event', 'rollCall')).toHaveLength(2)
  })

  it('导出名单：浏览器里把表格作为文件下载', async () => {
    const createObjectURL = jest.fn(() => 'blob:x')
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() })
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    fakeBackend()
    render(<AttendancePage />)
    await screen.findByText('刘洋')
    fireEvent.click(screen.getByText('导出名单'))

    expect(await screen.findByText('已导出「学习-签到名单.xlsx」')).toBeTruthy()
    const blob = (createObjectURL.mock.calls[0] as unknown as [Blob])[0]
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(blob.size).toBe(4)
    expect(click).toHaveBeenCalled()
    click.mockRestore()
  })
})

describe('签到名单上的提交：提交中再点不会重复发出；服务器拒绝时显示它的提示', () => {
  const cases: Array<{
    name: string
    op: string
    message: string
    tweak?: Parameters<typeof fakeBackend>[1]
    open?: () => void | Promise<unknown>
    press: () => HTMLElement
  }> = [
    {
      name: '代签',
      op: 'event.proxyCheckin',
      message: '只能为这场活动的参加人员代签',
      open: () => {
        fireEvent.click(within(rowOf('刘洋')).getByText('代签'))
        type('为 刘洋 代签的原因', '未带手机，本人在场')
      },
      press: () => screen.getByText('确认代签'),
    },
    { name: '请假审批', op: 'event.decideLeave', message: '这条请假已经处理过了', press: () => within(rowOf('陈志远')).getByText('批准') },
    {
      name: '离线补交的确认',
      op: 'event.confirmOffline',
      message: '这条签到不需要确认',
      tweak: (_e, rows) => Object.assign(rows[1], { pending: 'offline', receivedAt: '2026-12-01T01:40:00.000Z' }),
      press: () => within(rowOf('赵振华')).getByText('确认在场'),
    },
    { name: '随机点名', op: 'event.rollCall', message: '活动已取消，不能点名', press: () => screen.getByRole('button', { name: '随机点名' }) },
    {
      name: '定案',
      op: 'event.finalize',
      message: '还有离线补交的签到待确认，请先在签到名单里确认或退回',
      open: () => fireEvent.click(screen.getByRole('button', { name: '定案' })),
      press: () => screen.getByText('确认定案'),
    },
    { name: '查看学习心得', op: 'event.notes', message: '只有这场活动的组织者可以查看', press: () => screen.getByText('查看学习心得') },
    {
      name: '确认补录',
      op: 'event.confirmBackfill',
      message: '这场活动不是待确认的补录',
      tweak: (e) => {
        Object.assign(e, { backfill: true, backfillConfirmed: false })
        // 确认补录的按钮只给管理员
        useAppStore.getState().rememberProfile(adminProfile)
      },
      press: () => screen.getByText('确认补录并记分'),
    },
    { name: '导出名单', op: 'event.exportAttendance', message: '只有这场活动的组织者可以导出名单', press: () => screen.getByText('导出名单') },
  ]

  it.each(cases)('$name', async ({ op, message, tweak, open, press }) => {
    const reply = held()
    const mock = fakeBackend({ [op]: reply.handler }, tweak)
    render(<AttendancePage />)
    await screen.findByText('刘洋')
    await open?.()
    // 同一个按钮连点两下（第二下时它已显示为提交中）
    const button = press()
    fireEvent.click(button)
    fireEvent.click(button)
    const [fn, action] = op.split('.')
    expect(callsTo(mock, fn, action)).toHaveLength(1)

    reply.answer(fail('FORBIDDEN', message))
    expect((await screen.findByRole('alert')).textContent).toBe(message)
  })
})
