import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { TextField } from '../../components/Field'
import { ListRow } from '../../components/ListRow'
import { Notice } from '../../components/Notice'
import { EmptyState, NotReady } from '../../components/PageState'
import { PageShell } from '../../components/PageShell'
import { useLoad } from '../../hooks/useLoad'
import { useReturnRefresh } from '../../hooks/useReturnRefresh'
import { useSubmit } from '../../hooks/useSubmit'
import { callFunction } from '../../services/cloud'
import { formatDate } from '../../utils/time'
import { summaryLine } from '../shared/labels'

/** 承办单位工作人员的绑定：政协办公室给的邀请码 + 姓名 */
function UnitBind({ onBound }: { onBound: () => void }) {
  const [code, setCode] = useState('')
  const [name, setName] = useState('')
  const submit = useSubmit()
  return (
    <Card title='承办单位工作人员绑定' sub='请输入政协办公室发给您的邀请码和您的姓名。委员请在“我的”里绑定。'>
      <TextField label='邀请码' value={code} onChange={setCode} maxlength={12} />
      <TextField label='姓名' value={name} onChange={setName} maxlength={40} />
      {submit.error && <Notice kind='error'>{submit.error.message}</Notice>}
      <Button
        kind='primary'
        block
        off={submit.busy}
        onClick={async () => (await submit.run(() => callFunction('suggestions', 'bindUnit', { code, name: name.trim() }))) && onBound()}
      >
        绑定
      </Button>
    </Card>
  )
}

/** 承办单位：本单位是谁、交办给本单位的建言（主办或协办），点进去答复、记见面 */
export default function SuggestUnitPage() {
  const me = useLoad(() => callFunction('suggestions', 'unitMe'), [])
  const ready = me.state.status === 'ready'
  const list = useLoad(ready ? () => callFunction('suggestions', 'unitList') : null, [ready])
  useReturnRefresh(list.reload)
  if (me.state.status === 'error' && (me.state.error.code === 'NOT_BOUND' || me.state.error.code === 'FORBIDDEN')) {
    return (
      <PageShell>
        {me.state.error.code === 'NOT_BOUND' ? (
          <UnitBind onBound={me.reload} />
        ) : (
          <Notice kind='info'>这里是承办单位工作人员用的页面。委员的建言请在“建言”里查看。</Notice>
        )}
      </PageShell>
    )
  }
  if (me.state.status !== 'ready')
    return (
      <PageShell>
        <NotReady state={me.state} what='承办单位' onRetry={me.reload} />
      </PageShell>
    )
  const unit = me.state.data
  return (
    <PageShell>
      <Card title={unit.unitName} sub={`${unit.name} · ${unit.orgName}交办的建言`}>
        {list.state.status !== 'ready' ? (
          <NotReady state={list.state} what='交办事项' onRetry={list.reload} />
        ) : list.state.data.length === 0 ? (
          <EmptyState message='还没有交办给本单位的建言' next='政协办公室交办后会出现在这里。' />
        ) : (
          <View>
            {list.state.data.map((s) => (
              <ListRow
                key={s.id}
                title={s.title}
                desc={`${summaryLine(s)}${s.dueAt ? ` · 期限 ${formatDate(s.dueAt)}` : ''}`}
                trailing={s.status === 'assigned' ? '去办理 ›' : '查看 ›'}
                onClick={() => void Taro.navigateTo({ url: `/suggest/handle/index?id=${s.id}` })}
              />
            ))}
          </View>
        )}
      </Card>
    </PageShell>
  )
}
