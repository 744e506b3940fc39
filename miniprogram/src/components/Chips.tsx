import { useState } from 'react'
import { useDomId } from './useDomId'
import { Button, Text, View } from '@tarojs/components'
import './Chips.scss'

export interface Option<T extends string | number> {
  value: T
  label: string
  /** 第二行说明（竖排时显示） */
  desc?: string
}

const mark = (on: boolean, label: string) => (on ? `✓ ${label}` : label)

/** 选项组的标题：与选项组用 aria-labelledby 关联 */
function GroupLabel({ id, label }: { id: string; label?: string }) {
  return label ? (
    <Text className='ui-field__label ui-chips__label' id={id}>
      {label}
    </Text>
  ) : null
}

export interface ChoiceChipsProps<T extends string | number> {
  /** 这组选项问的是什么；页内分栏可不给 */
  label?: string
  options: ReadonlyArray<Option<T>>
  value: T | null
  onChange: (value: T) => void
  /** wrap：一排、放不下换行（默认）；stack：每项一整行，带说明；grid：等分一行（页内分栏，不加「✓」，用底边粗线标出当前栏） */
  layout?: 'wrap' | 'stack' | 'grid'
}

/** 单选：一组可点的方块，选中的填色并写明「✓」（不只靠颜色区分）；不用小程序的滚轮选择器（长辈不好拨） */
export function ChoiceChips<T extends string | number>({ label, options, value, onChange, layout = 'wrap' }: ChoiceChipsProps<T>) {
  const id = useDomId('g')
  return (
    <View className='ui-field'>
      <GroupLabel id={id} label={label} />
      <View className={`ui-chips ui-chips--${layout}`} role='group' aria-labelledby={label ? id : undefined}>
        {options.map((o) => {
          const on = o.value === value
          return (
            <Button key={String(o.value)} className={on ? 'ui-chip ui-chip--on' : 'ui-chip'} aria-pressed={on} onClick={() => onChange(o.value)}>
              {layout === 'stack' ? <View className='ui-chip__label'>{mark(on, o.label)}</View> : layout === 'grid' ? o.label : mark(on, o.label)}
              {layout === 'stack' && o.desc && <View className='ui-chip__desc'>{o.desc}</View>}
            </Button>
          )
        })}
      </View>
    </View>
  )
}

export interface MultiChipsProps<T extends string> {
  label: string
  options: ReadonlyArray<Option<T>>
  values: readonly T[]
  onChange: (values: T[]) => void
  /** 没有可选项时的一句话 */
  emptyText?: string
}

/** 多选（如专委会、通知对象）：点一下选上，再点取消 */
export function MultiChips<T extends string>({ label, options, values, onChange, emptyText }: MultiChipsProps<T>) {
  const id = useDomId('g')
  const toggle = (v: T) => onChange(values.includes(v) ? values.filter((x) => x !== v) : [...values, v])
  return (
    <View className='ui-field'>
      <GroupLabel id={id} label={label} />
      {options.length === 0 && emptyText && <Text className='ui-field__hint'>{emptyText}</Text>}
      <View className='ui-chips ui-chips--wrap' role='group' aria-labelledby={id}>
        {options.map((o) => {
          const on = values.includes(o.value)
          return (
            <Button key={o.value} className={on ? 'ui-chip ui-chip--on' : 'ui-chip'} aria-pressed={on} onClick={() => toggle(o.value)}>
              {mark(on, o.label)}
            </Button>
          )
        })}
      </View>
    </View>
  )
}

export interface SelectListProps {
  label: string
  /** 选中项的 value；null 表示「不限」或「无」 */
  value: string | null
  options: ReadonlyArray<Option<string>>
  onChange: (value: string | null) => void
  /** 空选项的文字（如「不限」「无」）；不给则必须选一项 */
  noneLabel?: string
}

/**
 * 选项多时（界别、支部）用的选择：平时只显示当前值，点「更改」就地展开全部选项，
 * 不弹窗，也不用小程序的滚轮选择器。
 */
export function SelectList({ label, value, options, onChange, noneLabel }: SelectListProps) {
  const id = useDomId('g')
  const [open, setOpen] = useState(false)
  const current = options.find((o) => o.value === value)?.label ?? noneLabel ?? '请选择'
  const pick = (v: string | null) => {
    onChange(v)
    setOpen(false)
  }
  const choices: Array<{ value: string | null; label: string }> = [...(noneLabel ? [{ value: null, label: noneLabel }] : []), ...options]
  return (
    <View className='ui-field'>
      <GroupLabel id={id} label={label} />
      <Button className='ui-select' aria-expanded={open} aria-label={`${label}：${current}，${open ? '收起' : '更改'}`} onClick={() => setOpen(!open)}>
        <Text className='ui-select__value'>{current}</Text>
        <Text className='ui-select__action'>{open ? '收起 ▴' : '更改 ▾'}</Text>
      </Button>
      {open && (
        <View className='ui-chips ui-chips--wrap ui-select__options' role='group' aria-labelledby={id}>
          {choices.map((o) => (
            <Button
              key={o.value ?? '-'}
              className={o.value === value ? 'ui-chip ui-chip--on' : 'ui-chip'}
              aria-pressed={o.value === value}
              onClick={() => pick(o.value)}
            >
              {mark(o.value === value, o.label)}
            </Button>
          ))}
        </View>
      )}
    </View>
  )
}
