/** 管理学习材料：办公室管全部，支部书记管本支部发布的（服务端按范围给出列表）；含已撤回的；新建、修改、布置 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageShell } from '../../components/PageShell'
import { Card } from '../../components/Card'
import { Button } from '../../components/Button'
import { SearchField } from '../../components/SearchField'
import { ListRow } from '../../components/ListRow'
import { LoadGate } from '../../components/PageState'
import { RoleGate } from '../../components/RoleGate'
import { useLoad } from '../../hooks/useLoad'
import { type MyRoles, useMyRoles } from '../../hooks/useMyRoles'
import { useReturnRefresh } from '../../hooks/useReturnRefresh'
import { callFunction } from '../../services/cloud'
import { dayLabel } from '../../utils/time'
import '../styles/study.scss'

const open = (url: string) => void Taro.navigateTo({ url })

function Materials({ me }: { me: MyRoles }) {
  const [draft, setDraft] = useState('')
  const [q, setQ] = useState('')
  const { state, reload } = useLoad(() => callFunction('study', 'manageList', { q: q || undefined }), [q])
  useReturnRefresh(reload)
  return (
    <View>
      <Button kind='primary' block onClick={() => open('/study/edit/index')}>
        新建学习材料
      </Button>
      <Card title={me.isAdmin ? '全部材料' : '本支部发布的材料'}>
        <SearchField label='搜索材料' value={draft} onChange={setDraft} onSearch={setQ} placeholder='标题或正文里的词' />
        <LoadGate
          state={state}
          what='学习材料'
          onRetry={reload}
          isEmpty={(d) => d.items.length === 0}
          empty={{ message: '还没有学习材料', next: '点“新建学习材料”发布第一篇' }}
        >
          {(page) => (
            <View>
              {page.items.map((m) => (
                <ListRow
                  key={m.id}
                  title={m.title}
                  desc={`${m.category}${m.branch ? ` · ${m.branch.name}` : ''} · ${m.status === 'withdrawn' ? '已撤回' : `发布于 ${dayLabel(m.publishedAt)}`}`}
                  trailing='编辑 ›'
                  onClick={() => open(`/study/edit/index?id=${m.id}`)}
                />
              ))}
              {page.total > page.items.length && (
                <Text className='ui-muted'>
                  共 {page.total} 篇，显示最近修改的 {page.items.length} 篇。
                </Text>
              )}
            </View>
          )}
        </LoadGate>
      </Card>
      <ListRow
        title='必学完成情况'
        desc={me.isAdmin ? '各支部与个人的完成情况，可导出' : '本支部的完成情况，可导出'}
        trailing='查看 ›'
        onClick={() => open('/study/figures/index')}
      />
      {me.isAdmin && <ListRow title='出题与测试' desc='往题库里加题，设立学习测试' trailing='进入 ›' onClick={() => open('/study/quiz-admin/index')} />}
    </View>
  )
}

export default function StudyManagePage() {
  const { state, retry } = useMyRoles()
  return (
    <PageShell>
      <View className='ui-head'>
        <Text className='ui-head__title'>管理学习材料</Text>
        <Text className='ui-head__sub'>正文用 Markdown 书写，发布时自动排版并去掉不安全的内容</Text>
      </View>
      <RoleGate state={state} retry={retry} need='manager'>
        {(me) => <Materials me={me} />}
      </RoleGate>
    </PageShell>
  )
}
