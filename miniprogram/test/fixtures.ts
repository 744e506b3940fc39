import type { DevIdentity, MemberProfile } from '@tongxin/shared-types'

export const zhang: DevIdentity = {
  openid: 'dev-zhang',
  name: '张建国',
  roles: ['member', 'secretary'],
  description: '经济委功能型党支部书记',
}
export const li: DevIdentity = { openid: 'dev-li', name: '李秀英', roles: ['member'], description: '民进界别委员' }
export const identities = [zhang, li]

export const zhangProfile: MemberProfile = {
  id: 'm-1',
  orgId: 'org-1',
  orgName: '示例市政协',
  name: '张建国',
  phone: '13800001234',
  kind: 'committee_member',
  position: '常委',
  affiliation: '中共党员',
  sector: { id: 's-1', name: '经济界' },
  committees: [
    { id: 'c-1', name: '经济委' },
    { id: 'c-2', name: '提案委' },
  ],
  roles: ['member', 'secretary'],
  branches: [
    { branchId: 'b-1', branchName: '市发改委第二党支部', branchKind: '机关支部', kind: 'primary', duty: '党员' },
    { branchId: 'b-2', branchName: '经济委功能型党支部', branchKind: '功能型党支部', kind: 'functional', duty: '书记' },
  ],
}

export const liProfile: MemberProfile = {
  ...zhangProfile,
  id: 'm-2',
  name: '李秀英',
  phone: null,
  position: '委员',
  affiliation: '民进',
  sector: { id: 's-2', name: '教育界' },
  committees: [],
  roles: ['member'],
  branches: [],
}
