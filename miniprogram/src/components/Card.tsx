import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './Card.scss'

export interface CardProps {
  /** 卡片标题（加粗，一行） */
  title?: ReactNode
  /** 标题下的一行说明 */
  sub?: ReactNode
  children?: ReactNode
  className?: string
}

/** 白底圆角的一块 */
export function Card({ title, sub, children, className }: CardProps) {
  return (
    <View className={className ? `ui-card ${className}` : 'ui-card'}>
      {title && <Text className='ui-card__title'>{title}</Text>}
      {sub && <Text className='ui-card__sub'>{sub}</Text>}
      {children}
    </View>
  )
}

export interface InfoRowProps {
  /** 左边的名目，如「地点」 */
  label: string
  value: ReactNode
}

/** 名目与内容一行：名目在左、灰字，内容占满其余 */
export function InfoRow({ label, value }: InfoRowProps) {
  return (
    <View className='ui-info'>
      <Text className='ui-info__label'>{label}</Text>
      <Text className='ui-info__value'>{value}</Text>
    </View>
  )
}

export interface TagProps {
  /** ok 绿、wait 琥珀、none 灰、closed 深红；都带边框与文字，不只靠颜色 */
  tone: 'ok' | 'wait' | 'none' | 'closed'
  children: ReactNode
}

/** 状态小标签（已绑定、请假待批、已取消） */
export function Tag({ tone, children }: TagProps) {
  return <Text className={`ui-tag ui-tag--${tone}`}>{children}</Text>
}

export interface PageHeadProps {
  title: string
  sub?: string
}

/** 页头：主色底白字，页面的名字与一句说明 */
export function PageHead({ title, sub }: PageHeadProps) {
  return (
    <View className='ui-head'>
      <Text className='ui-head__title'>{title}</Text>
      {sub && <Text className='ui-head__sub'>{sub}</Text>}
    </View>
  )
}

export interface SectionTitleProps {
  children: ReactNode
}

/** 卡片之间的分区标题 */
export function SectionTitle({ children }: SectionTitleProps) {
  return <Text className='ui-section-title'>{children}</Text>
}
