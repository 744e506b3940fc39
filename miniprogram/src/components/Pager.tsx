import { Text, View } from '@tarojs/components'
import { Button } from './Button'
import './Pager.scss'

export interface PagerProps {
  page: number
  pages: number
  total: number
  /** 合计的量词，如「共 58 人」里的「人」 */
  unit: string
  busy?: boolean
  onChange: (page: number) => void
}

/** 上一页 / 第 x/y 页 / 下一页，两端不可再翻时按钮失效 */
export function Pager({ page, pages, total, unit, busy, onChange }: PagerProps) {
  return (
    <View className='ui-pager'>
      <Text className='ui-pager__total'>
        共 {total} {unit}
      </Text>
      <View className='ui-pager__row'>
        <Button className='ui-pager__btn' off={busy || page <= 1} onClick={() => onChange(page - 1)}>
          上一页
        </Button>
        <Text className='ui-pager__page'>
          第 {page}/{pages} 页
        </Text>
        <Button className='ui-pager__btn' off={busy || page >= pages} onClick={() => onChange(page + 1)}>
          下一页
        </Button>
      </View>
    </View>
  )
}
