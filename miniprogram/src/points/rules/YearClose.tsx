import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { callFunction } from '../../services/cloud'
import { useSubmit } from '../../hooks/useSubmit'
import { currentYear, formatDate } from '../../utils/time'
import { Button } from '../../components/Button'
import { ChoiceChips } from '../../components/Chips'
import { Notice } from '../../components/Notice'
import '../../components/Card.scss'

export const CLOSE_YEAR_WARNING = '关账后不能再记分，只有管理员写明原因的冲正可以改动'

/** 年度关账：先选年度，再就地确认（不用弹窗） */
export function YearClose() {
  const last = currentYear() - 1
  const [year, setYear] = useState(last)
  const [confirming, setConfirming] = useState(false)
  const { busy, error, run, clear } = useSubmit()
  const [done, setDone] = useState<string | null>(null)

  async function close() {
    const closed = await run(() => callFunction('points', 'closeYear', { year }))
    setConfirming(false)
    if (closed) setDone(`${closed.data.year} 年度已于 ${formatDate(closed.data.closedAt)} 关账。`)
  }

  return (
    <View className='ui-card'>
      <Text className='ui-card__title'>年度关账</Text>
      <Text className='ui-card__sub'>年度结束、年述评定稿后关账，积分从此固定。只能关已经结束的年度。</Text>
      <ChoiceChips
        options={[last, last - 1].map((y) => ({ value: y, label: `${y} 年` }))}
        value={year}
        onChange={(y) => {
          setYear(y)
          setConfirming(false)
          setDone(null)
          clear()
        }}
      />
      {!confirming ? (
        <Button block onClick={() => setConfirming(true)}>
          关账 {year} 年度…
        </Button>
      ) : (
        <View className='pt-confirm'>
          <Text className='pt-confirm__text'>
            确定关账 {year} 年度吗？{CLOSE_YEAR_WARNING}。
          </Text>
          <View className='ui-btn-row'>
            <Button kind='primary' busy={busy} busyText='正在关账…' onClick={close}>
              {`确认关账 ${year} 年度`}
            </Button>
            <Button kind='quiet' onClick={() => setConfirming(false)}>
              取消
            </Button>
          </View>
        </View>
      )}
      {error && <Notice kind='error'>{error.message}</Notice>}
      {done && <Notice kind='success'>{done}</Notice>}
    </View>
  )
}
