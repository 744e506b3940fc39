import { Picker, Text, View } from '@tarojs/components'
import './Field.scss'

const WEEKDAYS = '日一二三四五六'

/** 2026-12-01 → 2026年12月1日 周二 */
export function dateText(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay()
  return `${y}年${m}月${d}日 周${WEEKDAYS[weekday]}`
}

export interface PickerFieldProps {
  label: string
  mode: 'date' | 'time'
  /** 日期 YYYY-MM-DD，时间 HH:mm */
  value: string
  onChange: (value: string) => void
  /** 外层额外的样式类（如并排时占满一半） */
  className?: string
}

/** 日期、时间：显示成大字，点开用系统的选择器 */
export function PickerField({ label, mode, value, onChange, className }: PickerFieldProps) {
  return (
    <View className={className ? `ui-field ${className}` : 'ui-field'}>
      <Text className='ui-field__label'>{label}</Text>
      <Picker mode={mode} value={value} onChange={(e) => onChange(String(e.detail.value))}>
        <View className='ui-select' aria-label={label}>
          <Text className='ui-select__value'>{mode === 'date' ? dateText(value) : value}</Text>
          <Text className='ui-select__action'>更改 ▾</Text>
        </View>
      </Picker>
    </View>
  )
}
