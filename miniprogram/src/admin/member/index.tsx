import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { InviteIssued, MemberDetail } from '@tongxin/shared-types'
import { callFunction } from '../../services/cloud'
import { MEMBERSHIP_KIND_LABELS } from '../../utils/labels'
import { AdminShell } from '../components/AdminShell'
import { MemberForm } from '../components/MemberForm'
import { bindingStatus, MEMBER_STATUS_LABELS } from '../shared/format'
import { formatDate, formatDateTime } from '../../utils/time'
import { draftFromDetail, isEmptyUpdate, toUpdateInput, type MemberDraft } from '../shared/memberDraft'
import { useLoad } from '../../hooks/useLoad'
import type { MyRoles as Manager } from '../../hooks/useMyRoles'
import { InviteCard } from './InviteCard'
import { Button } from '../../components/Button'
import { ConfirmPanel } from '../../components/ConfirmPanel'
import { Notice } from '../../components/Notice'
import { LoadStatus } from '../../components/PageState'
import '../../components/Card.scss'
import './index.scss'

type Pending = 'invite' | 'retire' | 'unbind' | 'admin' | null

/** 1965-03 → 1965年3月 */
const birthMonthLabel = (ym: string) => `${ym.slice(0, 4)}年${Number(ym.slice(5, 7))}月`

function InfoRow({ label, value }: { label: string; value: string }) {
  return (
    <View className='info'>
      <Text className='info__label'>{label}</Text>
      <Text className='info__value'>{value}</Text>
    </View>
  )
}

function MemberInfo({ m }: { m: MemberDetail }) {
  const status = m.status === 'retired' ? `已退出（${m.retiredAt ? formatDate(m.retiredAt) : ''}${m.retireReason ? `，${m.retireReason}` : ''}）` : '在册'
  return (
    <View className='ui-card'>
      <InfoRow label='手机号' value={m.phone ?? '未登记'} />
      <InfoRow label='职务' value={m.position} />
      <InfoRow label='政治面貌' value={m.affiliation ?? '无权查看'} />
      <InfoRow label='界别' value={m.sector?.name ?? '无'} />
      <InfoRow label='专委会' value={m.committees.map((c) => c.name).join('、') || '无'} />
      <InfoRow label='性别' value={m.gender ?? '未填'} />
      <InfoRow label='民族' value={m.ethnicity ?? (m.affiliation === null ? '无权查看' : '未填')} />
      <InfoRow label='出生年月' value={m.birthMonth ? birthMonthLabel(m.birthMonth) : m.affiliation === null ? '无权查看' : '未填'} />
      <InfoRow label='工作单位及职务' value={m.workUnit ?? '未填'} />
      <InfoRow label='届次' value={m.term ?? '未填'} />
      <InfoRow label='状态' value={status} />
      <InfoRow label='微信绑定' value={bindingStatus(m)} />
      {m.lastVoidedInvite && (
        // 谁作废了哪个邀请码：重新签发会让别人签的码失效，办公室要看得到
        <InfoRow
          label='作废的邀请码'
          value={`${m.lastVoidedInvite.issuedByName} ${formatDateTime(m.lastVoidedInvite.issuedAt)} 签发的邀请码，已由${m.lastVoidedInvite.voidedByName ?? '（未记录）'}于 ${formatDateTime(m.lastVoidedInvite.voidedAt)} 作废`}
        />
      )}
      <InfoRow label='管理员' value={m.isAdmin ? '是' : '否'} />
      {m.branches.length > 0 && (
        <View className='info'>
          <Text className='info__label'>组织关系</Text>
          <View className='info__value'>
            {m.branches.map((b) => (
              <View key={b.branchId}>
                {b.branchName}（{MEMBERSHIP_KIND_LABELS[b.kind]} · {b.duty}）
              </View>
            ))}
          </View>
        </View>
      )}
    </View>
  )
}

function EditPanel({ m, manager, onSaved, onCancel }: { m: MemberDetail; manager: Manager; onSaved: (m: MemberDetail) => void; onCancel: () => void }) {
  const limited = !manager.isAdmin
  // 书记的表单只有姓名与手机号，用不着组织树
  const tree = useLoad(() => (limited ? Promise.resolve({ ok: true as const, data: null }) : callFunction('org', 'tree')), [limited])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const initial = draftFromDetail(m)

  const save = async (draft: MemberDraft) => {
    const input = toUpdateInput(m.id, initial, draft, limited)
    if (isEmptyUpdate(input)) return onCancel()
    setBusy(true)
    setError(null)
    const res = await callFunction('roster', 'update', input)
    setBusy(false)
    if (res.ok) onSaved(res.data)
    else setError(res.error.message)
  }

  if (!limited && !tree.data) {
    return <LoadStatus loaded={tree} what='选项' />
  }
  return (
    <View className='ui-card'>
      <Text className='ui-card__title'>编辑 {m.name} 的资料</Text>
      <MemberForm
        initial={initial}
        limited={limited}
        tree={tree.data}
        phoneLocked={m.phoneMasked}
        submitLabel='保存'
        busy={busy}
        error={error}
        onSubmit={(d) => void save(d)}
        onCancel={onCancel}
      />
    </View>
  )
}

interface MemberActionsProps {
  m: MemberDetail
  manager: Manager
  onChanged: (m: MemberDetail, note: string) => void
  /** 刚签发的邀请码：就显示在点过的按钮这里 */
  issued: InviteIssued | null
  onIssued: (invite: InviteIssued) => void
}

function MemberActions({ m, manager, onChanged, issued, onIssued }: MemberActionsProps) {
  const [pending, setPending] = useState<Pending>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const active = m.status === 'active'

  const open = (p: Pending) => {
    setPending(p)
    setError(null)
  }

  async function run<T>(call: () => Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>, done: (data: T) => void) {
    if (busy) return
    setBusy(true)
    setError(null)
    const res = await call()
    setBusy(false)
    if (!res.ok) return setError(res.error.message)
    setPending(null)
    done(res.data)
  }

  const issue = () =>
    run(
      () => callFunction('roster', 'issueInvite', { memberId: m.id }),
      async (invite: InviteIssued) => {
        onIssued(invite)
        // 按钮可能在屏幕下方：把邀请码滚到眼前
        setTimeout(() => void Taro.pageScrollTo({ selector: '.invite', duration: 300 }), 50)
        // 详情里的「邀请码待使用」随之更新
        const fresh = await callFunction('roster', 'get', { memberId: m.id })
        if (fresh.ok) onChanged(fresh.data, '')
      },
    )

  const confirmPanel = (() => {
    const common = { busy, error, onCancel: () => open(null) }
    switch (pending) {
      case 'invite':
        return (
          <ConfirmPanel
            {...common}
            title='重新签发邀请码'
            message='原来那个还没用的邀请码会立即作废，本人需要使用新的邀请码。'
            confirmLabel='确认重新签发'
            onConfirm={() => void issue()}
          />
        )
      case 'retire':
        return (
          <ConfirmPanel
            {...common}
            title={`让 ${m.name} 退出`}
            message='退出后不再在册，微信绑定随之解除，未用的邀请码作废；历史记录全部保留。'
            reasonLabel='退出原因'
            confirmLabel='确认退出'
            onConfirm={(reason) =>
              void run(
                () => callFunction('roster', 'retire', { memberId: m.id, reason }),
                (d: MemberDetail) => onChanged(d, `${m.name} 已退出`),
              )
            }
          />
        )
      case 'unbind':
        return (
          <ConfirmPanel
            {...common}
            title={`解除 ${m.name} 的微信绑定`}
            message='解除后这个微信不能再以本人身份使用小程序；本人换了微信时，再签发一个邀请码重新绑定。'
            reasonLabel='解除原因'
            confirmLabel='确认解除绑定'
            onConfirm={(reason) =>
              void run(
                () => callFunction('roster', 'unbind', { memberId: m.id, reason }),
                (d: MemberDetail) => onChanged(d, '已解除微信绑定'),
              )
            }
          />
        )
      case 'admin':
        return (
          <ConfirmPanel
            {...common}
            title={m.isAdmin ? `撤销 ${m.name} 的管理员角色` : `设 ${m.name} 为管理员`}
            message={m.isAdmin ? '撤销后将不能再管理成员和组织结构。' : '管理员可以查看、修改全部成员资料（含手机号、政治面貌），并管理组织结构。'}
            confirmLabel={m.isAdmin ? '确认撤销' : '确认设为管理员'}
            onConfirm={() =>
              void run(
                () => callFunction('roster', 'setAdmin', { memberId: m.id, admin: !m.isAdmin }),
                (d: MemberDetail) => onChanged(d, d.isAdmin ? `已设 ${m.name} 为管理员` : `已撤销 ${m.name} 的管理员角色`),
              )
            }
          />
        )
      default:
        return null
    }
  })()

  return (
    <View className='ui-card'>
      <Text className='ui-card__title'>操作</Text>
      {issued && <InviteCard invite={issued} />}
      {active && !m.bound && (
        <View className='action'>
          <Text className='action__desc'>
            {issued
              ? '上面这个邀请码在本人使用前一直有效；重新签发会让它作废。'
              : m.invitePending
                ? '已有一个未使用的邀请码。若本人没收到或忘了，可以重新签发。'
                : '本人还没有绑定微信：签发邀请码后告诉本人，本人凭码和姓名完成绑定。'}
          </Text>
          <Button kind='primary' block off={busy} onClick={() => (m.invitePending ? open('invite') : void issue())}>
            {m.invitePending ? '重新签发邀请码' : '签发邀请码'}
          </Button>
        </View>
      )}
      {m.bound && <Text className='action__desc'>本人已绑定微信。</Text>}
      {manager.isAdmin && (
        <View className='ui-btn-row'>
          {(active || m.isAdmin) && <Button onClick={() => open('admin')}>{m.isAdmin ? '撤销管理员' : '设为管理员'}</Button>}
          {m.bound && (
            <Button kind='danger' onClick={() => open('unbind')}>
              解除微信绑定
            </Button>
          )}
          {active && (
            <Button kind='danger' onClick={() => open('retire')}>
              办理退出
            </Button>
          )}
        </View>
      )}
      {confirmPanel}
      {!pending && error && <Notice kind='error'>{error}</Notice>}
    </View>
  )
}

function MemberPage({ manager, memberId }: { manager: Manager; memberId: string }) {
  const detail = useLoad(() => callFunction('roster', 'get', { memberId }), [memberId])
  const [editing, setEditing] = useState(false)
  const [note, setNote] = useState('')
  // 刚签发的邀请码只在这次返回里出现：放在页面这一层，切到编辑再回来也还在
  const [issued, setIssued] = useState<InviteIssued | null>(null)
  const m = detail.data

  if (!m) {
    return <LoadStatus loaded={detail} what='成员资料' />
  }
  const changed = (fresh: MemberDetail, message: string) => {
    detail.replace(fresh)
    setNote(message)
  }
  return (
    <View>
      <View className='member-head'>
        <Text className='member-head__name'>{m.name}</Text>
        <Text className='member-head__sub'>
          {m.position} · {MEMBER_STATUS_LABELS[m.status]}
          {m.isAdmin ? ' · 管理员' : ''}
        </Text>
      </View>
      {note && (
        <View className='member-note'>
          <Notice kind='success'>{note}</Notice>
        </View>
      )}
      {editing && issued && (
        <View className='member-note'>
          <InviteCard invite={issued} />
        </View>
      )}
      {editing ? (
        <EditPanel
          m={m}
          manager={manager}
          onCancel={() => setEditing(false)}
          onSaved={(fresh) => {
            setEditing(false)
            changed(fresh, '资料已保存')
          }}
        />
      ) : (
        <View>
          <MemberInfo m={m} />
          <View className='member-edit'>
            <Button
              block
              onClick={() => {
                setNote('')
                setEditing(true)
              }}
            >
              {manager.isAdmin ? '编辑资料' : '修改姓名或手机号'}
            </Button>
          </View>
          <MemberActions m={m} manager={manager} onChanged={changed} issued={issued} onIssued={setIssued} />
        </View>
      )}
    </View>
  )
}

export default function MemberDetailPage() {
  const { params } = useRouter()
  const memberId = params.id ?? ''
  return (
    <AdminShell title='成员资料'>
      {(manager) => (memberId ? <MemberPage manager={manager} memberId={memberId} /> : <Text className='ui-state'>没有指定成员，请从成员名册进入。</Text>)}
    </AdminShell>
  )
}
