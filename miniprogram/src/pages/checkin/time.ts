/**
 * 活动时间一律按北京时间显示与输入（服务端给带时区的 ISO 时间），不受手机或投影电脑的时区设置影响。
 * 首页、签到页与 events 分包共用，所以放在主包里。
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

function beijing(iso: string): BeijingClock {
  const t = new Date(new Date(iso).getTime() + BEIJING_OFFSET_MS)
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate(), hour: t.getUTCHours(), minute: t.getUTCMinutes(), weekday: t.getUTCDay() }
}

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
  return dayLabel(startsAt) === dayLabel(endsAt)
    ? `${dateTimeLabel(startsAt)}–${clockTime(endsAt)}`
    : `${dateTimeLabel(startsAt)} 至 ${dateTimeLabel(endsAt)}`
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
