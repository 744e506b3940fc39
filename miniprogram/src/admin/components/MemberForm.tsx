import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { OrgTree } from '@tongxin/shared-types'
import { AFFILIATIONS, BRANCH_DUTIES, ETHNICITIES, type Ethnicity, GENDERS, POSITIONS } from '@tongxin/shared-types/src/domain'
import { MEMBERSHIP_KIND_LABELS } from '../../utils/labels'
import { checkDraft, type MemberDraft, type MembershipDraft } from '../shared/memberDraft'
import { allowsMembership, branchesOf } from '../shared/org'
import { Button } from '../../components/Button'
import { ChoiceChips, MultiChips, type Option, SelectList } from '../../components/Chips'
import { TextField } from '../../components/Field'
import { Notice } from '../../components/Notice'

export interface MemberFormProps {
  initial: MemberDraft
  /** 书记：只能改姓名与手机号 */
  limited: boolean
  /** 专委会、界别、支部的选项；limited 时可不给 */
  tree: OrgTree | null
  /** 手机号是脱敏的（无权查看完整号码）：不给改 */
  phoneLocked?: boolean
  submitLabel: string
  busy: boolean
  /** 服务端的错误提示 */
  error: string | null
  onSubmit: (draft: MemberDraft) => void
  onCancel?: () => void
}

const opts = <T extends string>(values: readonly T[]): Option<T>[] => values.map((v) => ({ value: v, label: v }))
const KIND_OPTIONS: Option<MembershipDraft['kind']>[] = [
  { value: 'primary', label: MEMBERSHIP_KIND_LABELS.primary },
  { value: 'functional', label: MEMBERSHIP_KIND_LABELS.functional },
]

/** 成员资料表单：新增与编辑共用 */
export function MemberForm({ initial, limited, tree, phoneLocked, submitLabel, busy, error, onSubmit, onCancel }: MemberFormProps) {
  const [draft, setDraft] = useState<MemberDraft>(initial)
  const [problem, setProblem] = useState<string | null>(null)
  const set = (patch: Partial<MemberDraft>) => setDraft((d) => ({ ...d, ...patch }))
  const setMembership = (i: number, patch: Partial<MembershipDraft>) =>
    set({ memberships: draft.memberships.map((m, j) => (j === i ? { ...m, ...patch } : m)) })

  const submit = () => {
    if (busy) return
    const p = checkDraft(draft, limited)
    setProblem(p)
    if (!p) onSubmit(draft)
  }

  const branches = tree ? branchesOf(tree.units) : []
  const cpc = draft.affiliation === '中共党员'

  return (
    <View>
      <TextField label='姓名' value={draft.name} onChange={(name) => set({ name })} maxlength={40} />
      <TextField
        label='手机号'
        type='number'
        value={draft.phone}
        onChange={(phone) => set({ phone })}
        maxlength={13}
        disabled={phoneLocked}
        placeholder={phoneLocked ? '无权查看完整号码' : '11 位手机号，可不填'}
      />
      {limited && <Notice kind='info'>支部书记只能修改姓名和手机号；政治面貌、界别、专委会、组织关系请联系政协办公室修改。</Notice>}

      {!limited && (
        <View>
          <ChoiceChips label='职务' options={opts(POSITIONS)} value={draft.position} onChange={(position) => set({ position })} />
          <ChoiceChips label='政治面貌' options={opts(AFFILIATIONS)} value={draft.affiliation} onChange={(affiliation) => set({ affiliation })} />
          <SelectList
            label='界别'
            value={draft.sectorId}
            noneLabel='无'
            options={(tree?.sectors ?? []).map((s) => ({ value: s.id, label: s.name }))}
            onChange={(sectorId) => set({ sectorId })}
          />
          <MultiChips
            label='专委会（可多选）'
            options={(tree?.committees ?? []).map((c) => ({ value: c.id, label: c.name }))}
            values={draft.committeeIds}
            onChange={(committeeIds) => set({ committeeIds })}
            emptyText='还没有专委会'
          />

          <ChoiceChips label='性别' options={opts(GENDERS)} value={draft.gender} onChange={(gender) => set({ gender })} />
          <SelectList
            label='民族'
            value={draft.ethnicity}
            noneLabel='未填'
            options={opts(ETHNICITIES)}
            onChange={(ethnicity) => set({ ethnicity: ethnicity as Ethnicity | null })}
          />
          <TextField label='出生年月' value={draft.birthMonth} onChange={(birthMonth) => set({ birthMonth })} maxlength={7} placeholder='如 1965-03，可不填' />
          <TextField
            label='工作单位及职务'
            value={draft.workUnit}
            onChange={(workUnit) => set({ workUnit })}
            maxlength={100}
            placeholder='如 市第一中学 校长，可不填'
          />
          <TextField label='届次' value={draft.term} onChange={(term) => set({ term })} maxlength={20} placeholder='如 第十五届，可不填' />

          <View className='field'>
            <Text className='field__label'>党组织关系</Text>
            {!cpc && (
              <Text className='field__hint'>
                非中共党员没有党组织关系。{draft.memberships.length > 0 ? `保存后将移除原有的 ${draft.memberships.length} 条组织关系。` : ''}
              </Text>
            )}
            {cpc &&
              draft.memberships.map((m, i) => (
                <View key={i} className='membership'>
                  <Text className='membership__title'>第 {i + 1} 条</Text>
                  <ChoiceChips options={KIND_OPTIONS} value={m.kind} onChange={(kind) => setMembership(i, { kind })} />
                  <SelectList
                    label='支部'
                    value={m.branchId || null}
                    options={branches.filter((b) => allowsMembership(b.branchKind, m.kind) || b.id === m.branchId).map((b) => ({ value: b.id, label: b.name }))}
                    onChange={(branchId) => setMembership(i, { branchId: branchId ?? '' })}
                  />
                  <ChoiceChips label='支部职务' options={opts(BRANCH_DUTIES)} value={m.duty} onChange={(duty) => setMembership(i, { duty })} />
                  <Button onClick={() => set({ memberships: draft.memberships.filter((_, j) => j !== i) })}>删除这条组织关系</Button>
                </View>
              ))}
            {cpc && (
              <Button
                block
                onClick={() =>
                  set({
                    memberships: [
                      ...draft.memberships,
                      { branchId: '', kind: draft.memberships.some((x) => x.kind === 'primary') ? 'functional' : 'primary', duty: '党员' },
                    ],
                  })
                }
              >
                ＋ 添加组织关系
              </Button>
            )}
          </View>
        </View>
      )}

      {(problem || error) && <Notice kind='error'>{problem ?? error}</Notice>}
      <View className='ui-btn-row'>
        <Button kind='primary' off={busy} onClick={submit}>
          {busy ? '正在保存…' : submitLabel}
        </Button>
        {onCancel && (
          <Button off={busy} onClick={() => !busy && onCancel()}>
            取消
          </Button>
        )}
      </View>
    </View>
  )
}
