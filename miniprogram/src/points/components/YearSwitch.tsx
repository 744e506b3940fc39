import { ChoiceChips } from '../../components/Chips'

export interface YearSwitchProps {
  /** 可选的年度，新的在前 */
  years: number[]
  value: number
  onChange: (year: number) => void
}

/** 年度切换：今年与往年，按钮直接点选 */
export function YearSwitch({ years, value, onChange }: YearSwitchProps) {
  return <ChoiceChips options={years.map((y) => ({ value: y, label: `${y} 年` }))} value={value} onChange={onChange} />
}
