import { useState } from 'react'
import { Button as TaroButton, Text, View } from '@tarojs/components'
import type { MemberDetail, OrgTree } from '@tongxin/shared-types'
import { callFunction } from '../../services/cloud'
import { deliverSpreadsheet } from '../../services/download'
import { AdminShell } from '../components/AdminShell'
import { BatchInvites } from './BatchInvites'
import { bindingStatus, pageCount } from '../shared/format'
import { ADMIN_PAGES, go } from '../shared/nav'
import { branchesOf } from '../shared/org'
import { useLoad } from '../../hooks/useLoad'
import type { MyRoles as Manager } from '../../hooks/useMyRoles'
import { useReturnRefresh } from '../../hooks/useReturnRefresh'
import { Button } from '../../components/Button'
import { ChoiceChips, SelectList } from '../../components/Chips'
import { TextField } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { Pager } from '../../components/Pager'
import { LoadStatus } from '../../components/PageState'
import '../../components/Card.scss'
import './index.scss'

export const PAGE_SIZE = 20

type Status = 'active' | 'retired' | 'all'
const STATUS_OPTIONS = [
  { value: 'active' as const, label: '在册' },
  { value: 'retired' as const, label: '已退出' },
  { value: 'all' as const, label: '全部' },
]

interface Query {
  q: string
  branchId: string | null
  committeeId: string | null
  sectorId: string | null
  status: Status
  page: number
}

const BINDING_TAG = { 已绑定: 'ui-tag ui-tag--ok', 邀请码待使用: 'ui-tag ui-tag--wait', 未绑定: 'ui-tag ui-tag--none' } as const

function MemberRow({ m }: { m: MemberDetail }) {
  const binding = bindingStatus(m)
  return (
    <TaroButton className='member-row' onClick={() => go(ADMIN_PAGES.member(m.id))}>
      <View className='member-row__name'>
        {m.name}
        {m.status === 'retired' && <Text className='ui-tag ui-tag--closed'>已退出</Text>}
      </View>
      <View className='member-row__meta'>
        <Text className='member-row__cell'>{m.position}</Text>
        <Text className='member-row__cell'>{m.sector?.name ?? '无界别'}</Text>
      </View>
      <View className='member-row__status'>
        <Text className={BINDING_TAG[binding]}>{binding}</Text>
      </View>
    </TaroButton>
  )
}

function Filters({ manager, tree, query, onChange }: { manager: Manager; tree: OrgTree | null; query: Query; onChange: (patch: Partial<Query>) => void }) {
  // 书记只能按自己管理的支部筛（服务端对别的支部会答「只能管理您所在支部」）
  const branches = branchesOf(tree?.units ?? [], true).filter((b) => manager.isAdmin || manager.managedBranchIds.includes(b.id))
  return (
    <View className='filters'>
      <SelectList
        label='支部'
        value={query.branchId}
        noneLabel={manager.isAdmin ? '不限' : '我管理的全部支部'}
        options={branches.map((b) => ({ value: b.id, label: b.status === 'closed' ? `${b.name}（已撤销）` : b.name }))}
        onChange={(branchId) => onChange({ branchId })}
      />
      <SelectList
        label='专委会'
        value={query.committeeId}
        noneLabel='不限'
        options={(tree?.committees ?? []).map((c) => ({ value: c.id, label: c.name }))}
        onChange={(committeeId) => onChange({ committeeId })}
      />
      <SelectList
        label='界别'
        value={query.sectorId}
        noneLabel='不限'
        options={(tree?.sectors ?? []).map((s) => ({ value: s.id, label: s.name }))}
        onChange={(sectorId) => onChange({ sectorId })}
      />
      <ChoiceChips label='状态' options={STATUS_OPTIONS} value={query.status} onChange={(status) => onChange({ status })} />
    </View>
  )
}

/** 页面上的搜索与筛选 → 名册列表与导出共用的条件（没选的不发） */
const filtersOf = (query: Query) => ({
  q: query.q || undefined,
  branchId: query.branchId ?? undefined,
  committeeId: query.committeeId ?? undefined,
  sectorId: query.sectorId ?? undefined,
  status: query.status,
})

/** 批量签发只看搜索与支部/专委会/界别：只签在册、未绑定的人，“状态”不适用 */
const inviteFiltersOf = (query: Query) => {
  const { status: _status, ...filters } = filtersOf(query)
  return filters
}

function MemberList({ manager }: { manager: Manager }) {
  const [query, setQuery] = useState<Query>({ q: '', branchId: null, committeeId: null, sectorId: null, status: 'active', page: 1 })
  const [search, setSearch] = useState('')
  const [showFilters, setShowFilters] = useState(false)
  const [exporting, setExporting] = useState(false)
  const [exported, setExported] = useState<{ kind: 'success' | 'error'; text: string } | null>(null)
  const tree = useLoad(() => callFunction('org', 'tree'), [])
  const list = useLoad(() => callFunction('roster', 'list', { ...filtersOf(query), page: query.page, pageSize: PAGE_SIZE }), [query])
  useReturnRefresh(list.reload)

  // 按当前的搜索与筛选条件导出（全部页）；含手机号等个人信息，服务端只许管理员导出并记入审计
  const exportRoster = async () => {
    if (exporting) return
    setExporting(true)
    setExported(null)
    setExported(await deliverSpreadsheet(await callFunction('roster', 'exportRoster', filtersOf(query))))
    setExporting(false)
  }

  // 改了条件就回到第 1 页
  const refine = (patch: Partial<Query>) => setQuery((q) => ({ ...q, ...patch, page: 1 }))
  const activeFilters = [query.branchId, query.committeeId, query.sectorId].filter(Boolean).length + (query.status === 'active' ? 0 : 1)
  const data = list.data

  return (
    <View>
      <View className='ui-card'>
        <View className='search'>
          <View className='search__input'>
            <TextField label='搜索姓名或手机号' value={search} onChange={setSearch} maxlength={40} placeholder='输入姓名或手机号' />
          </View>
          <Button kind='primary' className='search__btn' onClick={() => refine({ q: search.trim() })}>
            搜索
          </Button>
        </View>
        <View className='ui-btn-row'>
          <Button aria-expanded={showFilters} onClick={() => setShowFilters(!showFilters)}>
            {showFilters ? '收起筛选 ▴' : `筛选${activeFilters ? `（已选 ${activeFilters} 项）` : ''} ▾`}
          </Button>
          {(activeFilters > 0 || query.q) && (
            <Button
              onClick={() => {
                setSearch('')
                setQuery({ q: '', branchId: null, committeeId: null, sectorId: null, status: 'active', page: 1 })
              }}
            >
              清除条件
            </Button>
          )}
          {manager.isAdmin && <Button onClick={() => go(ADMIN_PAGES.memberNew)}>＋ 新增成员</Button>}
          {manager.isAdmin && (
            <Button off={exporting} onClick={() => void exportRoster()}>
              {exporting ? '正在导出…' : '导出名册'}
            </Button>
          )}
        </View>
        {showFilters && <Filters manager={manager} tree={tree.data} query={query} onChange={refine} />}
        {exported && <Notice kind={exported.kind}>{exported.text}</Notice>}
        <BatchInvites filters={inviteFiltersOf(query)} onIssued={list.reload} />
        {tree.error && showFilters && <Notice kind='error'>{tree.error.message}</Notice>}
      </View>

      {!manager.isAdmin && (
        <View className='list-note'>
          <Notice kind='info'>这里只列出您所在支部的成员。</Notice>
        </View>
      )}
      <LoadStatus loaded={list} what='成员名册' />
      {data && (
        <View>
          <View className={list.loading ? 'member-list member-list--busy' : 'member-list'} aria-busy={list.loading}>
            <View className='member-list__head'>
              <Text>姓名</Text>
              <Text>职务</Text>
              <Text>界别</Text>
              <Text>微信绑定</Text>
            </View>
            {data.items.map((m) => (
              <MemberRow key={m.id} m={m} />
            ))}
            {data.items.length === 0 && <Text className='member-list__empty'>没有符合条件的成员</Text>}
          </View>
          <Pager
            page={data.page}
            pages={pageCount(data.total, data.pageSize)}
            total={data.total}
            unit='人'
            busy={list.loading}
            onChange={(page) => setQuery((q) => ({ ...q, page }))}
          />
        </View>
      )}
    </View>
  )
}

export default function MembersPage() {
  return <AdminShell title='成员名册'>{(manager) => <MemberList manager={manager} />}</AdminShell>
}
