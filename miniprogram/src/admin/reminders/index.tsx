import { useEffect, useState } from 'react'
import { Text } from '@tarojs/components'
import type { DeliveryView } from '@tongxin/shared-types'
import { Button } from '../../components/Button'
import { Card, InfoRow } from '../../components/Card'
import { ChoiceChips } from '../../components/Chips'
import { TextField } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { Pager } from '../../components/Pager'
import { LoadStatus } from '../../components/PageState'
import { useLoad } from '../../hooks/useLoad'
import { useSubmit } from '../../hooks/useSubmit'
import { callFunction } from '../../services/cloud'
import { formatDateTime } from '../../utils/time'
import { AdminShell } from '../components/AdminShell'
import { pageCount } from '../shared/format'

const PAGE_SIZE = 20
const CHANNEL = { subscribe: '微信', sms: '短信' } as const
const STATUS = [
  { value: 'all', label: '全部' },
  { value: 'sent', label: '已发' },
  { value: 'unreached', label: '没送达' },
  { value: 'pending', label: '待发' },
] as const
type StatusFilter = (typeof STATUS)[number]['value']

function describe(d: DeliveryView): string {
  const how = d.status === 'sent' ? `已发（${d.channel ? CHANNEL[d.channel] : ''}）` : d.status === 'unreached' ? `没送达：${d.reasonLabel}` : '待发'
  return `${d.kindLabel} · ${how} · ${formatDateTime(d.sentAt ?? d.createdAt)}`
}

/** 短信开关与每月额度 */
function SmsSettings() {
  const settings = useLoad(() => callFunction('reminders', 'settings'), [])
  const [enabled, setEnabled] = useState<'on' | 'off'>('off')
  const [budget, setBudget] = useState('')
  const save = useSubmit()
  const [saved, setSaved] = useState(false)
  const data = settings.data
  useEffect(() => {
    if (!data) return
    setEnabled(data.smsEnabled ? 'on' : 'off')
    setBudget(data.monthlyBudget === null ? '' : String(data.monthlyBudget))
  }, [data])
  const submit = async () => {
    const text = budget.trim()
    if (text && !/^\d{1,7}$/.test(text)) return save.fail('每月额度应为整数（留空为不限）')
    setSaved(false)
    const res = await save.run(() => callFunction('reminders', 'saveSettings', { smsEnabled: enabled === 'on', monthlyBudget: text ? Number(text) : null }))
    if (res) {
      settings.replace(res.data)
      setSaved(true)
    }
  }
  return (
    <Card title='短信提醒' sub='成员没有微信提醒次数时改发短信；办公室可为没有绑定微信的成员开通（名册里的手机号）。'>
      <LoadStatus loaded={settings} what='短信设置' refusal='政协办公室' />
      {data && (
        <>
          {!data.smsConfigured && <Notice kind='warn'>服务器尚未配置腾讯云短信（密钥、签名、模板），开关打开也不会发出。</Notice>}
          <InfoRow label='本月已用' value={`${data.usedThisMonth} 条`} />
          <ChoiceChips
            label='短信开关'
            options={[
              { value: 'on', label: '开启' },
              { value: 'off', label: '关闭' },
            ]}
            value={enabled}
            onChange={setEnabled}
          />
          <TextField
            label='每月额度（条）'
            type='number'
            value={budget}
            onChange={setBudget}
            maxlength={7}
            hint='留空为不限；用完后本月不再发短信，记为“额度已用完”'
          />
          <Button kind='primary' busy={save.busy} busyText='正在保存…' onClick={() => void submit()}>
            保存
          </Button>
          {save.error && <Notice kind='error'>{save.error.message}</Notice>}
          {saved && <Notice kind='success'>已保存</Notice>}
        </>
      )}
    </Card>
  )
}

/** 发送记录（新的在前） */
function SendLog() {
  const [page, setPage] = useState(1)
  const [status, setStatus] = useState<StatusFilter>('all')
  const log = useLoad(() => callFunction('reminders', 'log', { page, pageSize: PAGE_SIZE, ...(status === 'all' ? {} : { status }) }), [page, status])
  const data = log.data
  return (
    <Card title='发送记录'>
      <ChoiceChips
        label='状态'
        options={STATUS.map((s) => ({ value: s.value, label: s.label }))}
        value={status}
        onChange={(v) => {
          setStatus(v)
          setPage(1)
        }}
      />
      <LoadStatus loaded={log} what='发送记录' refusal='政协办公室' />
      {data && (
        <>
          {data.items.map((d, i) => (
            <InfoRow key={d.id} label={d.memberName} value={describe(d)} divided={i > 0} />
          ))}
          {data.items.length === 0 && <Text className='ui-muted'>还没有发送记录</Text>}
          <Pager page={data.page} pages={pageCount(data.total, data.pageSize)} total={data.total} unit='条' busy={log.loading} onChange={setPage} />
        </>
      )}
    </Card>
  )
}

export default function AdminRemindersPage() {
  return (
    <AdminShell title='提醒与短信' adminOnly>
      {() => (
        <>
          <SmsSettings />
          <SendLog />
        </>
      )}
    </AdminShell>
  )
}
