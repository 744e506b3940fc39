/**
 * 唯一的时间与日期格式模块：一律按北京时间显示与输入（服务端给带时区的 ISO 时间），
 * 不受手机或投影电脑的时区设置影响；积分年度也按北京时间划分，与服务端一致。
 * 主包与各分包共用；只被分包用到的函数由构建的摇树去掉，不占主包。
 */
const BEIJING_OFFSET_MS = 8 * 3600_000
const WEEKDAYS = '日一二三四五六'
const pad = (n: number) => String(n).padStart(2, '0')

interface BeijingClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  weekday: number
}

function beijingAt(at: Date): BeijingClock {
  const t = new Date(at.getTime() + BEIJING_OFFSET_MS)
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate(), hour: t.getUTCHours(), minute: t.getUTCMinutes(), weekday: t.getUTCDay() }
}

const beijing = (iso: string): BeijingClock => beijingAt(new Date(iso))
const valid = (iso: string) => !Number.isNaN(Date.parse(iso))

/** 09:05 */
export function clockTime(iso: string): string {
  const c = beijing(iso)
  return `${pad(c.hour)}:${pad(c.minute)}`
}

/** 12月1日 周二 */
export function dayLabel(iso: string): string {
  const c = beijing(iso)
  return `${c.month}月${c.day}日 周${WEEKDAYS[c.weekday]}`
}

/** 12月1日 周二 09:05 */
export function dateTimeLabel(iso: string): string {
  return `${dayLabel(iso)} ${clockTime(iso)}`
}

/** 同一天：12月1日 周二 09:00–11:30；跨天：12月1日 周二 09:00 至 12月2日 周三 17:00 */
export function eventTimeLabel(startsAt: string, endsAt: string): string {
  return dayLabel(startsAt) === dayLabel(endsAt) ? `${dateTimeLabel(startsAt)}–${clockTime(endsAt)}` : `${dateTimeLabel(startsAt)} 至 ${dateTimeLabel(endsAt)}`
}

/** 与活动开始同一天的只写钟点，不同天的带上日期（如前一晚就开放签到） */
export function timeNear(iso: string, dayOf: string): string {
  return dayLabel(iso) === dayLabel(dayOf) ? clockTime(iso) : dateTimeLabel(iso)
}

/** 表单用：2026-12-01 */
export function dateInputValue(iso: string): string {
  const c = beijing(iso)
  return `${c.year}-${pad(c.month)}-${pad(c.day)}`
}

/** 表单用：09:05 */
export const timeInputValue = clockTime

/** 表单的日期与时间 → 带北京时区的 ISO 时间，如 2026-12-01T09:00:00+08:00 */
export function beijingIso(date: string, time: string): string {
  return `${date}T${time}:00+08:00`
}

/** 在某个时间上加减分钟，仍以北京时区写出 */
export function addMinutes(iso: string, minutes: number): string {
  const t = new Date(new Date(iso).getTime() + minutes * 60_000).toISOString()
  return beijingIso(dateInputValue(t), clockTime(t))
}

/** 两个时间相差的分钟数（b − a） */
export function minutesBetween(a: string, b: string): number {
  return Math.round((new Date(b).getTime() - new Date(a).getTime()) / 60_000)
}

/** 2026年12月26日（认不出的原样返回） */
export function formatDate(iso: string): string {
  if (!valid(iso)) return iso
  const c = beijing(iso)
  return `${c.year}年${c.month}月${c.day}日`
}

/** 2026-12-26 09:05（名册、审计日志；认不出的原样返回） */
export function formatDateTime(iso: string): string {
  if (!valid(iso)) return iso
  const c = beijing(iso)
  return `${c.year}-${pad(c.month)}-${pad(c.day)} ${pad(c.hour)}:${pad(c.minute)}`
}

/** 今天的 YYYY-MM-DD（北京时间），用作日期输入的默认值 */
export function todayIso(now: Date = new Date()): string {
  const c = beijingAt(now)
  return `${c.year}-${pad(c.month)}-${pad(c.day)}`
}

/** 北京时间的今年（积分年度） */
export function currentYear(now: Date = new Date()): number {
  return beijingAt(now).year
}
