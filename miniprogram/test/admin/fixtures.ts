import type { MemberDetail, MemberProfile, OrgTree } from '@tongxin/shared-types'
import { routeCalls as sharedRouteCalls, type Handler } from '../calls'
import { zhangProfile } from '../fixtures'

/** 办公室管理员 */
export const adminProfile: MemberProfile = {
  ...zhangProfile,
  id: 'm-admin',
  name: '周敏',
  kind: 'staff',
  position: '机关干部',
  roles: ['staff', 'admin'],
  branches: [{ branchId: 'b-1', branchName: '机关党支部', branchKind: '机关支部', kind: 'primary', duty: '支委' }],
}

/** 经济委功能型党支部书记（管理 b-2） */
export const secretaryProfile: MemberProfile = zhangProfile

export const tree: OrgTree = {
  units: [
    { id: 'u-root', parentId: null, name: '中共示例市政协党组', level: '党组', branchKind: null, status: 'active', memberCount: 0 },
    { id: 'b-1', parentId: 'u-root', name: '机关党支部', level: '党支部', branchKind: '机关支部', status: 'active', memberCount: 9 },
    { id: 'b-2', parentId: 'u-root', name: '经济委功能型党支部', level: '党支部', branchKind: '功能型党支部', status: 'active', memberCount: 6 },
    { id: 'b-3', parentId: 'u-root', name: '全会临时党支部', level: '党支部', branchKind: '临时党支部', status: 'closed', memberCount: 0 },
  ],
  committees: [
    { id: 'c-1', name: '经济委员会' },
    { id: 'c-2', name: '提案委员会' },
  ],
  sectors: [
    { id: 's-1', name: '经济界' },
    { id: 's-2', name: '教育界' },
  ],
}

export function member(overrides: Partial<MemberDetail> = {}): MemberDetail {
  return {
    id: 'm-10',
    name: '王秀兰',
    phone: '13912345678',
    phoneMasked: false,
    kind: 'committee_member',
    position: '委员',
    affiliation: '中共党员',
    sector: { id: 's-1', name: '经济界' },
    committees: [{ id: 'c-1', name: '经济委员会' }],
    branches: [{ branchId: 'b-2', branchName: '经济委功能型党支部', branchKind: '功能型党支部', kind: 'functional', duty: '党员' }],
    status: 'active',
    retiredAt: null,
    retireReason: null,
    isAdmin: false,
    bound: false,
    invitePending: false,
    lastVoidedInvite: null,
    gender: '女',
    ethnicity: '汉族',
    birthMonth: '1962-05',
    workUnit: '市第一中学 副校长',
    term: '第十五届',
    ...overrides,
  }
}

export { fail, ok } from '../calls'

/** 按「函数.操作」回答的假后端（共用 test/calls.ts）；mock 即被 jest.mock 换掉的 callFunction */
export type Handlers = Record<string, Handler>
export function routeCalls(_mock: jest.Mock, handlers: Handlers): void {
  sharedRouteCalls(handlers)
}

/** 设好演示身份与本人资料（管理页据此判断角色） */
export function actAs(
  profile: MemberProfile,
  store: { getState: () => { chooseDevIdentity: (i: never) => void; rememberProfile: (p: MemberProfile) => void } },
): void {
  store.getState().chooseDevIdentity({ openid: `dev-${profile.id}`, name: profile.name, roles: profile.roles, description: '' } as never)
  store.getState().rememberProfile(profile)
}
