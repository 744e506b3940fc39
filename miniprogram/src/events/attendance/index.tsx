/**
 * 签到名单（组织者）：按状态分组的实时名单与到会率；代签、请假审批、随机点名、导出、定案、学习心得。
 */
import { useEffect, useState } from 'react'
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { AttendanceCounts, Envelope } from '@tongxin/shared-types'
import { PageShell } from '../../components/PageShell'
import { LOCAL_MODE } from '../../localMode'
import { callFunction } from '../../services/cloud'
import { useAppStore } from '../../store'
import { eventTimeLabel } from '../../utils/time'
import { EVENT_PAGES } from '../../pages/index/myStatus'
import { deliverSpreadsheet } from '../../services/download'
import { useLoad } from '../../hooks/useLoad'
import { useSubmit } from '../../hooks/useSubmit'
import { FinalizePanel, NotesList } from './Extras'
import { MeetingRecord } from './MeetingRecord'
import { RollCallPanel } from './RollCallPanel'
import { StatusGroups } from './StatusGroups'
import { absentNoticeText } from '../shared/notice'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { TextField } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { LoadStatus, StateText } from '../../components/PageState'
import './index.scss'

/** 会场上名单随签到变化：页面在前台时每 10 秒重取一次 */
const REFRESH_MS = 10_000

/** 页面上方的一句话：办成了什么，或没办成 */
type Said = { kind: 'success' | 'error'; text: string }

function Counts({ counts }: { counts: AttendanceCounts }) {
  const items: Array<[string, string]> = [
    ['应到', String(counts.expected)],
    ['已签到', String(counts.checkedIn)],
    ['迟到', String(counts.late)],
    ['请假', String(counts.onLeave)],
    ['未到', String(counts.absent)],
    ['到会率', `${counts.rate}%`],
  ]
  return (
    <View className='att-counts'>
      {items.map(([label, value]) => (
        <View key={label} className='att-counts__item'>
          <Text className='att-counts__value'>{value}</Text>
          <Text className='att-counts__label'>{label}</Text>
        </View>
      ))}
      {counts.walkIns > 0 && <Text className='att-counts__note'>另有 {counts.walkIns} 位不在应到名单的人签到</Text>}
    </View>
  )
}

/** 补录的活动：名单照常记，分等办公室确认；管理员在这里确认（按名单补记积分） */
function BackfillNotice({ eventId, confirmed, onDone }: { eventId: string; confirmed: boolean; onDone: (text: string) => void }) {
  const isAdmin = useAppStore((s) => s.profile?.roles.includes('admin') ?? false)
  const { busy, error: problem, run } = useSubmit()
  if (confirmed) return <Notice kind='info'>这是事后补录的活动，已经政协办公室确认。</Notice>
  const confirm = async () => {
    const done = await run(() => callFunction('event', 'confirmBackfill', { eventId }))
    if (done) onDone(`已确认补录，为 ${done.data.confirmed} 人补记积分`)
  }
  return (
    <>
      <Notice kind='info'>这是事后补录的活动：名单照常记录，积分等政协办公室确认后才记。</Notice>
      {problem && <Notice kind='error'>{problem.message}</Notice>}
      {isAdmin && (
        <Button kind='primary' off={busy} busy={busy} busyText='正在确认…' onClick={() => void confirm()}>
          确认补录并记分
        </Button>
      )}
    </>
  )
}

export default function AttendancePage() {
  const id = useRouter().params.id ?? ''
  const devOpenid = useAppStore((s) => s.devIdentity?.openid ?? null)
  const needsIdentity = LOCAL_MODE && !devOpenid
  const list = useLoad(needsIdentity || !id ? null : () => callFunction('event', 'attendance', { eventId: id }), [id, devOpenid])
  const [message, setMessage] = useState<Said | null>(null)
  const [query, setQuery] = useState('')
  // 导出与名单上的其他操作互不相干：单独一个，导出时不挡别的按钮
  const exporting = useSubmit()
  const [visible, setVisible] = useState(true)
  useDidShow(() => setVisible(true))
  useDidHide(() => setVisible(false))

  const { reload } = list
  useEffect(() => {
    if (!visible || needsIdentity || !id) return
    const timer = setInterval(reload, REFRESH_MS)
    return () => clearInterval(timer)
  }, [visible, needsIdentity, id, reload])

  // 页面上方一次只说一件事：新的结果换掉上一次导出的失败
  const say = (next: Said) => {
    exporting.clear()
    setMessage(next)
  }
  const done = (text: string) => {
    say({ kind: 'success', text })
    reload()
  }

  // 服务器的失败留在 exporting.error；表格交到手上（或没能打开）的那句话写在 message。保存文件时按钮仍算在导出中
  const exportXlsx = async () => {
    const delivered = await exporting.run(async (): Promise<Envelope<Said>> => {
      const res = await callFunction('event', 'exportAttendance', { eventId: id })
      return res.ok ? { ok: true, data: await deliverSpreadsheet(res) } : res
    })
    setMessage(delivered ? delivered.data : null)
  }

  if (!id)
    return (
      <PageShell>
        <StateText>没有指明是哪一场活动。</StateText>
      </PageShell>
    )
  if (needsIdentity)
    return (
      <PageShell>
        <StateText>请先在页面顶部选择组织者的演示身份。</StateText>
      </PageShell>
    )
  const data = list.data
  if (!data)
    return (
      <PageShell>
        <LoadStatus loaded={list} what='签到名单' />
      </PageShell>
    )

  const { event, counts, rows } = data
  const locked = event.status === 'cancelled' || event.finalizedAt !== null
  const q = query.trim()
  const shown = q ? rows.filter((r) => r.name.includes(q)) : rows
  const remaining = rows.filter((r) => r.checkedInAt && !r.rollCalled).length
  const absentNames = rows.filter((r) => r.expected && r.status === 'absent').map((r) => r.name)
  const copyAbsent = async () => {
    try {
      await Taro.setClipboardData({ data: absentNoticeText(event.title, absentNames) })
      say({ kind: 'success', text: `已复制未到名单（${absentNames.length} 人），可以粘贴到微信群提醒` })
    } catch {
      say({ kind: 'error', text: '没能复制，请再试一次' })
    }
  }
  return (
    <PageShell>
      <Card>
        <Text className='att-title'>{event.title}</Text>
        <Text className='ui-muted'>
          {eventTimeLabel(event.startsAt, event.endsAt)} · {event.place}
        </Text>
        {event.status === 'cancelled' && <Notice kind='error'>活动已取消{event.cancelReason ? `：${event.cancelReason}` : ''}</Notice>}
        {event.backfill && <BackfillNotice eventId={id} confirmed={event.backfillConfirmed} onDone={done} />}
        <Counts counts={counts} />
        <View className='ui-btn-row'>
          <Button onClick={reload}>{list.loading ? '正在刷新…' : '刷新'}</Button>
          <Button busy={exporting.busy} busyText='正在导出…' onClick={() => void exportXlsx()}>
            导出名单
          </Button>
          <Button onClick={() => void Taro.navigateTo({ url: EVENT_PAGES.screen(id) })}>签到大屏</Button>
          <Button onClick={() => void Taro.navigateTo({ url: `/events/reminders/index?id=${encodeURIComponent(id)}` })}>提醒送达情况</Button>
          {!locked && absentNames.length > 0 && <Button onClick={() => void copyAbsent()}>复制未到名单</Button>}
        </View>
      </Card>
      {exporting.error && <Notice kind='error'>{exporting.error.message}</Notice>}
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {list.error && <Notice kind='error'>{list.error.message}</Notice>}
      {event.status === 'scheduled' && (
        <RollCallPanel eventId={id} checkedIn={rows.filter((r) => r.checkedInAt).length} remaining={remaining} onPicked={reload} />
      )}
      <Card>
        <TextField label='按姓名查找' value={query} onChange={setQuery} maxlength={20} placeholder='输入姓名中的字' />
        {q && <Text className='ui-muted'>找到 {shown.length} 人</Text>}
      </Card>
      <StatusGroups eventId={id} rows={shown} locked={locked} onDone={done} />
      <FinalizePanel event={event} onDone={reload} />
      <MeetingRecord eventId={id} version={rows.filter((r) => r.rollCalled).length} locked={event.status === 'cancelled'} />
      <NotesList eventId={id} />
    </PageShell>
  )
}
