/**
 * 扫码签到页（主包）：微信“扫一扫”扫大屏上的小程序码直接打开这里（scene 即令牌），
 * 首页的「扫码签到」扫到码后也跳到这里。一进来就签，结果写得又大又清楚。
 */
import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { PageShell } from '../../components/PageShell'
import { RemindMe } from '../../components/RemindMe'
import { LOCAL_MODE } from '../../localMode'
import { useAppStore } from '../../store'
import { checkInWithToken, flushPendingScans, onReconnect, tokenFromScan, type ScanOutcome } from './client'
// 只取常量所在的文件：包入口会连带 zod，进了小程序包（主包因此曾多出约 110 KB）
import { pendingSentence } from '@tongxin/shared-types/src/events'
import { clockTime } from '../../utils/time'
import { CameraDenied } from './CameraDenied'
import { scanOnce } from './scan'
import './index.scss'

type PageState = { kind: 'working' } | { kind: 'no-token' } | { kind: 'needs-identity' } | ScanOutcome

const HOME = '/pages/index/index'

/** 扫码时还没绑定身份：带着这次扫码去绑定，绑定后回到签到页按扫码那一刻补交 */
export const bindThenCheckInUrl = (token: string, scannedAt: string) =>
  `/account/bind/index?token=${encodeURIComponent(token)}&at=${encodeURIComponent(scannedAt)}`

/** 签到页地址里带回来的扫码时间（先去绑定再回来时才有）；认不出或在将来的不用 */
function earlierScan(at: string | undefined): string | null {
  if (!at) return null
  const t = new Date(decodeURIComponent(at))
  return Number.isNaN(t.getTime()) || t.getTime() > Date.now() + 60_000 ? null : t.toISOString()
}

function Result({ state }: { state: PageState }) {
  switch (state.kind) {
    case 'working':
      return <Text className='checkin__title'>正在签到…</Text>
    case 'needs-identity':
      return <Text className='checkin__title checkin__title--small'>请先在页面顶部选择一个演示身份，选好后自动签到。</Text>
    case 'no-token':
      return (
        <>
          <View className='checkin__mark checkin__mark--bad'>✕</View>
          <Text className='checkin__title'>没有读到签到码</Text>
          <Text className='checkin__line'>请对准会场大屏幕上的二维码重新扫一次。</Text>
        </>
      )
    case 'queued':
      return (
        <>
          <View className='checkin__mark checkin__mark--wait'>!</View>
          <Text className='checkin__title'>网络不给力，已记下这次扫码</Text>
          <Text className='checkin__line'>扫码时间 {clockTime(state.scannedAt)}。网络恢复后会自动补交，10 分钟内送到都有效。</Text>
        </>
      )
    case 'failed':
      return (
        <>
          <View className='checkin__mark checkin__mark--bad'>✕</View>
          <View className='checkin__title' role='alert'>
            {state.message}
          </View>
        </>
      )
    case 'done': {
      const r = state.result
      return (
        <>
          <View className={r.already ? 'checkin__mark checkin__mark--info' : 'checkin__mark checkin__mark--ok'}>✓</View>
          <Text className='checkin__title'>{r.already ? '已经签到过了' : '签到成功'}</Text>
          <Text className='checkin__event'>{r.eventTitle}</Text>
          <Text className='checkin__line'>
            {r.already ? `您在 ${clockTime(r.checkedInAt)} 已经签到，不用再扫。` : `签到时间 ${clockTime(r.checkedInAt)}${r.late ? '（迟到）' : ''}`}
          </Text>
          {r.pending && <Text className='checkin__line'>{pendingSentence(r.pending)}</Text>}
          {r.points.map((p) => (
            <Text key={`${p.track}-${p.ruleName}`} className='checkin__line checkin__points'>
              {p.track}：{p.ruleName} +{p.points}
            </Text>
          ))}
          <RemindMe label='下次会议也提醒我' />
        </>
      )
    }
  }
}

export default function CheckinPage() {
  const { params } = useRouter()
  const devOpenid = useAppStore((s) => s.devIdentity?.openid ?? null)
  // 扫到码的时间：断网补交时服务器按它判断码是否有效
  const [scan, setScan] = useState(() => {
    const earlier = earlierScan(params.at)
    return { token: tokenFromScan(params.scene ?? params.token), at: earlier ?? new Date().toISOString(), earlier: earlier !== null }
  })
  const [state, setState] = useState<PageState>({ kind: 'working' })
  const sent = useRef<string | null>(null)

  useEffect(() => {
    if (!scan.token) return setState({ kind: 'no-token' })
    if (LOCAL_MODE && !devOpenid) return setState({ kind: 'needs-identity' })
    const key = `${scan.token}|${scan.at}|${devOpenid}`
    if (sent.current === key) return // 同一次扫码只交一次
    sent.current = key
    setState({ kind: 'working' })
    void checkInWithToken(scan.token, scan.at, undefined, { scannedEarlier: scan.earlier }).then(setState)
  }, [scan, devOpenid])

  // 记下的扫码：网络一恢复就补交，并把这一次的结果换上来
  const queued = state.kind === 'queued'
  const retry = () =>
    flushPendingScans().then((report) => {
      const mine = report.settled.find((s) => s.scan.token === scan.token)
      if (mine) setState(mine.outcome)
    })
  useEffect(() => {
    if (!queued) return
    return onReconnect(() => void retry())
    // retry 只依赖本次的令牌
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queued, scan.token])

  const [cameraDenied, setCameraDenied] = useState(false)
  const rescan = async () => {
    const attempt = await scanOnce()
    setCameraDenied(attempt.kind === 'camera-denied')
    // 取消扫码：停在原页
    if (attempt.kind === 'scanned') setScan({ token: tokenFromScan(attempt.text), at: new Date().toISOString(), earlier: false })
  }

  const canRescan =
    process.env.TARO_ENV === 'weapp' && (state.kind === 'failed' || state.kind === 'no-token') && !(state.kind === 'failed' && state.code === 'NOT_BOUND')
  const needsBinding = state.kind === 'failed' && state.code === 'NOT_BOUND' && scan.token !== null
  return (
    <PageShell>
      <View className='checkin'>
        <Result state={state} />
        <View className='checkin__actions'>
          {cameraDenied && <CameraDenied onAllowed={() => void rescan()} />}
          {queued && (
            <Button kind='primary' block onClick={() => void retry()}>
              现在重试
            </Button>
          )}
          {needsBinding && (
            <>
              <Text className='checkin__line'>绑定后会自动为您补上这次签到（10 分钟内有效）。</Text>
              <Button kind='primary' block onClick={() => void Taro.navigateTo({ url: bindThenCheckInUrl(scan.token!, scan.at) })}>
                输入邀请码绑定
              </Button>
            </>
          )}
          {canRescan && (
            <Button kind='primary' block onClick={() => void rescan()}>
              重新扫码
            </Button>
          )}
          <Button block onClick={() => void Taro.switchTab({ url: HOME })}>
            返回首页
          </Button>
        </View>
      </View>
    </PageShell>
  )
}
