import { View } from '@tarojs/components'
import { PageHead } from '../../components/Card'
import { ListRow } from '../../components/ListRow'
import { AdminShell } from '../components/AdminShell'
import type { MyRoles as Manager } from '../../hooks/useMyRoles'
import { ADMIN_PAGES, go } from '../shared/nav'
import './index.scss'

interface Entry {
  title: string
  desc: string
  url: string
  /** 只有管理员可用 */
  adminOnly: boolean
}

const ENTRIES: Entry[] = [
  { title: '成员名册', desc: '查找成员，查看资料，签发绑定用的邀请码', url: ADMIN_PAGES.members, adminOnly: false },
  { title: '新增成员', desc: '登记一位新委员或机关干部', url: ADMIN_PAGES.memberNew, adminOnly: true },
  { title: '从表格导入', desc: '用 Excel 或 CSV 表格一次登记多名成员', url: ADMIN_PAGES.import, adminOnly: true },
  { title: '组织结构', desc: '党组织、临时党支部、专委会与界别', url: ADMIN_PAGES.org, adminOnly: true },
  { title: '操作记录', desc: '谁在什么时候改了什么（审计日志）', url: ADMIN_PAGES.audit, adminOnly: true },
  { title: '提醒与短信', desc: '短信开关、每月额度、发送记录', url: ADMIN_PAGES.reminders, adminOnly: true },
]

function Hub({ manager }: { manager: Manager }) {
  const entries = ENTRIES.filter((e) => manager.isAdmin || !e.adminOnly)
  return (
    <View>
      <PageHead title='管理' sub={manager.isAdmin ? '政协办公室管理员' : '支部书记：只能管理本支部的成员'} />
      <View className='hub-list'>
        {entries.map((e) => (
          <ListRow key={e.url} title={e.title} desc={e.desc} trailing='进入 ›' onClick={() => go(e.url)} />
        ))}
      </View>
    </View>
  )
}

export default function AdminHubPage() {
  return <AdminShell title='管理'>{(manager) => <Hub manager={manager} />}</AdminShell>
}
