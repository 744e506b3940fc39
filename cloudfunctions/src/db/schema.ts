import type { ColumnType, Generated } from 'kysely';
import type {
  Gender,
  Affiliation,
  BranchDuty,
  BranchKind,
  MemberKind,
  MembershipKind,
  PartyOrgLevel,
  Position,
  PointsTrack,
  PointsCategory,
  RuleBasis,
  FiveOneItem,
  EventKind,
  AudienceKind,
  CheckinMethod,
} from '@tongxin/shared-types';

import type { SuggestionTables } from './schema-suggestions';

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
  /** 临时党支部的起止日期（YYYY-MM-DD） */
  starts_on: ColumnType<string | null, string | null | undefined, string | null | undefined>;
  ends_on: ColumnType<string | null, string | null | undefined, string | null | undefined>;
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
  /** 姓名的拼音排序键（domain/name-sort）；写姓名时一并写 */
  name_sort: string;
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
  gender: ColumnType<Gender | null, Gender | null | undefined, Gender | null | undefined>;
  ethnicity: ColumnType<string | null, string | null | undefined, string | null | undefined>;
  /** 出生年月 YYYY-MM */
  birth_month: ColumnType<string | null, string | null | undefined, string | null | undefined>;
  /** 工作单位及职务 */
  work_unit: ColumnType<string | null, string | null | undefined, string | null | undefined>;
  /** 届次，如“第十五届” */
  term: ColumnType<string | null, string | null | undefined, string | null | undefined>;
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
  /** 作废人（重新签发、办理退出、角色变化时）；迁移 011 之前作废的为 null */
  revoked_by: string | null;
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

export interface PointsRuleTable {
  org_id: string;
  id: Generated<string>;
  code: string;
  version: number;
  name: string;
  track: PointsTrack;
  category: PointsCategory;
  basis: RuleBasis;
  points: number;
  min_points: number | null;
  max_points: number | null;
  yearly_cap: number | null;
  /** 每人每年只记一次（民主评议）；由 award_points 执行 */
  once_per_year: Generated<boolean>;
  applies_to: 'cpc' | 'all';
  active: Generated<boolean>;
  description: Generated<string>;
  created_at: CreatedAt;
  created_by: string | null;
  superseded_at: Timestamp | null;
}

export interface PointsEntryTable {
  org_id: string;
  id: Generated<string>;
  member_id: string;
  year: number;
  track: PointsTrack;
  category: PointsCategory;
  rule_id: string | null;
  rule_code: string;
  points: number;
  requested_points: number;
  source_kind: string;
  source_id: string;
  source_title: string;
  idempotency_key: string;
  reason: Generated<string>;
  operator_id: string | null;
  operator_name: string | null;
  reverses_entry_id: string | null;
  created_at: Timestamp;
  seq: Generated<string>;
}

export interface PointsYearTable {
  org_id: string;
  year: number;
  closed_at: Timestamp;
  closed_by: string;
}

export interface FiveOneFulfilmentTable {
  org_id: string;
  id: Generated<string>;
  member_id: string;
  year: number;
  item: FiveOneItem;
  source_kind: string;
  source_id: string;
  title: string;
  at: Timestamp;
  recorded_by: string | null;
}

export interface PointsAppealTable {
  org_id: string;
  id: Generated<string>;
  entry_id: string;
  member_id: string;
  reason: string;
  status: Generated<'pending' | 'accepted' | 'rejected'>;
  answer: string | null;
  answered_by: string | null;
  answered_by_name: string | null;
  answered_at: Timestamp | null;
  created_at: Timestamp;
}

export interface OrgSettingTable {
  org_id: string;
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface EventTable {
  org_id: string;
  id: Generated<string>;
  short_code: string;
  kind: EventKind;
  title: string;
  place: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  checkin_opens_at: Timestamp;
  checkin_closes_at: Timestamp;
  late_after: Timestamp;
  rotate_seconds: number;
  geo_lat: number | null;
  geo_lng: number | null;
  geo_radius_m: number | null;
  status: Generated<'scheduled' | 'cancelled'>;
  cancel_reason: string | null;
  owner_branch_id: string | null;
  organiser_id: string;
  finalized_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** 每次改动由触发器加一（迁移 007） */
  revision: Generated<number>;
  /** 开始后才建的补录记录；书记补录的等办公室确认才记分（迁移 012） */
  backfill: Generated<boolean>;
  backfill_confirmed_at: Timestamp | null;
  backfill_confirmed_by: string | null;
  /** 会议记录的抬头：议程、主持人、记录人（迁移 013） */
  agenda: string | null;
  host_name: string | null;
  recorder_name: string | null;
}

export interface EventAudienceTable {
  org_id: string;
  event_id: string;
  target_kind: AudienceKind;
  target_id: string | null;
}

export interface AttendanceTable {
  org_id: string;
  event_id: string;
  member_id: string;
  checked_in_at: Timestamp;
  received_at: Timestamp;
  method: CheckinMethod;
  late: boolean;
  proxy_by: string | null;
  proxy_reason: string | null;
  /** 分还在等确认：'offline' 离线补交等组织者，'backfill' 补录等办公室；NULL 已记分（迁移 012） */
  confirmation: Generated<'offline' | 'backfill' | null>;
}

export interface LeaveRequestTable {
  org_id: string;
  id: Generated<string>;
  event_id: string;
  member_id: string;
  reason: string;
  status: Generated<'pending' | 'approved' | 'refused' | 'withdrawn'>;
  answer: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  created_at: Timestamp;
  /** 审批前由本人撤回（迁移 013） */
  withdrawn_at: Timestamp | null;
}

/** 会议记录里的发言要点（迁移 013） */
export interface MeetingSpeechTable {
  org_id: string;
  id: Generated<string>;
  event_id: string;
  member_id: string | null;
  speaker_name: string;
  content: string;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RollCallTable {
  org_id: string;
  event_id: string;
  member_id: string;
  call_order: number;
  called_at: Timestamp;
  called_by: string;
  note: string | null;
}

export interface StudyNoteTable {
  org_id: string;
  event_id: string;
  member_id: string;
  content: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface StudyMaterialTable {
  org_id: string;
  id: Generated<string>;
  title: string;
  category: string;
  body_markdown: string;
  body_html: string;
  source: string | null;
  attachments: ColumnType<Array<{ fileId: string; name: string }>, string, string>;
  links: ColumnType<Array<{ label: string; url: string }>, string, string>;
  status: ColumnType<'published' | 'withdrawn', 'published' | 'withdrawn' | undefined, 'published' | 'withdrawn'>;
  created_by: string;
  published_at: Timestamp;
  updated_at: Timestamp;
  withdrawn_at: Timestamp | null;
  /** 支部书记发布的材料：所属支部（迁移 023）；办公室发布的为空 */
  branch_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface StudyAssignmentTable {
  org_id: string;
  id: Generated<string>;
  material_id: string;
  due_at: Timestamp;
  created_by: string;
  created_at: Timestamp;
}

export interface StudyAssignmentAudienceTable {
  org_id: string;
  assignment_id: string;
  target_kind: 'all' | 'branch' | 'committee' | 'sector' | 'member';
  target_id: string | null;
}

export interface StudyReadingTable {
  org_id: string;
  material_id: string;
  member_id: string;
  finished_at: Timestamp;
}

export interface StudyFavouriteTable {
  org_id: string;
  material_id: string;
  member_id: string;
  created_at: Timestamp;
}

export interface MaterialNoteTable {
  org_id: string;
  material_id: string;
  member_id: string;
  content: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface QuizQuestionTable {
  org_id: string;
  id: Generated<string>;
  bank: string;
  kind: 'single' | 'multiple' | 'truefalse';
  stem: string;
  options: ColumnType<string[], string, string>;
  answer: ColumnType<number[], string, string>;
  explanation: string;
  created_by: string;
  created_at: Timestamp;
}

export interface QuizTable {
  org_id: string;
  id: Generated<string>;
  title: string;
  bank: string;
  question_count: number;
  pass_score: number;
  max_attempts: number;
  opens_at: Timestamp;
  closes_at: Timestamp;
  created_by: string;
  created_at: Timestamp;
}

export interface QuizAudienceTable {
  org_id: string;
  quiz_id: string;
  target_kind: 'all' | 'branch' | 'committee' | 'sector' | 'member';
  target_id: string | null;
}

export interface QuizAttemptTable {
  org_id: string;
  id: Generated<string>;
  quiz_id: string;
  member_id: string;
  attempt_no: number;
  question_ids: ColumnType<string[], string, string>;
  started_at: Timestamp;
  submitted_at: Timestamp | null;
  answers: ColumnType<Array<{ questionId: string; choice: number[] }> | null, string | null, string | null>;
  correct: number | null;
  score: number | null;
  passed: boolean | null;
}

export interface CheckinAttemptTable {
  org_id: string;
  event_id: string;
  member_id: string;
  at: Timestamp;
}

export interface NotificationTable {
  org_id: string;
  id: Generated<string>;
  member_id: string;
  title: string;
  body: string;
  event_id: string | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
  /** 通知的类别与要打开的页面、所说的事（迁移 013；见 hub/notices.ts） */
  kind: Generated<string>;
  link: string | null;
  subject_id: string | null;
}

/** 客户端上传的文件：第一次交给函数时登记，有记录引用时标记；一天后无人引用的被清理 */
export interface FileUploadTable {
  file_id: string;
  org_id: string;
  purpose: string;
  uploaded_by: string | null;
  seen_at: Timestamp;
  used_at: Timestamp | null;
  used_by: string | null;
}

/** 每人每类模板还能收几次订阅消息（迁移 030） */
export interface ReminderSubscriptionTable {
  org_id: string;
  member_id: string;
  template_key: string;
  remaining: Generated<number>;
  refused_at: Timestamp | null;
  updated_at: Timestamp;
}

/** 短信提醒：本人开通（及手机号）、办公室为未绑定的成员开通（迁移 030） */
export interface ReminderContactTable {
  org_id: string;
  member_id: string;
  sms_opt_in: Generated<boolean>;
  sms_phone: string | null;
  office_sms: Generated<boolean>;
  updated_at: Timestamp;
}

/** 一次投递（迁移 030）：幂等键唯一，发送中的行带租约 */
export interface DeliveryTable {
  org_id: string;
  id: Generated<string>;
  idem_key: string;
  kind: string;
  member_id: string;
  subject_id: string | null;
  template_key: string;
  round: Generated<number>;
  payload: ColumnType<Record<string, unknown>, string, string>;
  status: Generated<'pending' | 'sending' | 'sent' | 'unreached'>;
  channel: 'subscribe' | 'sms' | null;
  reason: string | null;
  attempts: Generated<number>;
  lease_until: Timestamp | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface SmsUsageTable {
  org_id: string;
  month: string;
  used: Generated<number>;
}

/** 本地模式的发件箱（迁移 030） */
export interface DevOutboxTable {
  id: Generated<string>;
  org_id: string;
  delivery_id: string | null;
  channel: string;
  recipient: string;
  template_id: string;
  page: string | null;
  data: ColumnType<Record<string, unknown>, string, string>;
  sent_at: Timestamp;
}

export interface Database extends SuggestionTables {
  reminder_subscription: ReminderSubscriptionTable;
  reminder_contact: ReminderContactTable;
  delivery: DeliveryTable;
  sms_usage: SmsUsageTable;
  dev_outbox: DevOutboxTable;
  file_upload: FileUploadTable;
  event: EventTable;
  event_audience: EventAudienceTable;
  attendance: AttendanceTable;
  leave_request: LeaveRequestTable;
  roll_call: RollCallTable;
  meeting_speech: MeetingSpeechTable;
  study_note: StudyNoteTable;
  study_material: StudyMaterialTable;
  study_assignment: StudyAssignmentTable;
  study_assignment_audience: StudyAssignmentAudienceTable;
  study_reading: StudyReadingTable;
  study_favourite: StudyFavouriteTable;
  material_note: MaterialNoteTable;
  quiz_question: QuizQuestionTable;
  quiz: QuizTable;
  quiz_audience: QuizAudienceTable;
  quiz_attempt: QuizAttemptTable;
  checkin_attempt: CheckinAttemptTable;
  notification: NotificationTable;
  points_rule: PointsRuleTable;
  points_entry: PointsEntryTable;
  points_year: PointsYearTable;
  five_one_fulfilment: FiveOneFulfilmentTable;
  points_appeal: PointsAppealTable;
  org_setting: OrgSettingTable;
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
