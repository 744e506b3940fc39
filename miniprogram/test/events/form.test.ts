import { EVENT_KINDS } from '@tongxin/shared-types/src/events'
import { KIND_GROUPS, draftFromEvent, draftProblem, emptyDraft, toInput } from '../../src/events/edit/form'
import { eventTimeLabel, timeNear } from '../../src/utils/time'
import { myEvent } from './support'

const base = () => ({
  ...emptyDraft(new Date('2026-11-30T10:00:00Z'), null, [{ kind: 'all' as const, id: null, name: '全体成员' }]),
  title: '专题学习',
  place: '三楼会议室',
})

describe('活动表单', () => {
  it('活动类型分三组，不漏不重', () => {
    const grouped = KIND_GROUPS.flatMap((g) => g.kinds)
    expect([...grouped].sort()).toEqual([...EVENT_KINDS].sort())
  })

  it('缺省为明天 9:00–11:30（北京时间），开始前 30 分钟开放签到、结束时截止，10 分钟后算迟到', () => {
    expect(toInput(base())).toEqual({
      kind: '中心组学习',
      title: '专题学习',
      place: '三楼会议室',
      startsAt: '2026-12-01T09:00:00+08:00',
      endsAt: '2026-12-01T11:30:00+08:00',
      checkinOpensAt: '2026-12-01T08:30:00+08:00',
      checkinClosesAt: '2026-12-01T11:30:00+08:00',
      lateAfterMinutes: 10,
      rotateSeconds: 15,
      ownerBranchId: null,
      audience: [{ kind: 'all', id: null }],
      geo: null,
    })
  })

  it('开始前跨过午夜的签到窗口落在前一天', () => {
    expect(toInput({ ...base(), startTime: '00:10', opensBefore: 30 }).checkinOpensAt).toBe('2026-11-30T23:40:00+08:00')
  })

  it('已有活动读回表单：窗口与迟到界限换算成分钟', () => {
    const d = draftFromEvent(myEvent())
    expect(d).toMatchObject({
      date: '2026-12-01',
      startTime: '09:00',
      endTime: '11:30',
      opensBefore: 30,
      closesAfterStart: null,
      lateAfterMinutes: 10,
      rotateSeconds: '15',
    })
    expect(toInput(d).startsAt).toBe('2026-12-01T09:00:00+08:00')
  })

  it.each([
    [{ title: '学' }, '请填写活动标题（2 到 60 个字）'],
    [{ place: ' ' }, '请填写活动地点'],
    [{ endTime: '08:00' }, '结束时间须晚于开始时间'],
    [{ rotateSeconds: '5' }, '换码间隔应为 10 到 300 之间的整数（秒）'],
    [{ audience: [] }, '请至少选择一类参加对象'],
  ])('提交前检查 %j', (change, problem) => expect(draftProblem({ ...base(), ...change }, false)).toBe(problem))

  it('书记必须选主办支部', () => {
    expect(draftProblem(base(), true)).toBe('请选择主办支部')
    expect(draftProblem(base(), false)).toBeNull()
  })

  it('时间按北京时间写出，与设备时区无关', () => {
    expect(eventTimeLabel('2026-12-01T01:00:00.000Z', '2026-12-01T03:30:00.000Z')).toBe('12月1日 周二 09:00–11:30')
    expect(eventTimeLabel('2026-12-01T01:00:00.000Z', '2026-12-02T09:00:00.000Z')).toBe('12月1日 周二 09:00 至 12月2日 周三 17:00')
    // 签到开放、迟到界限与活动同一天只写钟点；前一晚就开放的带上日期（北京时间判断同一天）
    expect(timeNear('2026-12-01T00:30:00.000Z', '2026-12-01T01:00:00.000Z')).toBe('08:30')
    expect(timeNear('2026-11-30T15:30:00.000Z', '2026-12-01T01:00:00.000Z')).toBe('11月30日 周一 23:30')
  })
})
