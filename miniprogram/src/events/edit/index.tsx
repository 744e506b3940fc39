import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { EventView } from '@tongxin/shared-types'
// 只取常量所在的文件：包入口会连带 zod，进了小程序包（主包因此曾多出约 110 KB）
import { defaultEventKindFor, eventKindsFor } from '@tongxin/shared-types/src/events'
import { PageShell } from '../../components/PageShell'
import { callFunction } from '../../services/cloud'
import { EVENT_PAGES } from '../../pages/index/myStatus'
import { useLoad } from '../../hooks/useLoad'
import { useSubmit } from '../../hooks/useSubmit'
import { useMyRoles, type MyRoles } from '../../hooks/useMyRoles'
import { RoleGate } from '../../components/RoleGate'
import { AudiencePicker } from './AudiencePicker'
import { CancelPanel } from './CancelPanel'
import { LocationField, PickerField } from './Fields'
import {
  CLOSES_CHOICES,
  KIND_GROUPS,
  LATE_CHOICES,
  OPENS_BEFORE_CHOICES,
  draftForCopy,
  draftFromEvent,
  draftProblem,
  emptyDraft,
  toInput,
  withCurrent,
  type EventDraft,
} from './form'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { ChoiceChips, SelectList } from '../../components/Chips'
import { TextField } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { LoadStatus, Skeleton } from '../../components/PageState'
import './index.scss'

const rolesOf = (o: MyRoles) => (o.isAdmin ? ['admin'] : ['secretary'])

/** 新建时的缺省：书记以本人管理的第一个支部主办、面向该支部，类型是最常办的主题党日；管理员不预设对象 */
function initialDraft(o: MyRoles): EventDraft {
  const kind = defaultEventKindFor(rolesOf(o)) ?? undefined
  if (o.isAdmin) return emptyDraft(new Date(), null, [], kind)
  const branch = o.profile.branches.find((b) => o.managedBranchIds.includes(b.branchId))
  return emptyDraft(new Date(), branch?.branchId ?? null, branch ? [{ kind: 'branch', id: branch.branchId, name: branch.branchName }] : [], kind)
}

function Saved({ event, created }: { event: EventView; created: boolean }) {
  const go = (url: string) => void Taro.redirectTo({ url })
  return (
    <Card>
      <Notice kind='success'>
        {created ? '活动已创建' : '修改已保存'}：{event.title}
        {!created ? '。时间或地点有变化时，参加人员会收到通知。' : ''}
      </Notice>
      <View className='ui-btn-row'>
        <Button kind='primary' onClick={() => go(EVENT_PAGES.screen(event.id))}>
          打开签到大屏
        </Button>
        <Button onClick={() => go(EVENT_PAGES.attendance(event.id))}>签到名单</Button>
        <Button onClick={() => go(EVENT_PAGES.manage)}>回到活动列表</Button>
      </View>
    </Card>
  )
}

export default function EditEventPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  // 照此再办一场：读那场活动，存成新的
  const copyFrom = id ? '' : (params.copy ?? '')
  const sourceId = id || copyFrom
  const { state: roles, retry } = useMyRoles()
  const organiser = roles.status === 'ready' && roles.me.isManager ? roles.me : null
  const tree = useLoad(organiser ? () => callFunction('org', 'tree') : null, [Boolean(organiser)])
  const existing = useLoad(organiser && sourceId ? () => callFunction('event', 'get', { eventId: sourceId }) : null, [Boolean(organiser), sourceId])
  const [draft, setDraft] = useState<EventDraft | null>(null)
  const { busy, error: problem, run, fail } = useSubmit()
  const [saved, setSaved] = useState<EventView | null>(null)
  const [cancelled, setCancelled] = useState(false)

  useEffect(() => {
    if (draft || !organiser) return
    if (!sourceId) setDraft(initialDraft(organiser))
    else if (existing.data) setDraft(copyFrom ? draftForCopy(existing.data, new Date()) : draftFromEvent(existing.data))
  }, [draft, organiser, sourceId, copyFrom, existing.data])

  if (!organiser)
    return (
      <PageShell>
        <RoleGate state={roles} retry={retry} need='manager'>
          {() => null}
        </RoleGate>
      </PageShell>
    )
  if (!draft) return <PageShell>{existing.error ? <LoadStatus loaded={existing} what='活动' /> : <Skeleton what='活动' />}</PageShell>
  if (cancelled)
    return (
      <PageShell>
        <Notice kind='success'>活动已取消，参加人员会收到通知。</Notice>
      </PageShell>
    )
  if (id && existing.data?.status === 'cancelled')
    return (
      <PageShell>
        <Notice kind='error'>这场活动已经取消，不能再修改。</Notice>
      </PageShell>
    )

  const set = <K extends keyof EventDraft>(key: K, value: EventDraft[K]) => setDraft({ ...draft, [key]: value })
  const branchOptions = (tree.data?.units ?? [])
    .filter((u) => u.level === '党支部' && u.status === 'active' && (organiser.isAdmin || organiser.managedBranchIds.includes(u.id)))
    .map((u) => ({ value: u.id, label: u.name }))

  const save = async () => {
    if (busy) return
    const found = draftProblem(draft, !organiser.isAdmin)
    if (found) return fail(found)
    const input = toInput(draft)
    const done = await run(() => (id ? callFunction('event', 'update', { eventId: id, ...input }) : callFunction('event', 'create', input)))
    if (done) setSaved(done.data)
  }

  // 只列出本人能办的类型（全体会议、常委会议等只有办公室能办；规则与服务器同一处：eventKindsFor）
  const allowed = eventKindsFor(rolesOf(organiser))
  const kindGroups = KIND_GROUPS.map((g) => ({ ...g, kinds: g.kinds.filter((k) => allowed.includes(k)) })).filter((g) => g.kinds.length > 0)
  if (saved)
    return (
      <PageShell>
        <Saved event={saved} created={!id} />
      </PageShell>
    )
  return (
    <PageShell>
      <Card title={id ? '修改活动' : '新建活动'}>
        {copyFrom && existing.data && (
          <Notice kind='info'>照「{existing.data.title}」新建：除日期外都已照填。请改成这次的日期；标题里如有月份，也一并改。</Notice>
        )}
        {kindGroups.map((g, i) => (
          <ChoiceChips
            key={g.title}
            label={i === 0 ? `活动类型 · ${g.title}` : g.title}
            options={g.kinds.map((k) => ({ value: k, label: k }))}
            value={g.kinds.includes(draft.kind) ? draft.kind : null}
            onChange={(k) => set('kind', k)}
          />
        ))}
        <TextField label='标题' value={draft.title} onChange={(v) => set('title', v)} placeholder='如：学习贯彻全会精神专题学习' />
        <TextField label='地点' value={draft.place} onChange={(v) => set('place', v)} placeholder='如：机关三楼会议室' />
      </Card>

      <Card title='时间与签到'>
        <PickerField
          label='日期'
          mode='date'
          value={draft.date}
          onChange={(v) => setDraft({ ...draft, date: v, endDate: draft.endDate === draft.date ? v : draft.endDate })}
        />
        <View className='edit-times'>
          <PickerField label='开始' mode='time' value={draft.startTime} onChange={(v) => set('startTime', v)} />
          <PickerField label='结束' mode='time' value={draft.endTime} onChange={(v) => set('endTime', v)} />
        </View>
        {draft.endDate !== draft.date && <PickerField label='结束日期（跨天）' mode='date' value={draft.endDate} onChange={(v) => set('endDate', v)} />}
        <ChoiceChips
          label='开始前多久开放签到'
          options={withCurrent(OPENS_BEFORE_CHOICES, draft.opensBefore).map((n) => ({ value: String(n), label: `${n} 分钟` }))}
          value={String(draft.opensBefore)}
          onChange={(v) => set('opensBefore', Number(v))}
        />
        <ChoiceChips
          label='签到截止'
          options={withCurrent(CLOSES_CHOICES, draft.closesAfterStart).map((n) => ({
            value: String(n),
            label: n === null ? '活动结束时' : `开始后 ${n} 分钟`,
          }))}
          value={String(draft.closesAfterStart)}
          onChange={(v) => set('closesAfterStart', v === 'null' ? null : Number(v))}
        />
        <ChoiceChips
          label='开始后多久算迟到'
          options={withCurrent(LATE_CHOICES, draft.lateAfterMinutes).map((n) => ({ value: String(n), label: `${n} 分钟` }))}
          value={String(draft.lateAfterMinutes)}
          onChange={(v) => set('lateAfterMinutes', Number(v))}
        />
        <TextField
          label='二维码换码间隔（秒）'
          type='number'
          value={draft.rotateSeconds}
          onChange={(v) => set('rotateSeconds', v)}
          maxlength={3}
          hint='一般用 15 秒；码换得越勤，截图转发越没用。'
        />
      </Card>

      <Card title='主办与参加对象'>
        {tree.error && <Notice kind='error'>{tree.error.message}</Notice>}
        <SelectList
          label='主办支部'
          value={draft.ownerBranchId}
          options={branchOptions}
          onChange={(v) => set('ownerBranchId', v)}
          noneLabel={organiser.isAdmin ? '不指定（由办公室组织）' : undefined}
        />
        <AudiencePicker
          value={draft.audience}
          onChange={(v) => set('audience', v)}
          tree={tree.data}
          branchIds={organiser.isAdmin ? null : organiser.managedBranchIds}
        />
      </Card>

      <Card title='位置确认'>
        <LocationField value={draft.geo} onChange={(g) => set('geo', g)} />
      </Card>

      <View className='edit-submit'>
        {problem && <Notice kind='error'>{problem.message}</Notice>}
        <Button kind='primary' size='big' block busy={busy} busyText='正在保存…' onClick={() => void save()}>
          {id ? '保存修改' : '创建活动'}
        </Button>
        {id && <Text className='ui-muted edit-submit__hint'>改了时间或地点，参加人员会收到通知。</Text>}
      </View>

      {id && <CancelPanel eventId={id} onCancelled={() => setCancelled(true)} />}
    </PageShell>
  )
}
