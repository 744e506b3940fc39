import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { NotReady } from '../../components/PageState'
import { PageShell } from '../../components/PageShell'
import { useLoad } from '../../hooks/useLoad'
import { callFunction } from '../../services/cloud'
import { formatDate } from '../../utils/time'
import { SUGGESTION_KIND_LABELS } from '../shared/labels'
import './index.scss'

/** 一件建言的正式版式（浏览器里打印）：编号、案由、提出者与联名人、理由、建议、承办单位 */
export default function SuggestPrintPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const loaded = useLoad(id ? () => callFunction('suggestions', 'get', { id }) : null, [id])
  if (loaded.state.status !== 'ready')
    return (
      <PageShell>
        <NotReady state={loaded.state} what='建言' onRetry={loaded.reload} />
      </PageShell>
    )
  const s = loaded.state.data
  const cosigners = s.cosigners.filter((c) => c.status === 'accepted').map((c) => c.name)
  return (
    <PageShell>
      <View className='sg-print'>
        <Text className='sg-print__title'>{SUGGESTION_KIND_LABELS[s.kind]}</Text>
        <Text className='sg-print__line'>
          编号：{s.number ?? '（未立案）'}
          {'\u3000\u3000'}类别：{s.category}
        </Text>
        <Text className='sg-print__line'>
          提出者：{s.authorName}
          {cosigners.length ? `\u3000联名：${cosigners.join('、')}` : ''}
        </Text>
        <Text className='sg-print__line'>提交日期：{s.submittedAt ? formatDate(s.submittedAt) : ''}</Text>
        <Text className='sg-print__head'>案由</Text>
        <Text className='sg-print__body'>{s.title}</Text>
        <Text className='sg-print__head'>{s.kind === 'opinion' ? '情况' : '理由'}</Text>
        <Text className='sg-print__body'>{s.reasons}</Text>
        <Text className='sg-print__head'>建议</Text>
        <Text className='sg-print__body'>{s.proposals}</Text>
        {s.units.length > 0 && <Text className='sg-print__line'>承办单位：{s.units.map((u) => `${u.name}（${u.lead ? '主办' : '协办'}）`).join('、')}</Text>}
      </View>
      {process.env.TARO_ENV === 'h5' && (
        <View className='sg-print__noprint'>
          <Button block onClick={() => window.print()}>
            打印
          </Button>
        </View>
      )}
    </PageShell>
  )
}
