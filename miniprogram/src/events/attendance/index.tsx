/**
 * 签到名单（组织者）：按状态分组的实时名单与到会率；代签、请假审批、随机点名、导出、定案、学习心得。
 */
import { useEffect, useState } from 'react'
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { AttendanceCounts } from '@tongxin/shared-types'
import { PageShell } from '../../components/PageShell'
import { LOCAL_MODE } from '../../localMode'
import { callFunction } from '../../services/cloud'
import { useAppStore } from '../../store'
import { eventTimeLabel } from '../../utils/time'
import { EVENT_PAGES } from '../../pages/index/myStatus'
import { deliverSpreadsheet } from '../../services/download'
import { useLoad } from '../../hooks/useLoad'
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
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  if (confirmed) return <Notice kind='info'>这是事后补录的活动，已经政协办公室确认。</Notice>
  const confirm = async () => {
    if (busy) return
    setBusy(true)
    const res = await callFunction('event', 'confirmBackfill', { eventId })
    setBusy(false)
    if (!res.ok) return setProblem(res.error.message)
    onDone(`已确认补录，为 ${res.data.confirmed} 人补记积分`)
  }
  return (
    <>
      <Notice kind='info'>这是事后补录的活动：名单照常记录，积分等政协办公室确认后才记。</Notice>
      {problem && <Notice kind='error'>{problem}</Notice>}
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
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null)
  const [query, setQuery] = useState('')
  const [exporting, setExporting] = useState(false)
  const [visible, setVisible] = useState(true)
  useDidShow(() => setVisible(true))
  useDidHide(() => setVisible(false))

  const { reload } = list
  useEffect(() => {
    if (!visible || needsIdentity || !id) return
    const timer = setInterval(reload, REFRESH_MS)
    return () => clearInterval(timer)
  }, [visible, needsIdentity, id, reload])

  const done = (text: string) => {
    setMessage({ kind: 'success', text })
    reload()
  }

  const exportXlsx = async () => {
    if (exporting) return
    setExporting(true)
    setMessage(await deliverSpreadsheet(await callFunction('event', 'exportAttendance', { eventId: id })))
    setExporting(false)
  }

  if (!id) return <PageShell><StateText>没有指明是哪一场活动。</StateText></PageShell>
  if (needsIdentity) return <PageShell><StateText>请先在页面顶部选择组织者的演示身份。</StateText></PageShell>
  const data = list.data
  if (!data) return <PageShell><LoadStatus loaded={list} what='签到名单' /></PageShell>

  const { event, counts, rows } = data
  const locked = event.status === 'cancelled' || event.finalizedAt !== null
  const q = query.trim()
  const shown = q ? rows.filter((r) => r.name.includes(q)) : rows
  const remaining = rows.filter((r) => r.checkedInAt && !r.rollCalled).length
  const absentNames = rows.filter((r) => r.expected && r.status === 'absent').map((r) => r.name)
  const copyAbsent = async () => {
    try {
      await Taro.setClipboardData({ data: absentNoticeText(event.title, absentNames) })
      setMessage({ kind: 'success', text: `已复制未到名单（${absentNames.length} 人），可以粘贴到微信群提醒` })
    } catch {
      setMessage({ kind: 'error', text: '没能复制，请再试一次' })
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
          <Button onClick={reload}>
            {list.loading ? '正在刷新…' : '刷新'}
          </Button>
          <Button off={exporting} onClick={() => void exportXlsx()}>
            {exporting ? '正在导出…' : '导出名单'}
          </Button>
          <Button onClick={() => void Taro.navigateTo({ url: EVENT_PAGES.screen(id) })}>
            签到大屏
          </Button>
          {!locked && absentNames.length > 0 && (
            <Button onClick={() => void copyAbsent()}>
              复制未到名单
            </Button>
          )}
        </View>
      </Card>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {list.error && <Notice kind='error'>{list.error.message}</Notice>}
      {event.status === 'scheduled' && <RollCallPanel eventId={id} checkedIn={rows.filter((r) => r.checkedInAt).length} remaining={remaining} onPicked={reload} />}
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
