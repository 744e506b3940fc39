import type { ColumnType, Generated } from 'kysely';
import type {
  AdoptionLevel,
  CosignStatus,
  FeedbackKind,
  FeedbackSubject,
  Rating,
  SuggestionCategory,
  SuggestionKind,
  SuggestionStatus,
} from '@tongxin/shared-types';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** 建言与投诉建议的表（迁移 016–018） */
export interface HandlingUnitTable {
  org_id: string;
  id: Generated<string>;
  name: string;
  created_at: Generated<Date>;
}

export interface UnitStaffTable {
  org_id: string;
  id: Generated<string>;
  unit_id: string;
  name: string;
  status: Generated<'active' | 'retired'>;
  created_at: Generated<Date>;
}

export interface UnitBindingTable {
  openid: string;
  org_id: string;
  staff_id: string;
  bound_at: Timestamp;
}

export interface UnitInviteTable {
  org_id: string;
  id: Generated<string>;
  staff_id: string;
  code_hash: string;
  issued_by: string;
  issued_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface SuggestionTable {
  org_id: string;
  id: Generated<string>;
  kind: SuggestionKind;
  original_kind: SuggestionKind;
  status: Generated<SuggestionStatus>;
  author_id: string;
  title: string;
  reasons: Generated<string>;
  proposals: Generated<string>;
  category: SuggestionCategory;
  photos: Generated<string[]>;
  number: string | null;
  number_year: number | null;
  number_seq: number | null;
  reject_reason: string | null;
  is_key: Generated<boolean>;
  is_excellent: Generated<boolean>;
  adoption_level: AdoptionLevel | null;
  submitted_at: Timestamp | null;
  reviewed_at: Timestamp | null;
  assigned_at: Timestamp | null;
  due_at: Timestamp | null;
  replied_at: Timestamp | null;
  met_at: Timestamp | null;
  rating: Rating | null;
  rated_at: Timestamp | null;
  rehandled: Generated<boolean>;
  closed_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SuggestionCounterTable {
  org_id: string;
  year: number;
  last_seq: Generated<number>;
}

export interface SuggestionCosignerTable {
  org_id: string;
  suggestion_id: string;
  member_id: string;
  status: Generated<CosignStatus>;
  invited_at: Timestamp;
  answered_at: Timestamp | null;
}

export interface SuggestionUnitTable {
  org_id: string;
  suggestion_id: string;
  unit_id: string;
  lead: boolean;
}

export interface SuggestionReplyTable {
  org_id: string;
  suggestion_id: string;
  round: number;
  unit_id: string;
  text: string;
  file_id: string | null;
  staff_id: string;
  at: Timestamp;
}

export interface SuggestionInstructionTable {
  org_id: string;
  id: Generated<string>;
  suggestion_id: string;
  leader: string;
  text: string;
  recorded_by: string;
  at: Timestamp;
}

export interface SuggestionStepTable {
  org_id: string;
  id: Generated<string>;
  suggestion_id: string;
  step: string;
  from_status: string | null;
  to_status: string;
  actor_kind: 'member' | 'office' | 'unit';
  actor_id: string;
  actor_name: string;
  note: string | null;
  at: Timestamp;
}

export interface FeedbackTable {
  org_id: string;
  id: string;
  kind: FeedbackKind;
  subject: FeedbackSubject;
  content: string;
  anonymous: boolean;
  sender_id: string | null;
  sender_tag: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
  created_on: ColumnType<string, string, string>;
  seq: Generated<string>;
}

export interface SuggestionTables {
  handling_unit: HandlingUnitTable;
  unit_staff: UnitStaffTable;
  unit_binding: UnitBindingTable;
  unit_invite: UnitInviteTable;
  suggestion: SuggestionTable;
  suggestion_counter: SuggestionCounterTable;
  suggestion_cosigner: SuggestionCosignerTable;
  suggestion_unit: SuggestionUnitTable;
  suggestion_reply: SuggestionReplyTable;
  suggestion_instruction: SuggestionInstructionTable;
  suggestion_step: SuggestionStepTable;
  feedback: FeedbackTable;
}
