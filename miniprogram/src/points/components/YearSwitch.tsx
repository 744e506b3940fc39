import { Choices } from './Choices'

export interface YearSwitchProps {
  /** 可选的年度，新的在前 */
  years: number[]
  value: number
  onChange: (year: number) => void
}

/** 年度切换：今年与往年，按钮直接点选 */
export function YearSwitch({ years, value, onChange }: YearSwitchProps) {
  return <Choices options={years.map((y) => ({ value: y, label: `${y} 年` }))} value={value} onChange={onChange} />
}
