import { Text, View } from '@tarojs/components'
import './ComingSoon.scss'

export interface ComingSoonProps {
  /** 栏目名，如「学习」 */
  title: string
  /** 这里将会有什么，一句话 */
  summary: string
  /** 将提供的功能，逐条列出 */
  features: string[]
}

/** 尚未上线栏目的如实说明 */
export function ComingSoon({ title, summary, features }: ComingSoonProps) {
  return (
    <View className='soon'>
      <View className='soon__head'>
        <Text className='soon__title'>{title}</Text>
        <Text className='soon__badge'>即将上线</Text>
      </View>
      <Text className='soon__summary'>{summary}</Text>
      <View className='soon__list'>
        {features.map((f) => (
          <View key={f} className='soon__item'>
            · {f}
          </View>
        ))}
      </View>
    </View>
  )
}
