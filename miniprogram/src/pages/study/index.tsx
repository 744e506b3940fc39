/**
 * 学习（tab 页，主包里保持小）：我的必学、按栏目浏览、搜索。阅读、心得与办公室的页面在 study 分包。
 * 国办函〔2026〕12号：这里没有学习时长、连续天数、排行。
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { MATERIAL_CATEGORIES, type MaterialCategory } from '@tongxin/shared-types/src/study'
import { PageShell } from '../../components/PageShell'
import { SearchField } from '../../components/SearchField'
import { Card } from '../../components/Card'
import { ChoiceChips } from '../../components/Chips'
import { ListRow } from '../../components/ListRow'
import { LoadGate } from '../../components/PageState'
import { useLoad } from '../../hooks/useLoad'
import { useMyRoles } from '../../hooks/useMyRoles'
import { callFunction } from '../../services/cloud'
import { dayLabel } from '../../utils/time'

const CATEGORY_OPTIONS = [{ value: '' as const, label: '全部' }, ...MATERIAL_CATEGORIES.map((c) => ({ value: c, label: c }))]
const open = (url: string) => void Taro.navigateTo({ url })

function MyReadings() {
  const { state, reload } = useLoad(() => callFunction('study', 'myAssignments'), [])
  return (
    <Card title='我的必学'>
      <LoadGate
        state={state}
        what='必学篇目'
        onRetry={reload}
        isEmpty={(d) => d.length === 0}
        empty={{ message: '目前没有布置给您的必学篇目', next: '办公室布置后会出现在这里和首页' }}
        lines={2}
      >
        {(items) => (
          <View>
            {items.map((a) => (
              <ListRow
                key={a.id}
                title={a.title}
                desc={a.finished ? '已读完' : a.overdue ? `已过期限（${dayLabel(a.dueAt)}），仍可读完` : `${dayLabel(a.dueAt)} 前读完`}
                trailing={a.finished ? '✓ 已读完' : '去读 ›'}
                trailingOn={a.finished}
                onClick={() => open(`/study/reader/index?id=${a.materialId}`)}
              />
            ))}
          </View>
        )}
      </LoadGate>
    </Card>
  )
}

export default function StudyPage() {
  const [category, setCategory] = useState<MaterialCategory | ''>('')
  const [draft, setDraft] = useState('')
  const [q, setQ] = useState('')
  const { state, reload } = useLoad(() => callFunction('study', 'list', { category: category || undefined, q: q || undefined }), [category, q])
  const roles = useMyRoles()
  const me = roles.state.status === 'ready' ? roles.state.me : null
  return (
    <PageShell>
      <View className='ui-head'>
        <Text className='ui-head__title'>学习</Text>
        <Text className='ui-head__sub'>读完在文末确认即可，不记阅读时长</Text>
      </View>
      <MyReadings />
      <Card title='学习材料'>
        <SearchField label='搜索材料' value={draft} onChange={setDraft} onSearch={setQ} placeholder='如：党史、协商' />
        <ChoiceChips label='栏目' options={CATEGORY_OPTIONS} value={category} onChange={setCategory} />
        <LoadGate
          state={state}
          what='学习材料'
          onRetry={reload}
          isEmpty={(d) => d.items.length === 0}
          empty={{ message: q ? `没有找到含“${q}”的材料` : '这个栏目还没有材料', next: q ? '换个词试试，两个字的词也能搜' : '办公室发布后会出现在这里' }}
        >
          {(page) => (
            <View>
              {page.items.map((m) => (
                <ListRow
                  key={m.id}
                  title={m.title}
                  desc={`${m.category}${m.branch ? ` · ${m.branch.name}` : ''}${m.source ? ` · ${m.source}` : ''}`}
                  trailing={m.finished ? '✓ 已读完' : '阅读 ›'}
                  trailingOn={m.finished}
                  onClick={() => open(`/study/reader/index?id=${m.id}`)}
                />
              ))}
              {page.total > page.items.length && (
                <Text className='ui-muted'>
                  共 {page.total} 篇，显示最新的 {page.items.length} 篇；可用搜索缩小范围。
                </Text>
              )}
            </View>
          )}
        </LoadGate>
      </Card>
      <Card title='我的学习'>
        <ListRow title='学习测试' desc='不计时，交卷后可看答案与解析' trailing='进入 ›' onClick={() => open('/study/quiz/index')} />
        <ListRow title='我的学习心得与收藏' desc='材料上写的心得、活动后写的心得，以及收藏的材料' trailing='查看 ›' onClick={() => open('/study/mine/index')} />
        {me?.isManager && (
          <ListRow
            title='管理学习材料'
            desc={me.isAdmin ? '发布、修改、撤回材料，布置必学篇目' : '以本支部名义发布材料，给本支部布置必学篇目'}
            trailing='进入 ›'
            onClick={() => open('/study/manage/index')}
          />
        )}
        {me?.isManager && (
          <ListRow
            title='必学完成情况'
            desc={me.isAdmin ? '各支部与个人的完成情况，可导出' : '本支部的完成情况，可导出'}
            trailing='查看 ›'
            onClick={() => open('/study/figures/index')}
          />
        )}
      </Card>
    </PageShell>
  )
}
