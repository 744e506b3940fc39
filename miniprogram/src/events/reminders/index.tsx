import { Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { EventReminderRow } from '@tongxin/shared-types'
import { Button } from '../../components/Button'
import { Card, InfoRow } from '../../components/Card'
import { Notice } from '../../components/Notice'
import { PageShell } from '../../components/PageShell'
import { LoadStatus } from '../../components/PageState'
import { useLoad } from '../../hooks/useLoad'
import { useSubmit } from '../../hooks/useSubmit'
import { callFunction } from '../../services/cloud'
import { formatDateTime } from '../../utils/time'

const CHANNEL = { subscribe: '微信', sms: '短信' } as const

/** 一个人的情况：没收到的写明原因；收到的写明哪一次、哪条渠道 */
function statusText(row: EventReminderRow): string {
  const latest = row.deliveries.at(-1)
  if (row.unreached) return `没收到：${row.unreachedLabel}`
  if (!latest) return '还没有到提醒的时候'
  const how = latest.status === 'sent' ? `已发（${latest.channel ? CHANNEL[latest.channel] : ''}）` : '待发'
  return `${latest.kindLabel} · ${how}${latest.sentAt ? ` · ${formatDateTime(latest.sentAt)}` : ''}`
}

/** 组织者：这场活动谁收到了提醒、从哪条渠道；谁没收到、为什么（好打电话），一键再提醒没收到的人 */
export default function EventRemindersPage() {
  const id = useRouter().params.id ?? ''
  const report = useLoad(id ? () => callFunction('reminders', 'eventReport', { eventId: id }) : null, [id])
  const resend = useSubmit()
  const data = report.data
  const again = async () => {
    const res = await resend.run(() => callFunction('reminders', 'resend', { eventId: id }))
    if (res) report.replace(res.data)
  }
  return (
    <PageShell>
      <LoadStatus loaded={report} what='提醒送达情况' refusal='活动的组织者（本支部书记或政协办公室）' />
      {data && (
        <>
          <Card
            title={data.title}
            sub={`应参加 ${data.counts.expected} 人：已提醒 ${data.counts.reached}，没收到 ${data.counts.unreached}，待发 ${data.counts.pending}`}
          >
            {data.counts.unreached > 0 && (
              <Button kind='primary' block busy={resend.busy} busyText='正在重新提醒…' onClick={() => void again()}>
                重新提醒未送达的人
              </Button>
            )}
            {resend.error && <Notice kind='error'>{resend.error.message}</Notice>}
          </Card>
          <Card title='名单' sub='没收到的排在前面'>
            {data.rows.map((r, i) => (
              <InfoRow key={r.memberId} label={`${r.name}${r.bound ? '' : '（未绑定微信）'}`} value={statusText(r)} divided={i > 0} />
            ))}
            {data.rows.length === 0 && <Text className='ui-muted'>还没有应参加的人</Text>}
          </Card>
        </>
      )}
    </PageShell>
  )
}
