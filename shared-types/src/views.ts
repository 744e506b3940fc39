import type { Affiliation, BranchKind, Gender, BranchMembershipView, MemberKind, NamedRef, PartyOrgLevel, Position } from './domain';

export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** 管理端看到的成员（手机号、政治面貌按查看者的权限脱敏） */
export interface MemberDetail {
  id: string;
  name: string;
  /** 无权查看时为脱敏号码，如 139****5678 */
  phone: string | null;
  phoneMasked: boolean;
  kind: MemberKind;
  position: Position;
  /** 无权查看时为 null */
  affiliation: Affiliation | null;
  sector: NamedRef | null;
  committees: NamedRef[];
  branches: BranchMembershipView[];
  status: 'active' | 'retired';
  retiredAt: string | null;
  retireReason: string | null;
  isAdmin: boolean;
  bound: boolean;
  /** 有未使用且未过期的邀请码 */
  invitePending: boolean;
  gender: Gender | null;
  /** 无权查看时为 null（与政治面貌一样是个人敏感信息） */
  ethnicity: string | null;
  /** 出生年月 YYYY-MM；无权查看时为 null */
  birthMonth: string | null;
  /** 工作单位及职务 */
  workUnit: string | null;
  /** 届次，如“第十五届” */
  term: string | null;
  /** 最近一次作废的邀请码：谁何时签发、谁何时作废（重新签发、退出、角色变化）；办公室据此看得到谁作废了哪个邀请码 */
  lastVoidedInvite: VoidedInviteView | null;
}

export interface VoidedInviteView {
  issuedByName: string;
  issuedAt: string;
  /** 迁移 011 之前作废的不知道是谁 */
  voidedByName: string | null;
  voidedAt: string;
}

export type MemberPage = PageOf<MemberDetail>;

/** 成员状态：在册的成员一律叫“在册”（页面、导出、审计同一个词） */
export const MEMBER_STATUS_LABELS: Record<MemberDetail['status'], string> = { active: '在册', retired: '已退出' };

export interface InviteIssued {
  memberId: string;
  memberName: string;
  /** 明文邀请码：只在签发时出现这一次 */
  code: string;
  expiresAt: string;
}

/** 批量签发的一张邀请码：连同支部、界别，便于分发 */
export interface BatchInvite extends InviteIssued {
  /** 所在支部（多个用顿号隔开），没有时为空串 */
  branchNames: string;
  sectorName: string | null;
}

/** 批量签发的结果：明文邀请码只在这一次返回里出现（页面逐个可复制，表格可下载分发） */
export interface BatchInvitesIssued {
  invites: BatchInvite[];
  /** 没有签发的：书记压不住的人（管理员、支部书记等），已有未过期邀请码的人（未选重新签发时） */
  skipped: { above: number; pending: number };
  /** 分发用的表格（姓名、支部、界别、邀请码、有效期）；一张也没签发时为 null */
  file: { fileName: string; contentBase64: string } | null;
}

export interface PartyOrgNode {
  id: string;
  parentId: string | null;
  name: string;
  level: PartyOrgLevel;
  branchKind: BranchKind | null;
  status: 'active' | 'closed';
  memberCount: number;
  /** 临时党支部的起止日期（YYYY-MM-DD）；其他组织为 null */
  startsOn?: string | null;
  endsOn?: string | null;
}

export interface OrgTree {
  units: PartyOrgNode[];
  committees: NamedRef[];
  sectors: NamedRef[];
}

export interface ImportRowError {
  /** 文件中的行号（表头是第 1 行） */
  line: number;
  name: string;
  reasons: string[];
}

export interface ImportPreview {
  total: number;
  valid: number;
  errors: ImportRowError[];
  /** 前几条有效行，供核对；cells 是这一行在 columns 各列上将写入的值 */
  sample: Array<{ line: number; name: string; phone: string | null; sector: string | null; affiliation: string; position: string; cells: string[] }>;
  /** 文件里认得、会写入的列（按文件里的顺序） */
  columns: string[];
  /** 文件里认不得、不会写入的列（表头写错了的在这里） */
  ignoredColumns: string[];
}

export interface ImportResult {
  created: number;
  skipped: number;
  errors: ImportRowError[];
}

export interface AuditEntryView {
  id: string;
  at: string;
  actorName: string;
  action: string;
  targetKind: string;
  targetId: string | null;
  summary: string;
}
