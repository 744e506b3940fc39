import { useState } from 'react'
import { View } from '@tarojs/components'
import type { SuggestionView } from '@tongxin/shared-types/src/suggestions'
import { ADOPTION_LEVELS } from '@tongxin/shared-types/src/suggestions'
import { Button, ButtonRow } from '../../components/Button'
import { Card } from '../../components/Card'
import { ChoiceChips, MultiChips } from '../../components/Chips'
import { TextArea, TextField } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { useLoad } from '../../hooks/useLoad'
import { useSubmit } from '../../hooks/useSubmit'
import { callFunction } from '../../services/cloud'
import { ADOPTION_LEVEL_LABELS } from '../shared/labels'

export interface OfficeActionsProps {
  item: SuggestionView
  onChanged: (v: SuggestionView) => void
}

type Act = 'file' | 'reject' | 'convert' | 'assign' | 'chase' | 'markKey' | 'markExcellent' | 'adopt' | 'archive' | 'instruct'

/** 政协办公室在详情页上能走的步骤：按这件的类型与状态只给能走的（服务端同样按流程表把关） */
export function OfficeActions({ item, onChanged }: OfficeActionsProps) {
  const [note, setNote] = useState('')
  const [leader, setLeader] = useState('')
  const [lead, setLead] = useState<string | null>(null)
  const [co, setCo] = useState<string[]>([])
  /** 答复期限（YYYY-MM-DD）；空着即交办后 3 个月 */
  const [dueOn, setDueOn] = useState('')
  const [level, setLevel] = useState<(typeof ADOPTION_LEVELS)[number]>('local')
  const submit = useSubmit()
  const isProposal = item.kind === 'proposal'
  const canAssign = (isProposal && item.status === 'filed') || (item.kind === 'advice' && item.status === 'submitted')
  const units = useLoad(canAssign ? () => callFunction('suggestions', 'units') : null, [canAssign])

  async function act(a: Act) {
    const id = item.id
    const send = {
      file: () => callFunction('suggestions', 'file', { id }),
      reject: () => callFunction('suggestions', 'reject', { id, reason: note.trim() }),
      convert: () => callFunction('suggestions', 'convert', { id, note: note.trim() }),
      assign: () =>
        callFunction('suggestions', 'assign', {
          id,
          leadUnitId: lead ?? '',
          coUnitIds: co.filter((u) => u !== lead),
          ...(dueOn.trim() ? { dueOn: dueOn.trim() } : {}),
        }),
      chase: () => callFunction('suggestions', 'chase', { id, note: note.trim() }),
      markKey: () => callFunction('suggestions', 'markKey', { id }),
      markExcellent: () => callFunction('suggestions', 'markExcellent', { id }),
      adopt: () => callFunction('suggestions', 'adopt', { id, level }),
      archive: () => callFunction('suggestions', 'archive', { id, reason: note.trim() }),
      instruct: () => callFunction('suggestions', 'instruct', { id, leader: leader.trim(), text: note.trim() }),
    }[a]
    if (a === 'assign' && !lead) return submit.fail('请选择主办单位')
    const r = await submit.run(send)
    if (r) {
      setNote('')
      onChanged(r.data)
    }
  }

  const reviewing = item.status === 'submitted'
  return (
    <Card title='办公室办理' sub='每一步都记入办理经过，告诉提出者'>
      {(reviewing || item.status === 'assigned' || (item.kind === 'opinion' && item.status === 'adopted')) && (
        <TextArea
          label={item.kind === 'opinion' && item.status === 'adopted' ? '批示内容' : reviewing ? '理由或说明' : '催办说明'}
          value={note}
          onChange={setNote}
          maxlength={500}
        />
      )}
      {isProposal && reviewing && (
        <ButtonRow>
          <Button kind='primary' off={submit.busy} onClick={() => void act('file')}>
            立案
          </Button>
          <Button off={submit.busy} onClick={() => void act('reject')}>
            不立案
          </Button>
          <Button off={submit.busy} onClick={() => void act('convert')}>
            转为意见建议
          </Button>
        </ButtonRow>
      )}
      {canAssign && units.data && (
        <View>
          <ChoiceChips label='主办单位' options={units.data.map((u) => ({ value: u.id, label: u.name }))} value={lead ?? ''} onChange={(v) => setLead(v)} />
          <MultiChips
            label='协办单位（可不选）'
            options={units.data.filter((u) => u.id !== lead).map((u) => ({ value: u.id, label: u.name }))}
            values={co}
            onChange={setCo}
          />
          <TextField label='答复期限（如 2027-04-30；不填为 3 个月）' value={dueOn} onChange={setDueOn} maxlength={10} hint='最长为交办后 6 个月' />
          <Button kind='primary' block off={submit.busy} onClick={() => void act('assign')}>
            交办
          </Button>
        </View>
      )}
      {item.status === 'assigned' && (
        <Button block off={submit.busy} onClick={() => void act('chase')}>
          催办
        </Button>
      )}
      {isProposal && !item.isKey && ['filed', 'assigned', 'replied', 'closed'].includes(item.status) && (
        <Button block off={submit.busy} onClick={() => void act('markKey')}>
          列为重点提案
        </Button>
      )}
      {isProposal && !item.isExcellent && ['assigned', 'replied', 'closed'].includes(item.status) && (
        <Button block off={submit.busy} onClick={() => void act('markExcellent')}>
          评为优秀提案
        </Button>
      )}
      {item.kind === 'opinion' && reviewing && (
        <View>
          <ChoiceChips
            label='采用层级'
            options={ADOPTION_LEVELS.map((l) => ({ value: l, label: ADOPTION_LEVEL_LABELS[l] }))}
            value={level}
            onChange={setLevel}
          />
          <ButtonRow>
            <Button kind='primary' off={submit.busy} onClick={() => void act('adopt')}>
              采用
            </Button>
            <Button off={submit.busy} onClick={() => void act('archive')}>
              未采用
            </Button>
          </ButtonRow>
        </View>
      )}
      {item.kind === 'opinion' && item.status === 'adopted' && (
        <View>
          <TextField label='批示领导' value={leader} onChange={setLeader} maxlength={30} />
          <Button block off={submit.busy} onClick={() => void act('instruct')}>
            记录批示
          </Button>
        </View>
      )}
      {submit.error && <Notice kind='error'>{submit.error.message}</Notice>}
    </Card>
  )
}
