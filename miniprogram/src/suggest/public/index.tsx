import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Card } from '../../components/Card'
import { ListRow } from '../../components/ListRow'
import { LoadGate } from '../../components/PageState'
import { Pager } from '../../components/Pager'
import { PageShell } from '../../components/PageShell'
import { useLoad } from '../../hooks/useLoad'
import { callFunction } from '../../services/cloud'
import { summaryLine } from '../shared/labels'

const PAGE_SIZE = 20

/** 对全体委员公开的：已立案的提案（连同办理进展）、已采用的社情民意 */
export default function SuggestPublicPage() {
  const [page, setPage] = useState(1)
  const list = useLoad(() => callFunction('suggestions', 'published', { page, pageSize: PAGE_SIZE }), [page])
  return (
    <PageShell>
      <Card title='公开的建言' sub='已立案的提案与已采用的社情民意'>
        <LoadGate
          state={list.state}
          what='公开的建言'
          onRetry={list.reload}
          isEmpty={(d) => d.total === 0}
          empty={{ message: '还没有公开的建言', next: '提案立案、社情民意被采用后会列在这里。' }}
        >
          {(d) => (
            <View>
              {d.items.map((s) => (
                <ListRow
                  key={s.id}
                  title={s.title}
                  desc={`${s.authorName} · ${summaryLine(s)}`}
                  trailing='查看 ›'
                  onClick={() => void Taro.navigateTo({ url: `/suggest/detail/index?id=${s.id}` })}
                />
              ))}
              <Pager page={page} pages={Math.max(1, Math.ceil(d.total / PAGE_SIZE))} total={d.total} unit='件' busy={list.loading} onChange={setPage} />
            </View>
          )}
        </LoadGate>
      </Card>
    </PageShell>
  )
}
