import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { Envelope, MyEventView } from '@tongxin/shared-types'
// 只取常量所在的文件：包入口会连带 zod，进了小程序包（主包因此曾多出约 110 KB）
import { pendingSentence } from '@tongxin/shared-types/src/events'
import type { ErrorCode } from '@tongxin/shared-types/src/errors'
import { CLIENT_ERROR_MESSAGES as ERROR_MESSAGES } from '@tongxin/shared-types/src/errors-client'
import { LOCAL_MODE } from '../../localMode'
import { callFunction } from '../../services/cloud'
import { useSubmit } from '../../hooks/useSubmit'
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

/** 签上了或断网已记下的结局（被拒绝的不在这里：它是一次失败，由 useSubmit 记下） */
type Settled = Exclude<ScanOutcome, { kind: 'failed' }>

/** 扫码签到的结局 → 信封：被拒绝的当作失败，带着服务器的错误码与中文提示 */
function asEnvelope(outcome: ScanOutcome): Envelope<Settled> {
  return outcome.kind === 'failed' ? { ok: false, error: { code: outcome.code as ErrorCode, message: outcome.message } } : { ok: true, data: outcome }
}

/**
 * 扫码不便时的签到：小程序里可在此扫码；输入大屏上的六位数字码；
 * 本地演示（浏览器没有摄像头）时另可粘贴签到码。
 */
export function CheckinPanel({ event, onCheckedIn, hideForms }: CheckinPanelProps) {
  const [code, setCode] = useState('')
  const [pasted, setPasted] = useState('')
  // 扫码、数字码、签到码三种签到共用一个：同一时间只交一次
  const { busy, error, run, fail } = useSubmit()
  const [outcome, setOutcome] = useState<Settled | null>(null)

  const finish = (settled: { data: Settled } | null) => {
    if (!settled) return
    setOutcome(settled.data)
    if (settled.data.kind === 'done') onCheckedIn()
  }

  const withToken = async (text: string) => {
    const token = tokenFromScan(text)
    if (!token) return fail(ERROR_MESSAGES['CLIENT.NOT_A_TOKEN'])
    finish(await run(async () => asEnvelope(await checkInWithToken(token, new Date().toISOString(), event.id))))
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
    if (!/^\d{6}$/.test(digits)) return fail(ERROR_MESSAGES['CLIENT.CODE_FORMAT'])
    const settled = await run(async (): Promise<Envelope<Settled>> => {
      // 活动要求在会场附近时，位置只取这一次、只随这次签到发出
      const location = event.locationCheck ? await locateOnce() : null
      if (event.locationCheck && !location) return { ok: false, error: { code: 'CHECKIN.LOCATION_REQUIRED', message: LOCATION_DENIED_MESSAGE } }
      const res = await callFunction('event', 'checkinByCode', { eventId: event.id, code: digits, ...(location ? { location } : {}) })
      return res.ok ? { ok: true, data: { kind: 'done', result: res.data } } : res
    })
    finish(settled)
  }

  // 最近一次的结局：失败（本地发现的或服务器的提示）在前，否则是签上了或已记下
  const latest = error ? <Notice kind='error'>{error.message}</Notice> : outcome ? <OutcomeNotice outcome={outcome} /> : null
  if (hideForms) return latest
  return (
    <View className='checkin-panel'>
      {latest}
      {cameraDenied && <CameraDenied onAllowed={() => void scan()} />}
      {process.env.TARO_ENV === 'weapp' && (
        <Button kind='primary' size='big' block off={busy} onClick={() => !busy && void scan()}>
          扫码签到
        </Button>
      )}
      <TextField
        label='输入六位数字码签到'
        value={code}
        onChange={setCode}
        type='number'
        maxlength={6}
        placeholder='大屏上的 6 位数字'
        hint='扫码不方便时，输入会场大屏幕上显示的数字。'
      />
      <Button kind='primary' block busy={busy} busyText='正在签到…' onClick={() => !busy && void byCode()}>
        用数字码签到
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
