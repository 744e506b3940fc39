import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { SUGGESTION_KIND_LABELS, SUGGESTION_STATUS_LABELS } from '@tongxin/shared-types/src/suggestions'
import { Button, ButtonRow } from '../../components/Button'
import { Card } from '../../components/Card'
import { ListRow } from '../../components/ListRow'
import { LoadGate } from '../../components/PageState'
import { PageShell } from '../../components/PageShell'
import { useLoad } from '../../hooks/useLoad'
import { useReturnRefresh } from '../../hooks/useReturnRefresh'
import { callFunction } from '../../services/cloud'

const go = (url: string) => void Taro.navigateTo({ url })

/**
 * 建言（tab，主包）：我的建言与草稿、写新的入口；详情、编辑、办公室与承办单位的页面都在 suggest 分包。
 * 承办单位的微信不是委员：这里认不出他，给一个去承办单位页面的入口。
 */
export default function SuggestPage() {
  const mine = useLoad(() => callFunction('suggestions', 'mine'), [])
  useReturnRefresh(mine.reload)
  const notMember = mine.state.status === 'error' && mine.state.error.code === 'NOT_BOUND'
  return (
    <PageShell>
      <Card title='写建言' sub='提案可邀请委员联名；草稿随时保存，提交前可反复修改'>
        <ButtonRow>
          <Button kind='primary' onClick={() => go('/suggest/edit/index?kind=proposal')}>
            写提案
          </Button>
          <Button onClick={() => go('/suggest/edit/index?kind=opinion')}>报送社情民意</Button>
          <Button onClick={() => go('/suggest/edit/index?kind=advice')}>提意见建议</Button>
        </ButtonRow>
      </Card>
      <Card title='公开的建言'>
        <ListRow title='已立案的提案、已采用的社情民意' desc='看看大家提了什么、办得怎样' trailing='进入 ›' onClick={() => go('/suggest/public/index')} />
      </Card>
      {notMember ? (
        <Card title='承办单位' sub='承办单位的工作人员请从这里查看交办的提案并答复'>
          <ListRow title='承办单位入口' desc='绑定邀请码、查看交办事项' trailing='进入 ›' onClick={() => go('/suggest/unit/index')} />
        </Card>
      ) : (
        <Card title='我的建言'>
          <LoadGate
            state={mine.state}
            what='我的建言'
            onRetry={mine.reload}
            isEmpty={(items) => items.length === 0}
            empty={{ message: '还没有建言', next: '点上面的「写提案」等开始写；被邀请联名的提案也会列在这里。' }}
          >
            {(items) => (
              <View>
                {items.map((s) => (
                  <ListRow
                    key={s.id}
                    title={s.title || '（未写案由）'}
                    desc={`${s.mine === 'cosigner' ? `${s.authorName}邀请我联名 · ` : ''}${SUGGESTION_KIND_LABELS[s.kind]} · ${SUGGESTION_STATUS_LABELS[s.status]}${s.number ? ` · ${s.number}` : ''}`}
                    trailing={s.status === 'draft' && s.mine === 'author' ? '编辑 ›' : '查看 ›'}
                    onClick={() => go(s.status === 'draft' && s.mine === 'author' ? `/suggest/edit/index?id=${s.id}` : `/suggest/detail/index?id=${s.id}`)}
                  />
                ))}
              </View>
            )}
          </LoadGate>
        </Card>
      )}
    </PageShell>
  )
}
