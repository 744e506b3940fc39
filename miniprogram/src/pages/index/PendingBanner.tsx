import { Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import type { FlushReport } from '../checkin/client'
import { clockTime } from '../../utils/time'

export interface PendingBannerProps {
  /** 还没送到的扫码条数 */
  pending: number
  /** 最近一轮补交送到的结果 */
  settled: FlushReport['settled']
  busy: boolean
  onRetry: () => void
}

/** 断网时记下的扫码：还有几条没送到；补交后逐条说明结果 */
export function PendingBanner({ pending, settled, busy, onRetry }: PendingBannerProps) {
  if (pending === 0 && settled.length === 0) return null
  return (
    <View className='pending' role='status'>
      {pending > 0 && (
        <>
          <Text className='pending__title'>有 {pending} 次扫码签到还没送到</Text>
          <Text className='pending__text'>网络恢复后会自动补交，不用重新扫码。</Text>
          <Button block className='pending__retry' busy={busy} busyText='正在补交…' onClick={onRetry}>
            现在重试
          </Button>
        </>
      )}
      {settled.map(({ scan, outcome }) => (
        <Text key={`${scan.token}-${scan.scannedAt}`} className='pending__text'>
          {clockTime(scan.scannedAt)} 的扫码：
          {outcome.kind === 'done'
            ? `${outcome.result.eventTitle}${outcome.result.already ? '，之前已经签到过了' : ' 补签成功'}`
            : `未能补签，${outcome.message}`}
        </Text>
      ))}
    </View>
  )
}
