import type { ReactNode } from 'react'
import { Button, Text, View } from '@tarojs/components'
import './ListRow.scss'

export interface ListRowProps {
  /** 一行的主文字（加粗） */
  title: ReactNode
  /** 第二行的灰字说明 */
  desc?: ReactNode
  /** 右侧的状态或去向，如「进入 ›」「已开启」 */
  trailing?: ReactNode
  /** 右侧状态是否高亮（如开关已开启） */
  trailingOn?: boolean
  onClick: () => void
  /** 读屏念的名称（不给则念整行文字） */
  ariaLabel?: string
  /** 开关类的行：读屏念出“已按下/未按下” */
  pressed?: boolean
  className?: string
}

/** 列表里可点的一整行（入口、成员、规则）：整行都是触控区 */
export function ListRow({ title, desc, trailing, trailingOn, onClick, ariaLabel, pressed, className }: ListRowProps) {
  return (
    <Button className={className ? `ui-row ${className}` : 'ui-row'} aria-label={ariaLabel} aria-pressed={pressed} onClick={onClick}>
      <View className='ui-row__text'>
        <Text className='ui-row__title'>{title}</Text>
        {desc && <Text className='ui-row__desc'>{desc}</Text>}
      </View>
      {trailing && <Text className={trailingOn ? 'ui-row__trailing ui-row__trailing--on' : 'ui-row__trailing'}>{trailing}</Text>}
    </Button>
  )
}
