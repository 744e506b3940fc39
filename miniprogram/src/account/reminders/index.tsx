import { useState } from 'react'
import { Text } from '@tarojs/components'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { TextField } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { PageShell } from '../../components/PageShell'
import { ListRow } from '../../components/ListRow'
import { LoadStatus } from '../../components/PageState'
import { useLoad } from '../../hooks/useLoad'
import { useSubmit } from '../../hooks/useSubmit'
import { callFunction } from '../../services/cloud'
import { subscribeTo } from '../../services/subscribe'

const PHONE = /^1[3-9]\d{9}$/

/** 我的 → 提醒：每类消息还能收几次（一次订阅收一条），补充订阅；短信提醒（本人的手机号） */
export default function RemindersPage() {
  const mine = useLoad(() => callFunction('reminders', 'mine'), [])
  const [phone, setPhone] = useState('')
  const [note, setNote] = useState<{ kind: 'success' | 'info' | 'error'; text: string } | null>(null)
  const sms = useSubmit()
  const data = mine.data

  const topUp = async (key: 'meeting' | 'eventChange' | 'result' | 'deadline') => {
    const outcome = await subscribeTo([key])
    if (outcome.status === 'done') mine.replace(outcome.view)
    setNote(
      outcome.status === 'unavailable'
        ? { kind: 'info', text: '在微信里才能订阅；不在微信里时可以开通下面的短信提醒。' }
        : outcome.status === 'failed'
          ? { kind: 'error', text: outcome.message }
          : { kind: 'success', text: outcome.accepted ? '已补充一次。' : '这次没有订阅。' },
    )
  }

  const saveSms = async (enabled: boolean) => {
    const number = phone.trim()
    if (enabled && !PHONE.test(number)) return sms.fail('手机号应为 11 位数字，以 1 开头')
    const res = await sms.run(() => callFunction('reminders', 'setSms', enabled ? { enabled, phone: number } : { enabled }))
    if (res) {
      mine.replace(res.data)
      setPhone('')
    }
  }

  return (
    <PageShell>
      <LoadStatus loaded={mine} what='提醒' />
      {data && (
        <>
          <Card title='微信提醒' sub='微信规定：订阅一次，只能收到一条。次数用完后点“补充”再订阅。'>
            {data.quotas.map((q) => (
              <ListRow
                key={q.key}
                title={q.label}
                desc={q.refused ? '已拒收（补充即恢复）' : `还能收 ${q.remaining} 次`}
                trailing='补充 ›'
                ariaLabel={`补充：${q.label}`}
                onClick={() => void topUp(q.key)}
              />
            ))}
            {note && <Notice kind={note.kind}>{note.text}</Notice>}
          </Card>
          <Card title='短信提醒' sub='微信提醒次数用完时，改发短信到您的手机。'>
            {!data.sms.available && <Notice kind='info'>本单位尚未开通短信提醒；开通后按您留的号码发送。</Notice>}
            {data.sms.optedIn ? (
              <>
                <Text className='ui-muted'>已开通，发到 {data.sms.phone}</Text>
                <Button busy={sms.busy} busyText='正在保存…' onClick={() => void saveSms(false)}>
                  关闭短信提醒
                </Button>
              </>
            ) : (
              <>
                <TextField label='手机号' type='number' value={phone} onChange={setPhone} maxlength={11} hint='只用于给您发提醒' />
                <Button kind='primary' busy={sms.busy} busyText='正在保存…' onClick={() => void saveSms(true)}>
                  开通短信提醒
                </Button>
              </>
            )}
            {sms.error && <Notice kind='error'>{sms.error.message}</Notice>}
          </Card>
        </>
      )}
    </PageShell>
  )
}
