/**
 * 建言数字的时段：本月、本季度、本年、上一年按「今天」（北京时间的 YYYY-MM-DD，由 todayIso 给出）推算，
 * 只做日历上的加减，不碰时区；自定义的由办公室自己选起止日期。
 */
export type PeriodChoice = 'month' | 'quarter' | 'year' | 'lastYear' | 'custom'

export const PERIOD_OPTIONS: ReadonlyArray<{ value: PeriodChoice; label: string }> = [
  { value: 'month', label: '本月' },
  { value: 'quarter', label: '本季度' },
  { value: 'year', label: '本年' },
  { value: 'lastYear', label: '上一年' },
  { value: 'custom', label: '自定义' },
]

export interface DateRange {
  /** YYYY-MM-DD，含当天 */
  from: string
  /** YYYY-MM-DD，含当天 */
  to: string
}

const QUARTERS = ['一', '二', '三', '四']
const pad = (n: number) => String(n).padStart(2, '0')
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`
/** 某月的天数（m 为 1–12） */
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()
const parts = (date: string) => date.split('-').map(Number) as [number, number, number]

/** 预设时段的起止日期；today 为北京时间的 YYYY-MM-DD */
export function presetRange(choice: Exclude<PeriodChoice, 'custom'>, today: string): DateRange {
  const [y, m] = parts(today)
  switch (choice) {
    case 'month':
      return { from: ymd(y, m, 1), to: ymd(y, m, daysIn(y, m)) }
    case 'quarter': {
      const first = Math.floor((m - 1) / 3) * 3 + 1
      return { from: ymd(y, first, 1), to: ymd(y, first + 2, daysIn(y, first + 2)) }
    }
    case 'year':
      return { from: ymd(y, 1, 1), to: ymd(y, 12, 31) }
    case 'lastYear':
      return { from: ymd(y - 1, 1, 1), to: ymd(y - 1, 12, 31) }
  }
}

/** 截止早于起始：不能去数 */
export const inverted = (r: DateRange) => r.to < r.from

const dayText = (date: string) => {
  const [y, m, d] = parts(date)
  return `${y}年${m}月${d}日`
}

/** 卡片标题里的时段：2026年12月、2026年第四季度、2026年；自定义写出起止日期 */
export function periodLabel(choice: PeriodChoice, r: DateRange): string {
  const [y, m] = parts(r.from)
  switch (choice) {
    case 'month':
      return `${y}年${m}月`
    case 'quarter':
      return `${y}年第${QUARTERS[Math.floor((m - 1) / 3)]}季度`
    case 'year':
    case 'lastYear':
      return `${y}年`
    case 'custom':
      return r.from === r.to ? dayText(r.from) : `${dayText(r.from)}至${dayText(r.to)}`
  }
}
