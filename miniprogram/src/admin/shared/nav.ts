import Taro from '@tarojs/taro'

/** 管理分包里的页面地址（集中一处，改路由时不漏） */
export const ADMIN_PAGES = {
  hub: '/admin/index/index',
  members: '/admin/members/index',
  member: (id: string) => `/admin/member/index?id=${encodeURIComponent(id)}`,
  memberNew: '/admin/member-new/index',
  import: '/admin/import/index',
  org: '/admin/org/index',
  audit: '/admin/audit/index',
  reminders: '/admin/reminders/index',
} as const

export function go(url: string): void {
  void Taro.navigateTo({ url })
}
