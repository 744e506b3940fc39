import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { TemplateKey } from '@tongxin/shared-types'
import { Button } from './Button'
import { Notice } from './Notice'
import { subscribeTo } from '../services/subscribe'

export interface RemindMeProps {
  /** 要订阅的消息类别（默认：会前提醒与活动变更） */
  keys?: readonly TemplateKey[]
  /** 按钮上的字，如“提醒我”“下次会议也提醒我” */
  label?: string
  block?: boolean
  /** 订阅成功后说的话（默认说会前提醒） */
  done?: string
}

const REMINDERS_PAGE = '/account/reminders/index'

/** “提醒我”：在这次点击里向微信要订阅（只能在点击里要），不在微信里时引导去开通短信 */
export function RemindMe({ keys = ['meeting', 'eventChange'], label = '提醒我', block, done = '好的，会前会提醒您（订阅一次提醒一次）。' }: RemindMeProps) {
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ kind: 'success' | 'info' | 'error'; text: string } | null>(null)
  const tap = async () => {
    if (busy) return
    setBusy(true)
    const outcome = await subscribeTo(keys)
    setBusy(false)
    if (outcome.status === 'unavailable') setMessage({ kind: 'info', text: '在微信里才能订阅提醒；也可以在“我的 → 提醒”里开通短信提醒。' })
    else if (outcome.status === 'failed') setMessage({ kind: 'error', text: outcome.message })
    else if (outcome.accepted === 0) setMessage({ kind: 'info', text: '这次没有订阅。需要时可以再点一次。' })
    else setMessage({ kind: 'success', text: done })
  }
  return (
    <View className='remind-me'>
      <Button block={block} busy={busy} busyText='正在订阅…' onClick={() => void tap()}>
        {label}
      </Button>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {message?.kind === 'info' && (
        <Button kind='quiet' onClick={() => void Taro.navigateTo({ url: REMINDERS_PAGE })}>
          去开通短信提醒
        </Button>
      )}
    </View>
  )
}
