import { Button, View } from '@tarojs/components'

export interface ChoiceOption<T extends string | number> {
  value: T
  label: string
  /** 第二行说明（竖排时显示） */
  desc?: string
}

export interface ChoicesProps<T extends string | number> {
  options: ReadonlyArray<ChoiceOption<T>>
  value: T | null
  onChange: (value: T) => void
  /** 竖排：每项占一整行，适合带说明的选项 */
  stack?: boolean
  /** 等分一行（页内分栏用） */
  grid?: boolean
}

const mark = (on: boolean, label: string) => (on ? `✓ ${label}` : label)

/**
 * 单选按钮组：选中项前加「✓」并反白，不只靠颜色（不用原生 picker 弹层）。
 * 等分的分栏不加「✓」（窄屏放不下），改用加粗与底边粗线标出当前栏。
 */
export function Choices<T extends string | number>({ options, value, onChange, stack, grid }: ChoicesProps<T>) {
  const layout = stack ? ' pt-choices--stack' : grid ? ' pt-choices--grid' : ''
  return (
    <View className={`pt-choices${layout}`}>
      {options.map((o) => {
        const on = o.value === value
        return (
          <Button key={String(o.value)} className={on ? 'pt-choice pt-choice--on' : 'pt-choice'} aria-pressed={on} onClick={() => onChange(o.value)}>
            {stack ? <View className='pt-choice__label'>{mark(on, o.label)}</View> : grid ? o.label : mark(on, o.label)}
            {stack && o.desc && <View className='pt-choice__desc'>{o.desc}</View>}
          </Button>
        )
      })}
    </View>
  )
}
