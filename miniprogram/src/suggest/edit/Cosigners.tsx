import { useState } from 'react'
import { View } from '@tarojs/components'
import type { SuggestionView } from '@tongxin/shared-types/src/suggestions'
import { Card, InfoRow } from '../../components/Card'
import { SearchField } from '../../components/SearchField'
import { ListRow } from '../../components/ListRow'
import { Notice } from '../../components/Notice'
import { StateText } from '../../components/PageState'
import { useSubmit } from '../../hooks/useSubmit'
import { callFunction } from '../../services/cloud'
import { COSIGN_STATUS_LABELS } from '../shared/labels'

export interface CosignersProps {
  draft: SuggestionView
  onChanged: (v: SuggestionView) => void
}

/** 联名：从名册里找委员邀请；每位自己确认或谢绝，确认了才算他的提案 */
export function Cosigners({ draft, onChanged }: CosignersProps) {
  const [q, setQ] = useState('')
  const [found, setFound] = useState<Array<{ id: string; name: string; sector: string | null }> | null>(null)
  const search = useSubmit()
  const invite = useSubmit()
  const find = async () => {
    const r = await search.run(() => callFunction('suggestions', 'candidates', { q: q.trim() }))
    if (r) setFound(r.data)
  }
  const add = async (memberId: string) => {
    const r = await invite.run(() => callFunction('suggestions', 'invite', { id: draft.id, memberIds: [memberId] }))
    if (r) onChanged(r.data)
  }
  const invited = new Set(draft.cosigners.map((c) => c.memberId))
  return (
    <Card title='联名' sub='被邀请的委员会在首页看到邀请，确认后这件提案才算他的'>
      {draft.cosigners.map((c) => (
        <InfoRow key={c.memberId} divided label={c.name} value={COSIGN_STATUS_LABELS[c.status]} />
      ))}
      {draft.cosigners.length === 0 && <StateText>还没有邀请联名人</StateText>}
      <SearchField label='按姓名找委员' value={q} onChange={setQ} maxlength={20} action='查找' busy={search.busy} onSearch={() => void find()} />
      {(search.error || invite.error) && <Notice kind='error'>{(search.error ?? invite.error)!.message}</Notice>}
      {found && found.length === 0 && <StateText>没有找到这个名字的委员</StateText>}
      {found?.map((m) => (
        <View key={m.id}>
          {invited.has(m.id) ? (
            <InfoRow divided label={m.name} value='已邀请' />
          ) : (
            <ListRow title={m.name} desc={m.sector ?? undefined} trailing='邀请 ›' onClick={() => void add(m.id)} ariaLabel={`邀请${m.name}联名`} />
          )}
        </View>
      ))}
    </Card>
  )
}
