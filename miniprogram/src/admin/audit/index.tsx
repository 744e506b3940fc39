import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { callFunction } from '../../services/cloud'
import { AdminShell } from '../components/AdminShell'
import { pageCount } from '../shared/format'
import { formatDateTime, todayIso } from '../../utils/time'
import { ChoiceChips } from '../../components/Chips'
import { TextField } from '../../components/Field'
import { useLoad } from '../../hooks/useLoad'
import { Pager } from '../../components/Pager'
import { LoadStatus } from '../../components/PageState'
import '../../components/Card.scss'
import './index.scss'

const PAGE_SIZE = 20

/** 时间范围：今天、近 7 天、近 30 天、全部（北京时间的日期，含今天） */
const PERIODS = [
  { value: 'all', label: '全部', days: null },
  { value: 'today', label: '今天', days: 0 },
  { value: 'week', label: '近 7 天', days: 6 },
  { value: 'month', label: '近 30 天', days: 29 },
] as const
type Period = (typeof PERIODS)[number]['value']

function periodRange(period: Period, now = new Date()): { from?: string; to?: string } {
  const days = PERIODS.find((p) => p.value === period)!.days
  if (days === null) return {}
  return { from: todayIso(new Date(now.getTime() - days * 86_400_000)), to: todayIso(now) }
}

function AuditLog() {
  const [page, setPage] = useState(1)
  const [person, setPerson] = useState('')
  const [period, setPeriod] = useState<Period>('all')
  const who = person.trim()
  const log = useLoad(
    () => callFunction('roster', 'auditLog', { page, pageSize: PAGE_SIZE, ...(who ? { person: who } : {}), ...periodRange(period) }),
    [page, who, period],
  )
  const data = log.data
  return (
    <View>
      <View className='ui-card'>
        <Text className='ui-card__title'>操作记录</Text>
        <Text className='ui-muted'>成员资料、邀请码、微信绑定和组织结构的每一次变动都记在这里，最新的在前。</Text>
        <TextField
          label='按人查找'
          value={person}
          onChange={(v) => {
            setPerson(v)
            setPage(1)
          }}
          maxlength={40}
          placeholder='操作人或被操作人的姓名'
        />
        <ChoiceChips
          label='时间'
          options={PERIODS.map((p) => ({ value: p.value, label: p.label }))}
          value={period}
          onChange={(v) => {
            setPeriod(v)
            setPage(1)
          }}
        />
      </View>
      <LoadStatus loaded={log} what='操作记录' />
      {data && (
        <View>
          <View className={log.loading ? 'audit-list audit-list--busy' : 'audit-list'}>
            {data.items.map((e) => (
              <View key={e.id} className='audit-row'>
                <Text className='audit-row__time'>{formatDateTime(e.at)}</Text>
                <Text className='audit-row__who'>{e.actorName}</Text>
                <Text className='audit-row__summary'>{e.summary}</Text>
              </View>
            ))}
            {data.items.length === 0 && <Text className='audit-list__empty'>还没有操作记录</Text>}
          </View>
          <Pager page={data.page} pages={pageCount(data.total, data.pageSize)} total={data.total} unit='条' busy={log.loading} onChange={setPage} />
        </View>
      )}
    </View>
  )
}

export default function AuditPage() {
  return (
    <AdminShell title='操作记录' adminOnly>
      {() => <AuditLog />}
    </AdminShell>
  )
}
