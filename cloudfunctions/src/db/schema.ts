import type { ColumnType, Generated } from 'kysely';
import type {
  Affiliation,
  BranchDuty,
  BranchKind,
  MemberKind,
  MembershipKind,
  PartyOrgLevel,
  Position,
} from '@tongxin/shared-types';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OrganisationTable {
  id: Generated<string>;
  name: string;
  code: string;
  created_at: CreatedAt;
}

export interface PartyOrgTable {
  org_id: string;
  id: Generated<string>;
  parent_id: string | null;
  name: string;
  level: PartyOrgLevel;
  branch_kind: BranchKind | null;
  status: Generated<'active' | 'closed'>;
  sort_order: Generated<number>;
  created_at: CreatedAt;
  closed_at: Timestamp | null;
}

export interface NamedGroupTable {
  org_id: string;
  id: Generated<string>;
  name: string;
  sort_order: Generated<number>;
}

export interface MemberTable {
  org_id: string;
  id: Generated<string>;
  name: string;
  phone: string | null;
  kind: Generated<MemberKind>;
  position: Position;
  affiliation: Affiliation;
  sector_id: string | null;
  status: Generated<'active' | 'retired'>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  retired_at: Timestamp | null;
  retire_reason: string | null;
}

export interface MemberCommitteeTable {
  org_id: string;
  member_id: string;
  committee_id: string;
}

export interface BranchMembershipTable {
  org_id: string;
  member_id: string;
  branch_id: string;
  kind: MembershipKind;
  duty: Generated<BranchDuty>;
  joined_at: CreatedAt;
}

export interface MemberRoleTable {
  org_id: string;
  member_id: string;
  role: 'admin';
}

export interface WxBindingTable {
  openid: string;
  org_id: string;
  member_id: string;
  bound_at: CreatedAt;
}

export interface InviteCodeTable {
  org_id: string;
  id: Generated<string>;
  member_id: string;
  code_hash: string;
  issued_by: string;
  issued_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  used_by_openid: string | null;
  revoked_at: Timestamp | null;
}

export interface BindAttemptTable {
  id: Generated<string>;
  openid: string;
  at: Timestamp;
  reason: string;
}

export interface AuditLogTable {
  org_id: string;
  id: Generated<string>;
  at: Timestamp;
  actor_member_id: string | null;
  actor_name: string;
  action: string;
  target_kind: string;
  target_id: string | null;
  summary: string;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface Database {
  invite_code: InviteCodeTable;
  bind_attempt: BindAttemptTable;
  audit_log: AuditLogTable;
  organisation: OrganisationTable;
  party_org: PartyOrgTable;
  committee: NamedGroupTable;
  sector: NamedGroupTable;
  member: MemberTable;
  member_committee: MemberCommitteeTable;
  branch_membership: BranchMembershipTable;
  member_role: MemberRoleTable;
  wx_binding: WxBindingTable;
}
