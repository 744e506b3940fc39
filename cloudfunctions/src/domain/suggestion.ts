import type { Rating, SuggestionKind, SuggestionStatus } from '@tongxin/shared-types';

/**
 * 建言的办理流程：一张表写明每一步由谁走、从哪些状态、走到哪里。处理器只问这里“能不能走、走到哪”，
 * 不能走的一律拒绝、什么也不改。历史（suggestion_step）只追加，每一步一行：何时、谁、从哪到哪、附言。
 *
 * 提案：草稿 → 已提交 →（审查）立案 / 不立案 / 转为意见建议 → 交办 → 答复 → 评价：
 * 满意、基本满意 → 办结；不满意第一次 → 退回重新办理（回到“办理中”），第二次评价为最终。
 * 社情民意：已提交 → 采用（本级、上级、全国政协）或未采用；采用后可记领导批示。
 * 意见建议：已提交 → 交办 → 答复 → 评价（同提案）。提交后、审查前可撤回。
 */
export type SuggestionStep =
  | 'submit'
  | 'withdraw'
  | 'file'
  | 'reject'
  | 'convert'
  | 'assign'
  | 'chase'
  | 'reply'
  | 'meet'
  | 'rate'
  | 'markKey'
  | 'markExcellent'
  | 'adopt'
  | 'archive'
  | 'instruct';

/** 谁：提出者本人、政协办公室、主办的承办单位 */
export type StepActor = 'author' | 'office' | 'unit';

interface StepRule {
  actor: StepActor;
  kinds: readonly SuggestionKind[];
  from: readonly SuggestionStatus[];
  /** 目标状态；null 表示状态不变（只记一笔，如催办、见面、标记重点） */
  to: SuggestionStatus | null;
  /** 历史里的说法 */
  label: string;
}

const ALL: readonly SuggestionKind[] = ['proposal', 'opinion', 'advice'];
const HANDLED: readonly SuggestionKind[] = ['proposal', 'advice'];

export const STEPS: Record<SuggestionStep, StepRule> = {
  submit: { actor: 'author', kinds: ALL, from: ['draft'], to: 'submitted', label: '提交' },
  withdraw: { actor: 'author', kinds: ALL, from: ['submitted'], to: 'withdrawn', label: '撤回' },
  file: { actor: 'office', kinds: ['proposal'], from: ['submitted'], to: 'filed', label: '立案' },
  reject: { actor: 'office', kinds: ['proposal'], from: ['submitted'], to: 'not_filed', label: '不立案' },
  // 转为意见建议：类别改为意见建议，仍在“已提交”，由办公室按意见建议交办
  convert: { actor: 'office', kinds: ['proposal'], from: ['submitted'], to: 'submitted', label: '转为意见建议' },
  assign: { actor: 'office', kinds: HANDLED, from: ['filed', 'submitted'], to: 'assigned', label: '交办' },
  chase: { actor: 'office', kinds: HANDLED, from: ['assigned'], to: null, label: '催办' },
  reply: { actor: 'unit', kinds: HANDLED, from: ['assigned'], to: 'replied', label: '答复' },
  meet: { actor: 'unit', kinds: HANDLED, from: ['assigned', 'replied'], to: null, label: '见面沟通' },
  rate: { actor: 'author', kinds: HANDLED, from: ['replied'], to: 'closed', label: '评价' },
  markKey: { actor: 'office', kinds: ['proposal'], from: ['filed', 'assigned', 'replied', 'closed'], to: null, label: '列为重点提案' },
  markExcellent: { actor: 'office', kinds: ['proposal'], from: ['assigned', 'replied', 'closed'], to: null, label: '评为优秀提案' },
  adopt: { actor: 'office', kinds: ['opinion'], from: ['submitted'], to: 'adopted', label: '采用' },
  archive: { actor: 'office', kinds: ['opinion'], from: ['submitted'], to: 'archived', label: '未采用' },
  instruct: { actor: 'office', kinds: ['opinion'], from: ['adopted'], to: null, label: '领导批示' },
};

/** 一件建言此刻与这一步有关的事实 */
export interface StepState {
  kind: SuggestionKind;
  status: SuggestionStatus;
  /** 已退回重新办理过（不满意只能退回一次） */
  rehandled: boolean;
  isKey: boolean;
  isExcellent: boolean;
}

export type StepDecision = { ok: true; to: SuggestionStatus; rehandle: boolean } | { ok: false; code: 'SUGGEST.WRONG_KIND' | 'SUGGEST.WRONG_STATUS' };

/**
 * 这一步能不能走、走到哪里。谁在走（本人、办公室、承办单位）由处理器的权限与归属检查保证，这里只看状态。
 * 评价“不满意”且尚未退回过：回到“办理中”重新办理；其余评价办结。
 */
export function decideStep(step: SuggestionStep, s: StepState, opts: { rating?: Rating } = {}): StepDecision {
  const rule = STEPS[step];
  if (!rule.kinds.includes(s.kind)) return { ok: false, code: 'SUGGEST.WRONG_KIND' };
  if (!rule.from.includes(s.status)) return { ok: false, code: 'SUGGEST.WRONG_STATUS' };
  // 审查之后才交办：提案须先立案，意见建议从“已提交”直接交办
  if (step === 'assign' && s.kind === 'proposal' && s.status !== 'filed') return { ok: false, code: 'SUGGEST.WRONG_STATUS' };
  if (step === 'assign' && s.kind === 'advice' && s.status !== 'submitted') return { ok: false, code: 'SUGGEST.WRONG_STATUS' };
  if (step === 'rate' && opts.rating === 'unsatisfied' && !s.rehandled) return { ok: true, to: 'assigned', rehandle: true };
  return { ok: true, to: rule.to ?? s.status, rehandle: false };
}

/** 重点、优秀只标一次：已标过的再标是 SUGGEST.ALREADY_MARKED（处理器在走这一步之前先问这里） */
export function alreadyMarked(step: 'markKey' | 'markExcellent', s: Pick<StepState, 'isKey' | 'isExcellent'>): boolean {
  return step === 'markKey' ? s.isKey : s.isExcellent;
}

/** 某一步由谁走 */
export const stepActor = (step: SuggestionStep): StepActor => STEPS[step].actor;

/** 提出者本人看得到、办公室还没动过的：提交后、审查前可以撤回 */
export const isUnderReview = (status: SuggestionStatus): boolean => status === 'submitted';

/**
 * 立案编号：年度 + 四位顺序号（2027-0123）。顺序号由每个政协每年一行的计数器在立案的事务里加一（锁住那一行），
 * 所以两位管理员同时立案也不重号、不跳号；事务失败时加一随之回滚。
 */
export function formatNumber(year: number, seq: number): string {
  return `${year}-${String(seq).padStart(4, '0')}`;
}

/** 交办期限：交办时起若干个月（同日；月底顺延到下月最后一天之前） */
export function dueDate(assignedAt: Date, months: number): Date {
  const d = new Date(assignedAt.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** 期限按日算：到那一天（北京时间）的 24 点为止 */
export function endOfBeijingDay(d: Date): Date {
  const DAY = 86_400_000;
  const shifted = d.getTime() + 8 * 3600_000;
  return new Date(Math.floor(shifted / DAY) * DAY + DAY - 8 * 3600_000 - 1);
}

/** 社情民意采用：每一级一条规则（本级 +5、上级 +10、全国 +20，办公室可在规则表里调整） */
export const ADOPTION_RULES = { local: 'duty.opinion_adopted', upper: 'duty.opinion_adopted_upper', national: 'duty.opinion_adopted_national' } as const;

/** 逾期：已交办、还没答复、过了期限 */
export function isOverdue(s: { status: SuggestionStatus; dueAt: Date | null }, now: Date): boolean {
  return s.status === 'assigned' && s.dueAt !== null && now > s.dueAt;
}
