/**
 * 新建/修改活动的表单草稿：与后端输入之间的换算和检查（纯函数，不碰页面）。
 * 时间一律按北京时间填写；签到窗口、迟到界限用“开始前/后几分钟”表示，老同志好理解。
 */
import type { AudienceTarget, EventKind, EventView } from '@tongxin/shared-types'
import { addMinutes, beijingIso, dateInputValue, minutesBetween, timeInputValue } from '../../utils/time'

export interface EventDraft {
  kind: EventKind
  title: string
  place: string
  /** YYYY-MM-DD */
  date: string
  startTime: string
  /** 跨天的活动才与 date 不同 */
  endDate: string
  endTime: string
  /** 开始前几分钟开放签到 */
  opensBefore: number
  /** 开始后几分钟截止签到；null 为活动结束时 */
  closesAfterStart: number | null
  lateAfterMinutes: number
  /** 换码间隔（秒），文本框里的原样 */
  rotateSeconds: string
  ownerBranchId: string | null
  audience: AudienceTarget[]
  geo: { lat: number; lng: number; radiusM: number } | null
}

export const KIND_GROUPS: Array<{ title: string; kinds: EventKind[] }> = [
  { title: '学习', kinds: ['中心组学习', '政协讲堂', '委员培训', '书香政协'] },
  { title: '党的组织生活', kinds: ['支部党员大会', '支委会', '党小组会', '党课', '主题党日', '组织生活会', '民主评议党员'] },
  { title: '委员履职', kinds: ['委员之家活动', '调研', '视察', '界别活动', '协商会', '全体会议', '常委会议'] },
]

export const OPENS_BEFORE_CHOICES = [15, 30, 60]
export const CLOSES_CHOICES: Array<number | null> = [null, 30, 60]
export const LATE_CHOICES = [5, 10, 15, 30]
export const RADIUS_CHOICES = [200, 500, 1000]

/** 缺省：明天上午 9 点到 11 点半，开始前 30 分钟开放签到，开始 10 分钟后算迟到，每 15 秒换码 */
export function emptyDraft(now: Date, ownerBranchId: string | null, audience: AudienceTarget[], kind: EventKind = '中心组学习'): EventDraft {
  const tomorrow = dateInputValue(new Date(now.getTime() + 86_400_000).toISOString())
  return {
    kind,
    title: '',
    place: '',
    date: tomorrow,
    startTime: '09:00',
    endDate: tomorrow,
    endTime: '11:30',
    opensBefore: 30,
    closesAfterStart: null,
    lateAfterMinutes: 10,
    rotateSeconds: '15',
    ownerBranchId,
    audience,
    geo: null,
  }
}

export function draftFromEvent(e: EventView): EventDraft {
  return {
    kind: e.kind,
    title: e.title,
    place: e.place,
    date: dateInputValue(e.startsAt),
    startTime: timeInputValue(e.startsAt),
    endDate: dateInputValue(e.endsAt),
    endTime: timeInputValue(e.endsAt),
    opensBefore: minutesBetween(e.checkinOpensAt, e.startsAt),
    closesAfterStart: e.checkinClosesAt === e.endsAt ? null : minutesBetween(e.startsAt, e.checkinClosesAt),
    lateAfterMinutes: minutesBetween(e.startsAt, e.lateAfter),
    rotateSeconds: String(e.rotateSeconds),
    ownerBranchId: e.ownerBranch?.id ?? null,
    audience: e.audience,
    geo: e.geo,
  }
}

/**
 * 照一场活动再办一场（每月的主题党日、改期重办）：类型、标题、地点、时长、签到设置、主办与参加对象都照旧，
 * 日期改为明天起（跨天的保持天数），由组织者改成实际的日子。
 */
export function draftForCopy(e: EventView, now: Date): EventDraft {
  const d = draftFromEvent(e)
  const spanDays = Math.round((Date.parse(`${d.endDate}T00:00:00Z`) - Date.parse(`${d.date}T00:00:00Z`)) / 86_400_000)
  const start = dateInputValue(new Date(now.getTime() + 86_400_000).toISOString())
  const end = dateInputValue(new Date(Date.parse(`${start}T12:00:00+08:00`) + spanDays * 86_400_000).toISOString())
  return { ...d, date: start, endDate: end }
}

/** 交给 event.create / event.update 的字段 */
export function toInput(d: EventDraft) {
  const startsAt = beijingIso(d.date, d.startTime)
  const endsAt = beijingIso(d.endDate, d.endTime)
  return {
    kind: d.kind,
    title: d.title.trim(),
    place: d.place.trim(),
    startsAt,
    endsAt,
    checkinOpensAt: addMinutes(startsAt, -d.opensBefore),
    checkinClosesAt: d.closesAfterStart === null ? endsAt : addMinutes(startsAt, d.closesAfterStart),
    lateAfterMinutes: d.lateAfterMinutes,
    rotateSeconds: Number(d.rotateSeconds),
    ownerBranchId: d.ownerBranchId,
    audience: d.audience.map((a) => ({ kind: a.kind, id: a.id })),
    geo: d.geo,
  }
}

/** 提交前的检查：返回第一处问题的中文说明，没有问题为 null（服务端还会再查） */
export function draftProblem(d: EventDraft, needsOwnerBranch: boolean): string | null {
  const title = d.title.trim()
  if (title.length < 2 || title.length > 60) return '请填写活动标题（2 到 60 个字）'
  if (!d.place.trim()) return '请填写活动地点'
  const input = toInput(d)
  if (Date.parse(input.endsAt) <= Date.parse(input.startsAt)) return '结束时间须晚于开始时间'
  if (Date.parse(input.checkinClosesAt) <= Date.parse(input.checkinOpensAt)) return '签到截止时间须晚于签到开始时间'
  const rotate = input.rotateSeconds
  if (!Number.isInteger(rotate) || rotate < 10 || rotate > 300) return '换码间隔应为 10 到 300 之间的整数（秒）'
  if (needsOwnerBranch && !d.ownerBranchId) return '请选择主办支部'
  if (d.audience.length === 0) return '请至少选择一类参加对象'
  return null
}

/** 分钟选项里加上草稿现有的值（修改旧活动时可能不在常用选项里） */
export function withCurrent<T extends number | null>(choices: T[], current: T): T[] {
  return choices.includes(current) ? choices : [...choices, current]
}
