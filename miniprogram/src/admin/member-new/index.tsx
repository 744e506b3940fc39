import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { callFunction } from '../../services/cloud'
import { AdminShell } from '../components/AdminShell'
import { MemberForm } from '../components/MemberForm'
import { EMPTY_DRAFT, toCreateInput, type MemberDraft } from '../shared/memberDraft'
import { ADMIN_PAGES } from '../shared/nav'
import { useLoad } from '../../hooks/useLoad'
import { LoadStatus } from '../../components/PageState'
import '../../components/Card.scss'

function NewMember() {
  const tree = useLoad(() => callFunction('org', 'tree'), [])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const create = async (draft: MemberDraft) => {
    setBusy(true)
    setError(null)
    const res = await callFunction('roster', 'create', toCreateInput(draft))
    setBusy(false)
    if (!res.ok) return setError(res.error.message)
    // 建好后直接到详情页：下一步通常就是签发邀请码
    void Taro.redirectTo({ url: ADMIN_PAGES.member(res.data.id) })
  }

  if (!tree.data) {
    return <LoadStatus loaded={tree} what='选项' />
  }
  return (
    <View className='ui-card'>
      <Text className='ui-card__title'>登记一位新成员</Text>
      <Text className='ui-muted'>保存后可在成员资料页签发邀请码，由本人绑定微信。</Text>
      <MemberForm initial={EMPTY_DRAFT} limited={false} tree={tree.data} submitLabel='保存新成员' busy={busy} error={error} onSubmit={(d) => void create(d)} />
    </View>
  )
}

export default function MemberNewPage() {
  return (
    <AdminShell title='新增成员' adminOnly>
      {() => <NewMember />}
    </AdminShell>
  )
}
