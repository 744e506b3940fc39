import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { callFunction } from '../../services/cloud'
import { AdminShell } from '../components/AdminShell'
import { pageCount } from '../shared/format'
import { formatDateTime } from '../../utils/time'
import { useLoad } from '../../hooks/useLoad'
import { Pager } from '../../components/Pager'
import { LoadStatus } from '../../components/PageState'
import '../../components/Card.scss'
import './index.scss'

const PAGE_SIZE = 20

function AuditLog() {
  const [page, setPage] = useState(1)
  const log = useLoad(() => callFunction('roster', 'auditLog', { page, pageSize: PAGE_SIZE }), [page])
  const data = log.data
  return (
    <View>
      <View className='ui-card'>
        <Text className='ui-card__title'>操作记录</Text>
        <Text className='ui-muted'>成员资料、邀请码、微信绑定和组织结构的每一次变动都记在这里，最新的在前。</Text>
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
  return <AdminShell title='操作记录' adminOnly>{() => <AuditLog />}</AdminShell>
}
