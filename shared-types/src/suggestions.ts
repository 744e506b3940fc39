/**
 * 建言（issue 13）：提案、社情民意信息、意见建议，以及任何人都能用的投诉建议（国办函〔2026〕12号要求）。
 * 办理流程的规则在 cloudfunctions/src/domain/suggestion.ts；这里只有双方共用的名字与视图。
 */

export const SUGGESTION_KINDS = ['proposal', 'opinion', 'advice'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];
export const SUGGESTION_KIND_LABELS: Record<SuggestionKind, string> = { proposal: '提案', opinion: '社情民意', advice: '意见建议' };

export const SUGGESTION_CATEGORIES = ['经济建设', '社会事业', '城乡建设', '生态环境', '文化', '法治', '其他'] as const;
export type SuggestionCategory = (typeof SUGGESTION_CATEGORIES)[number];

/**
 * 状态：草稿 → 已提交 → （提案）立案 / 不立案 / 转为意见建议（回到“已提交”，类别变为意见建议）
 * → 已交办 → 已答复 → 已办结；不满意退回一次“已交办”重新办理。社情民意：已提交 → 已采用 / 未采用。
 */
export const SUGGESTION_STATUSES = ['draft', 'submitted', 'withdrawn', 'filed', 'not_filed', 'assigned', 'replied', 'closed', 'adopted', 'archived'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];
export const SUGGESTION_STATUS_LABELS: Record<SuggestionStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  withdrawn: '已撤回',
  filed: '已立案',
  not_filed: '不立案',
  assigned: '办理中',
  replied: '已答复',
  closed: '已办结',
  adopted: '已采用',
  archived: '未采用',
};

export const RATINGS = ['satisfied', 'basically', 'unsatisfied'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, string> = { satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' };

/** 社情民意被哪一级采用 */
export const ADOPTION_LEVELS = ['local', 'upper', 'national'] as const;
export type AdoptionLevel = (typeof ADOPTION_LEVELS)[number];
export const ADOPTION_LEVEL_LABELS: Record<AdoptionLevel, string> = { local: '本级政协', upper: '上级政协', national: '全国政协' };

export const COSIGN_STATUSES = ['invited', 'accepted', 'declined', 'lapsed'] as const;
export type CosignStatus = (typeof COSIGN_STATUSES)[number];
export const COSIGN_STATUS_LABELS: Record<CosignStatus, string> = { invited: '待确认', accepted: '已确认', declined: '已谢绝', lapsed: '未答复' };

/** 文字长度上限（zod 的提示与数据库的 CHECK 用同一组数） */
export const SUGGESTION_LIMITS = { title: 60, reasons: 5000, proposals: 5000, reply: 5000, note: 500, photos: 9 } as const;

/** 交办的默认期限与上限（月）：答复须在交办后 3 个月内，至多 6 个月 */
export const DUE_MONTHS_DEFAULT = 3;
export const DUE_MONTHS_MAX = 6;

export interface CosignerView {
  memberId: string;
  name: string;
  status: CosignStatus;
  answeredAt: string | null;
}

export interface SuggestionStepView {
  at: string;
  step: string;
  /** 一句话：谁做了什么 */
  label: string;
  actorName: string;
  note: string | null;
}

export interface SuggestionUnitView {
  unitId: string;
  name: string;
  lead: boolean;
}

export interface SuggestionReplyView {
  round: number;
  unitName: string;
  text: string;
  fileId: string | null;
  at: string;
}

export interface SuggestionSummary {
  id: string;
  kind: SuggestionKind;
  status: SuggestionStatus;
  number: string | null;
  title: string;
  category: SuggestionCategory;
  authorName: string;
  submittedAt: string | null;
  dueAt: string | null;
  isKey: boolean;
  isExcellent: boolean;
  /** 列表里给本人看：我是提出者还是联名人 */
  mine: 'author' | 'cosigner' | null;
  updatedAt: string;
}

export interface SuggestionView extends SuggestionSummary {
  authorId: string;
  reasons: string;
  proposals: string;
  photos: string[];
  cosigners: CosignerView[];
  units: SuggestionUnitView[];
  replies: SuggestionReplyView[];
  metAt: string | null;
  rating: Rating | null;
  /** 已退回重新办理过一次（再评即为最终） */
  rehandled: boolean;
  rejectReason: string | null;
  adoptionLevel: AdoptionLevel | null;
  instructions: Array<{ by: string; text: string; at: string }>;
  chases: number;
  history: SuggestionStepView[];
}

/** 统计（某段时间、某个范围）：在 SQL 里算出，报表也用它 */
export interface SuggestionStats {
  from: string;
  to: string;
  byKind: Record<SuggestionKind, { submitted: number }>;
  byStatus: Partial<Record<SuggestionStatus, number>>;
  proposals: {
    submitted: number;
    reviewed: number;
    filed: number;
    assigned: number;
    replied: number;
    repliedOnTime: number;
    rated: number;
    satisfied: number;
    met: number;
  };
  /** 百分比（0–100，一位小数）；分母为 0 时为 null */
  rates: { filing: number | null; replied: number | null; onTime: number | null; satisfaction: number | null; meeting: number | null };
  opinions: { submitted: number; adopted: number; adoptedByLevel: Record<AdoptionLevel, number>; instructed: number };
}

// —— 投诉建议 ——
export const FEEDBACK_KINDS = ['complaint', 'suggestion'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export const FEEDBACK_KIND_LABELS: Record<FeedbackKind, string> = { complaint: '投诉', suggestion: '建议' };
export const FEEDBACK_SUBJECTS = ['app', 'office'] as const;
export type FeedbackSubject = (typeof FEEDBACK_SUBJECTS)[number];
export const FEEDBACK_SUBJECT_LABELS: Record<FeedbackSubject, string> = { app: '本小程序', office: '政协办公室的工作' };

export interface FeedbackView {
  id: string;
  kind: FeedbackKind;
  subject: FeedbackSubject;
  content: string;
  anonymous: boolean;
  /** 具名的才有；匿名的对办公室永远是 null */
  senderName: string | null;
  answer: string | null;
  answeredAt: string | null;
  createdAt: string;
}

export interface HandlingUnitView {
  id: string;
  name: string;
  staff: Array<{ id: string; name: string; bound: boolean }>;
}

/** 承办单位工作人员本人（suggestions.unitMe） */
export interface UnitStaffProfile {
  id: string;
  name: string;
  unitId: string;
  unitName: string;
  orgName: string;
}
