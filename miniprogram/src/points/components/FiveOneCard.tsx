import { Text, View } from '@tarojs/components'
import type { FiveOneProgress } from '@tongxin/shared-types'
import { formatDate } from '../../utils/time'
import '../../components/Card.scss'

export interface FiveOneCardProps {
  year: number
  items: FiveOneProgress[]
}

/** “五个一”：每项写明已完成（由哪件事完成、哪天）或未完成 */
export function FiveOneCard({ year, items }: FiveOneCardProps) {
  const done = items.filter((i) => i.done).length
  return (
    <View className='ui-card'>
      <Text className='ui-card__title'>{year} 年“五个一”</Text>
      <Text className='ui-card__sub'>
        已完成 {done} 项，共 {items.length} 项
      </Text>
      {items.map((i) => (
        <View key={i.item} className='pt-five' data-item={i.item}>
          <View className='pt-five__row'>
            <Text className='pt-five__label'>{i.label}</Text>
            <Text className={i.done ? 'pt-five__state pt-five__state--done' : 'pt-five__state pt-five__state--todo'}>{i.done ? '✓ 已完成' : '未完成'}</Text>
          </View>
          {i.fulfilledBy.map((f) => (
            <Text key={`${f.sourceKind}:${f.sourceId}`} className='pt-five__by'>
              {f.title}（{formatDate(f.at)}）
            </Text>
          ))}
        </View>
      ))}
    </View>
  )
}
