/**
 * 签到大屏：手机或投影（桌面浏览器 1280×720）上显示会变的二维码、六位数字码、实时人数与刚签到的人。
 * 二维码每 rotateSeconds 秒换一次，截图转发出去很快就失效。
 */
import { useEffect, useRef, useState } from 'react'
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { Button, Image, Text, View } from '@tarojs/components'
import type { ScreenView } from '@tongxin/shared-types'
import { DevIdentityBar } from '../../components/DevIdentityBar'
import { LOCAL_MODE } from '../../localMode'
import { callFunction } from '../../services/cloud'
import { useAppStore } from '../../store'
import { clockTime, dayLabel } from '../../utils/time'
import { COUNTS_EVERY_MS, nextRefreshDelay } from './schedule'
import './index.scss'

function Count({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <View className={strong ? 'screen-count screen-count--strong' : 'screen-count'}>
      <Text className='screen-count__value'>{value}</Text>
      <Text className='screen-count__label'>{label}</Text>
    </View>
  )
}

/** 六位码分成两组，念和输都容易：123 456 */
const spaced = (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`

function CodeArea({ view }: { view: ScreenView }) {
  if (view.window !== 'open') {
    return (
      <View className='screen-qr screen-qr--closed' data-token={view.token}>
        <Text className='screen-qr__closed'>{view.window === 'not_open' ? `签到将于 ${clockTime(view.checkinOpensAt)} 开始` : '签到已截止'}</Text>
      </View>
    )
  }
  return (
    <View className='screen-qr' data-token={view.token}>
      <Image className='screen-qr__img' src={view.qrDataUrl ?? ''} mode='aspectFit' aria-label='签到二维码' nativeProps={{ alt: '签到二维码' }} />
      <Text className='screen-qr__hint'>微信扫一扫，或在小程序首页点「扫码签到」</Text>
      <View className='screen-code'>
        <Text className='screen-code__label'>扫码不便请输数字码</Text>
        <Text className='screen-code__digits'>{spaced(view.fallbackCode)}</Text>
      </View>
    </View>
  )
}

function Board({ view }: { view: ScreenView }) {
  const c = view.counts
  return (
    <View className='screen-board'>
      <View className='screen-counts'>
        {/* 已签到的人数与“刚刚签到”的名字、随机点名的人选同出一张签到表：旁听的人也算进来，另行注明 */}
        <Count label='已签到' value={String(c.checkedIn + c.walkIns)} strong />
        {c.walkIns > 0 && <Count label='其中旁听' value={String(c.walkIns)} />}
        <Count label='应到' value={String(c.expected)} />
        <Count label='到会率' value={`${c.rate}%`} />
        <Count label='迟到' value={String(c.late)} />
        <Count label='请假' value={String(c.onLeave)} />
        <Count label='未到' value={String(c.absent)} />
      </View>
      <View className='screen-recent'>
        <Text className='screen-recent__title'>刚刚签到</Text>
        {view.recent.length === 0 && <Text className='screen-recent__empty'>还没有人签到</Text>}
        {view.recent.map((r, i) => (
          <View key={`${r.name}-${r.at}-${i}`} className='screen-recent__row'>
            <Text className='screen-recent__name'>{r.name}</Text>
            <Text className='screen-recent__time'>
              {clockTime(r.at)}
              {r.late ? ' 迟到' : ''}
            </Text>
          </View>
        ))}
      </View>
    </View>
  )
}

/** 投影用的浏览器里铺满整块屏幕（小程序里没有这个能力，按钮不出现） */
function canFullScreen(): boolean {
  return process.env.TARO_ENV === 'h5' && typeof document !== 'undefined' && typeof document.documentElement.requestFullscreen === 'function'
}
function toggleFullScreen() {
  if (document.fullscreenElement) void document.exitFullscreen()
  else void document.documentElement.requestFullscreen()
}

export default function ScreenPage() {
  const id = useRouter().params.id ?? ''
  const devOpenid = useAppStore((s) => s.devIdentity?.openid ?? null)
  const elderMode = useAppStore((s) => s.elderMode)
  const [view, setView] = useState<ScreenView | null>(null)
  const tokenRef = useRef<string | undefined>(undefined)
  const [problem, setProblem] = useState<string | null>(null)
  const [visible, setVisible] = useState(true)
  useDidShow(() => setVisible(true))
  useDidHide(() => setVisible(false))

  useEffect(() => {
    if (process.env.TARO_ENV === 'weapp') void Taro.setKeepScreenOn({ keepScreenOn: true })
  }, [])

  // 按服务器给的换码时刻取下一次；页面不在前台时停下
  useEffect(() => {
    if (!id || !visible || (LOCAL_MODE && !devOpenid)) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const tick = async () => {
      // 带上屏上已有的令牌：码没变时服务器不重画，沿用已有的图
      const res = await callFunction('event', 'screen', { eventId: id, knownToken: tokenRef.current })
      if (stopped) return
      if (res.ok) {
        const next = res.data
        setView((prev) => (next.qrDataUrl === null && prev ? { ...next, qrDataUrl: prev.qrDataUrl } : next))
        if (next.qrDataUrl !== null) tokenRef.current = next.token
        setProblem(null)
      } else setProblem(res.error.message)
      timer = setTimeout(() => void tick(), res.ok ? nextRefreshDelay(res.data.refreshInMs) : COUNTS_EVERY_MS)
    }
    void tick()
    return () => {
      stopped = true
      if (timer) clearTimeout(timer)
    }
  }, [id, visible, devOpenid])

  return (
    <View className={elderMode ? 'screen screen--elder' : 'screen'}>
      {LOCAL_MODE && <DevIdentityBar />}
      {view ? (
        <>
          <View className='screen-head'>
            <Text className='screen-head__title'>{view.title}</Text>
            {/* 写明今天的日期：现场一看就知道这是今天这场的码 */}
            <Text className='screen-head__place'>
              {dayLabel(new Date().toISOString())} · {view.place}
            </Text>
            {canFullScreen() && (
              <Button className='screen-head__full' onClick={toggleFullScreen}>
                全屏
              </Button>
            )}
          </View>
          {problem && (
            <View className='screen-problem' role='alert'>
              {problem}（正在重试，屏上的码可能已过期）
            </View>
          )}
          <View className='screen-body'>
            <CodeArea view={view} />
            <Board view={view} />
          </View>
          <Text className='screen-foot'>
            二维码每 {view.stepSeconds} 秒更换一次，截图转发的码 {view.stepSeconds * 2} 秒内失效
          </Text>
        </>
      ) : (
        <View className='screen-wait' role={problem ? 'alert' : undefined}>
          {!id ? '没有指明是哪一场活动' : LOCAL_MODE && !devOpenid ? '请先在上方选择组织者的演示身份' : (problem ?? '正在打开签到大屏…')}
        </View>
      )}
    </View>
  )
}
