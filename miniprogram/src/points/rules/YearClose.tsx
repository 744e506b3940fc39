import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { callFunction } from '../../services/cloud'
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
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function close() {
    setBusy(true)
    setError(null)
    const res = await callFunction('points', 'closeYear', { year })
    setBusy(false)
    setConfirming(false)
    if (res.ok) setDone(`${res.data.year} 年度已于 ${formatDate(res.data.closedAt)} 关账。`)
    else setError(res.error.message)
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
          setError(null)
        }}
      />
      {!confirming ? (
        <Button block onClick={() => setConfirming(true)}>
          关账 {year} 年度…
        </Button>
      ) : (
        <View className='pt-confirm'>
          <Text className='pt-confirm__text'>确定关账 {year} 年度吗？{CLOSE_YEAR_WARNING}。</Text>
          <View className='ui-btn-row'>
            <Button kind='primary' off={busy} onClick={close}>
              {busy ? '正在关账…' : `确认关账 ${year} 年度`}
            </Button>
            <Button kind='quiet' onClick={() => setConfirming(false)}>
              取消
            </Button>
          </View>
        </View>
      )}
      {error && <Notice kind='error'>{error}</Notice>}
      {done && <Notice kind='success'>{done}</Notice>}
    </View>
  )
}
