import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { pendingSentence, type MyEventView } from '@tongxin/shared-types'
import { LOCAL_MODE } from '../../localMode'
import { callFunction } from '../../services/cloud'
import { checkInWithToken, locateOnce, LOCATION_DENIED_MESSAGE, tokenFromScan, type ScanOutcome } from '../../pages/checkin/client'
import { clockTime } from '../../utils/time'
import { CameraDenied } from '../../pages/checkin/CameraDenied'
import { scanOnce } from '../../pages/checkin/scan'
import { Button } from '../../components/Button'
import { TextField } from '../../components/Field'
import { Notice } from '../../components/Notice'

export interface CheckinPanelProps {
  event: MyEventView
  /** 签上了（或早已签过）：页面重取活动，状态随之更新 */
  onCheckedIn: () => void
  /** 已签到或已截止：只留下刚才那次的结果 */
  hideForms?: boolean
}

/** 一次签到的结果，写成一句大白话 */
export function OutcomeNotice({ outcome }: { outcome: ScanOutcome }) {
  if (outcome.kind === 'failed') return <Notice kind='error'>{outcome.message}</Notice>
  if (outcome.kind === 'queued') return <Notice kind='info'>网络不给力，已记下这次扫码（{clockTime(outcome.scannedAt)}），联网后会自动补交。</Notice>
  const r = outcome.result
  return (
    <Notice kind='success'>
      <Text className='ev-outcome'>{r.already ? '已经签到过了' : `✓ 签到成功 ${clockTime(r.checkedInAt)}${r.late ? '（迟到）' : ''}`}</Text>
      {r.pending && <Text className='ev-outcome__points'>{pendingSentence(r.pending)}</Text>}
      {r.points.map((p) => (
        <Text key={`${p.track}-${p.ruleName}`} className='ev-outcome__points'>
          {p.track}：{p.ruleName} +{p.points}
        </Text>
      ))}
    </Notice>
  )
}

/**
 * 扫码不便时的签到：小程序里可在此扫码；输入大屏上的六位数字码；
 * 本地演示（浏览器没有摄像头）时另可粘贴签到码。
 */
export function CheckinPanel({ event, onCheckedIn, hideForms }: CheckinPanelProps) {
  const [code, setCode] = useState('')
  const [pasted, setPasted] = useState('')
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<ScanOutcome | null>(null)

  const finish = (o: ScanOutcome) => {
    setOutcome(o)
    setBusy(false)
    if (o.kind === 'done') onCheckedIn()
  }

  const withToken = async (text: string) => {
    const token = tokenFromScan(text)
    if (!token) return finish({ kind: 'failed', code: 'CLIENT.NOT_A_TOKEN', message: '这不是签到码，请核对后重试' })
    setBusy(true)
    finish(await checkInWithToken(token, new Date().toISOString(), event.id))
  }

  const [cameraDenied, setCameraDenied] = useState(false)
  const scan = async () => {
    const attempt = await scanOnce()
    setCameraDenied(attempt.kind === 'camera-denied')
    // 取消扫码：什么也不说
    if (attempt.kind === 'scanned') await withToken(attempt.text)
  }

  const byCode = async () => {
    const digits = code.replace(/\s/g, '')
    if (!/^\d{6}$/.test(digits)) return setOutcome({ kind: 'failed', code: 'CLIENT.CODE_FORMAT', message: '请输入大屏上的 6 位数字' })
    setBusy(true)
    // 活动要求在会场附近时，位置只取这一次、只随这次签到发出
    const location = event.locationCheck ? await locateOnce() : null
    if (event.locationCheck && !location) return finish({ kind: 'failed', code: 'CHECKIN.LOCATION_REQUIRED', message: LOCATION_DENIED_MESSAGE })
    const res = await callFunction('event', 'checkinByCode', { eventId: event.id, code: digits, ...(location ? { location } : {}) })
    finish(res.ok ? { kind: 'done', result: res.data } : { kind: 'failed', code: res.error.code, message: res.error.message })
  }

  if (hideForms) return outcome ? <OutcomeNotice outcome={outcome} /> : null
  return (
    <View className='checkin-panel'>
      {outcome && <OutcomeNotice outcome={outcome} />}
      {cameraDenied && <CameraDenied onAllowed={() => void scan()} />}
      {process.env.TARO_ENV === 'weapp' && (
        <Button kind='primary' size='big' block off={busy} onClick={() => !busy && void scan()}>
          扫码签到
        </Button>
      )}
      <TextField label='输入六位数字码签到' value={code} onChange={setCode} type='number' maxlength={6} placeholder='大屏上的 6 位数字' hint='扫码不方便时，输入会场大屏幕上显示的数字。' />
      <Button kind='primary' block off={busy} onClick={() => !busy && void byCode()}>
        {busy ? '正在签到…' : '用数字码签到'}
      </Button>
      {LOCAL_MODE && (
        <View className='checkin-panel__paste'>
          <TextField label='粘贴签到码' value={pasted} onChange={setPasted} maxlength={200} placeholder='演示用：粘贴大屏的签到码' />
          <Button block off={busy} onClick={() => !busy && void withToken(pasted)}>
            用签到码签到
          </Button>
        </View>
      )}
    </View>
  )
}
