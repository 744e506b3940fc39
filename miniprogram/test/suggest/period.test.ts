import { inverted, periodLabel, presetRange } from '../../src/suggest/office/period'

describe('建言数字的时段', () => {
  it('本月：到当月最后一天（含闰年二月）', () => {
    expect(presetRange('month', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' })
    expect(presetRange('month', '2027-02-28')).toEqual({ from: '2027-02-01', to: '2027-02-28' })
    expect(presetRange('month', '2026-12-31')).toEqual({ from: '2026-12-01', to: '2026-12-31' })
  })

  it('本季度：三个月，首尾都算', () => {
    expect(presetRange('quarter', '2026-01-01')).toEqual({ from: '2026-01-01', to: '2026-03-31' })
    expect(presetRange('quarter', '2026-06-30')).toEqual({ from: '2026-04-01', to: '2026-06-30' })
    expect(presetRange('quarter', '2026-08-15')).toEqual({ from: '2026-07-01', to: '2026-09-30' })
    expect(presetRange('quarter', '2026-11-02')).toEqual({ from: '2026-10-01', to: '2026-12-31' })
  })

  it('本年与上一年', () => {
    expect(presetRange('year', '2027-01-01')).toEqual({ from: '2027-01-01', to: '2027-12-31' })
    expect(presetRange('lastYear', '2027-01-01')).toEqual({ from: '2026-01-01', to: '2026-12-31' })
  })

  it('标题里的时段', () => {
    expect(periodLabel('month', presetRange('month', '2026-03-05'))).toBe('2026年3月')
    expect(periodLabel('quarter', presetRange('quarter', '2026-11-02'))).toBe('2026年第四季度')
    expect(periodLabel('quarter', presetRange('quarter', '2026-02-02'))).toBe('2026年第一季度')
    expect(periodLabel('year', presetRange('year', '2026-11-02'))).toBe('2026年')
    expect(periodLabel('lastYear', presetRange('lastYear', '2026-11-02'))).toBe('2025年')
    expect(periodLabel('custom', { from: '2026-01-05', to: '2026-03-01' })).toBe('2026年1月5日至2026年3月1日')
    expect(periodLabel('custom', { from: '2026-01-05', to: '2026-01-05' })).toBe('2026年1月5日')
  })

  it('截止早于起始算倒置；同一天不算', () => {
    expect(inverted({ from: '2026-03-02', to: '2026-03-01' })).toBe(true)
    expect(inverted({ from: '2026-03-01', to: '2026-03-01' })).toBe(false)
  })
})
