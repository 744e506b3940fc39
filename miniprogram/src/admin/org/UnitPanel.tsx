import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { BranchKind, OrgTree, PartyOrgLevel, PartyOrgNode } from '@tongxin/shared-types'
import { BRANCH_KINDS } from '@tongxin/shared-types/src/domain'
import { callFunction } from '../../services/cloud'
import { branchesOf, childLevels } from '../shared/org'
import { Button } from '../../components/Button'
import { ChoiceChips, SelectList } from '../../components/Chips'
import { ConfirmPanel } from '../../components/ConfirmPanel'
import { TextField } from '../../components/Field'
import { Notice } from '../../components/Notice'
import '../../components/Card.scss'

type Mode = 'rename' | 'create' | 'close' | 'merge' | null

export interface UnitPanelProps {
  unit: PartyOrgNode
  tree: OrgTree
  /** 写操作成功：换上新的组织树，并给出一句提示 */
  onDone: (tree: OrgTree, note: string) => void
}

type Result = { ok: true; data: OrgTree } | { ok: false; error: { message: string } }

/** 选中一个组织后就地展开的操作：改名、新建下级、撤销或合并临时党支部（管理员） */
export function UnitPanel({ unit, tree, onDone }: UnitPanelProps) {
  const [mode, setMode] = useState<Mode>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [name, setName] = useState(unit.name)
  const [childName, setChildName] = useState('')
  const levels = childLevels(unit.level)
  const [level, setLevel] = useState<PartyOrgLevel | null>(levels.includes('党支部') ? '党支部' : (levels[0] ?? null))
  const [branchKind, setBranchKind] = useState<BranchKind | null>('临时党支部')
  const [target, setTarget] = useState<string | null>(null)
  const active = unit.status === 'active'
  const temporary = unit.branchKind === '临时党支部'

  const open = (m: Mode) => {
    setMode(mode === m ? null : m)
    setError(null)
  }
  const run = async (call: () => Promise<Result>, note: (t: OrgTree) => string) => {
    if (busy) return
    setBusy(true)
    setError(null)
    const res = await call()
    setBusy(false)
    if (!res.ok) return setError(res.error.message)
    setMode(null)
    onDone(res.data, note(res.data))
  }

  const create = () => {
    if (childName.trim().length < 2) return setError('名称至少两个字')
    if (!level) return setError('请选择层级')
    const kind = level === '党支部' ? branchKind : null
    if (level === '党支部' && !kind) return setError('党支部须选择类别')
    void run(
      () => callFunction('org', 'createUnit', { parentId: unit.id, name: childName.trim(), level, branchKind: kind }),
      () => `已新建${kind ?? level}：${childName.trim()}`,
    )
  }

  const targets = branchesOf(tree.units).filter((b) => b.id !== unit.id)
  return (
    <View className='unit-panel'>
      <View className='ui-btn-row'>
        <Button kind={mode === 'rename' ? 'primary' : 'plain'} onClick={() => open('rename')}>
          改名
        </Button>
        {active && levels.length > 0 && (
          <Button kind={mode === 'create' ? 'primary' : 'plain'} onClick={() => open('create')}>
            新建下级组织
          </Button>
        )}
        {active && temporary && (
          <Button kind={mode === 'merge' ? 'primary' : 'plain'} onClick={() => open('merge')}>
            合并到其他支部
          </Button>
        )}
        {active && temporary && (
          <Button kind='danger' onClick={() => open('close')}>
            撤销临时党支部
          </Button>
        )}
      </View>

      {mode === 'rename' && (
        <View className='unit-panel__form'>
          <TextField label='新名称' value={name} onChange={setName} maxlength={60} />
          <Button
            kind='primary'
            block
            off={busy}
            onClick={() =>
              name.trim().length < 2
                ? setError('名称至少两个字')
                : void run(
                    () => callFunction('org', 'updateUnit', { id: unit.id, name: name.trim() }),
                    () => `已改名为 ${name.trim()}`,
                  )
            }
          >
            {busy ? '正在保存…' : '保存名称'}
          </Button>
        </View>
      )}

      {mode === 'create' && (
        <View className='unit-panel__form'>
          <Text className='ui-muted'>在「{unit.name}」之下新建。开设临时党支部（全会、考察期间）：层级选「党支部」，类别选「临时党支部」。</Text>
          <TextField label='名称' value={childName} onChange={setChildName} maxlength={60} placeholder='如：十届三次全会临时党支部' />
          <ChoiceChips label='层级' options={levels.map((l) => ({ value: l, label: l }))} value={level} onChange={setLevel} />
          {level === '党支部' && (
            <ChoiceChips label='支部类别' options={BRANCH_KINDS.map((k) => ({ value: k, label: k }))} value={branchKind} onChange={setBranchKind} />
          )}
          <Button kind='primary' block off={busy} onClick={create}>
            {busy ? '正在创建…' : '创建'}
          </Button>
        </View>
      )}

      {mode === 'merge' && (
        <View className='unit-panel__form'>
          <SelectList label='合并到' value={target} options={targets.map((b) => ({ value: b.id, label: b.name }))} onChange={setTarget} />
          {target && (
            <ConfirmPanel
              title={`把「${unit.name}」合并到「${targets.find((b) => b.id === target)?.name ?? ''}」`}
              message='成员转入目标支部（已在其中的不重复），原支部及其下的党小组随之撤销；原支部里的书记等职务不带过去。'
              confirmLabel='确认合并'
              busy={busy}
              error={error}
              onCancel={() => open(null)}
              onConfirm={() =>
                void run(
                  () => callFunction('org', 'mergeBranches', { sourceId: unit.id, targetId: target }),
                  (t) => `已合并，转入 ${(t as OrgTree & { moved?: number }).moved ?? 0} 人`,
                )
              }
            />
          )}
        </View>
      )}

      {mode === 'close' && (
        <ConfirmPanel
          title={`撤销「${unit.name}」`}
          message='撤销后它（连同其下的党小组）不再出现在可选的支部里；成员的历史记录保留。'
          reasonLabel='撤销原因'
          confirmLabel='确认撤销'
          busy={busy}
          error={error}
          onCancel={() => open(null)}
          onConfirm={(reason) =>
            void run(
              () => callFunction('org', 'closeBranch', { id: unit.id, reason }),
              () => `已撤销 ${unit.name}`,
            )
          }
        />
      )}

      {error && mode !== 'close' && !(mode === 'merge' && target) && <Notice kind='error'>{error}</Notice>}
    </View>
  )
}
