import { Text, View } from '@tarojs/components'
import type { AttendanceRow, AttendanceStatus } from '@tongxin/shared-types'
import { CHECKIN_METHOD_LABELS, PENDING_LABELS } from '@tongxin/shared-types/src/events'
import { clockTime } from '../../utils/time'
import { LeaveDecision, OfflineDecision, ProxyForm } from './RowActions'
import '../../components/Card.scss'

/** 分组的先后：要处理的（请假待批）放最前，未到的放最后（代签在那里） */
const GROUPS: Array<{ status: AttendanceStatus; title: string }> = [
  { status: 'leave_pending', title: '请假待批' },
  { status: 'on_time', title: '已签到' },
  { status: 'late', title: '迟到' },
  { status: 'on_leave', title: '请假' },
  { status: 'absent', title: '未到' },
]

function detail(row: AttendanceRow): string {
  const parts: string[] = []
  if (row.sector) parts.push(row.sector)
  if (row.checkedInAt && row.method === 'proxy') parts.push(`${clockTime(row.checkedInAt)} 由${row.proxyByName ?? '组织者'}代签（${row.proxyReason ?? ''}）`)
  else if (row.checkedInAt) parts.push(`${clockTime(row.checkedInAt)} ${row.method ? CHECKIN_METHOD_LABELS[row.method] : ''}`.trim())
  if (row.pending === 'offline' && row.receivedAt) parts.push(`${PENDING_LABELS.offline}（${clockTime(row.receivedAt)} 才送达）`)
  else if (row.pending) parts.push(PENDING_LABELS[row.pending])
  if (row.leave && !row.checkedInAt) parts.push(`请假原因：${row.leave.reason}`)
  if (!row.expected) parts.push('不在应到名单')
  if (row.rollCalled) parts.push('已点名')
  return parts.join(' · ')
}

export interface StatusGroupsProps {
  eventId: string
  rows: AttendanceRow[]
  /** 活动已取消或已定案：不再代签、审批 */
  locked: boolean
  onDone: (message: string) => void
}

export function StatusGroups({ eventId, rows, locked, onDone }: StatusGroupsProps) {
  return (
    <>
      {GROUPS.map((g) => {
        const members = rows.filter((r) => r.status === g.status)
        if (members.length === 0) return null
        return (
          <View key={g.status} className={`ui-card att-group att-group--${g.status}`}>
            <Text className='ui-card__title'>
              {g.title}（{members.length}）
            </Text>
            {members.map((r) => (
              <View key={r.memberId} className='att-row'>
                <View className='att-row__main'>
                  <Text className='att-row__name'>{r.name}</Text>
                  <Text className='att-row__detail'>{detail(r)}</Text>
                </View>
                {!locked && g.status === 'leave_pending' && <LeaveDecision row={r} onDone={onDone} />}
                {!locked && r.pending === 'offline' && <OfflineDecision eventId={eventId} row={r} onDone={onDone} />}
                {!locked && (g.status === 'absent' || g.status === 'on_leave' || g.status === 'leave_pending') && (
                  <ProxyForm eventId={eventId} row={r} onDone={onDone} />
                )}
              </View>
            ))}
          </View>
        )
      })}
    </>
  )
}
