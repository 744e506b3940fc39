/** 积分的领域词汇与视图（党员积分、委员履职积分、五个一） */

export const POINTS_TRACKS = ['party', 'duty'] as const;
export type PointsTrack = (typeof POINTS_TRACKS)[number];
export const TRACK_LABELS: Record<PointsTrack, string> = { party: '党员积分', duty: '委员履职积分' };

export const PARTY_CATEGORIES = ['学习', '履责', '品行', '考评'] as const;
export const POINTS_CATEGORIES = [...PARTY_CATEGORIES, '履职'] as const;
export type PointsCategory = (typeof POINTS_CATEGORIES)[number];

/**
 * 规则的依据。只有这些：国办函〔2026〕12号不许以在线时长、学习时长、点赞、转发、投票数作为考核依据，
 * 所以这里没有、也不能加这样的依据。
 */
export const RULE_BASES = ['attendance', 'suggestion', 'absence', 'manual', 'evaluation', 'fulfilment', 'study'] as const;
export type RuleBasis = (typeof RULE_BASES)[number];
export const RULE_BASIS_LABELS: Record<RuleBasis, string> = {
  attendance: '参加会议活动',
  suggestion: '提案与社情民意',
  absence: '缺席',
  manual: '支部评定（品行）',
  evaluation: '年度考评',
  fulfilment: '履职事项',
  study: '完成学习任务（读完确认、学习心得）',
};
/** 规则名称与说明里不得出现的考核依据 */
export const FORBIDDEN_BASIS_WORDS = ['时长', '在线', '点赞', '转发', '投票', '浏览量', '阅读量'];

export const FIVE_ONE_ITEMS = ['proposal', 'opinion', 'research', 'sector_activity', 'livelihood'] as const;
export type FiveOneItem = (typeof FIVE_ONE_ITEMS)[number];
export const FIVE_ONE_LABELS: Record<FiveOneItem, string> = {
  proposal: '撰写一件提案',
  opinion: '报送一篇社情民意',
  research: '参加一次调研或视察',
  sector_activity: '参加一次界别活动',
  livelihood: '办好一件民生实事',
};

export const VISIBILITY_OPTIONS = ['none', 'branch_aggregate', 'individual'] as const;
export type PointsVisibility = (typeof VISIBILITY_OPTIONS)[number];
export const VISIBILITY_LABELS: Record<PointsVisibility, string> = {
  none: '不公开（默认）：每人只看到自己的积分',
  branch_aggregate: '公开各支部的汇总（人均分），不显示个人',
  individual: '公开个人积分（须办公室明确开启）',
};

export interface PointsRuleView {
  id: string;
  code: string;
  version: number;
  name: string;
  track: PointsTrack;
  category: PointsCategory;
  basis: RuleBasis;
  points: number;
  minPoints: number | null;
  maxPoints: number | null;
  yearlyCap: number | null;
  /** 每人每年只记一次（如民主评议） */
  oncePerYear: boolean;
  appliesTo: 'cpc' | 'all';
  active: boolean;
  description: string;
  createdAt: string;
  /** 现行版本（修改规则会新增版本，旧版本只留作历史） */
  current: boolean;
}

export interface PointsEntryView {
  id: string;
  at: string;
  track: PointsTrack;
  category: PointsCategory;
  ruleCode: string;
  ruleName: string;
  points: number;
  requestedPoints: number;
  /** 一句话说清这条分从哪里来 */
  explanation: string;
  source: { kind: string; id: string; title: string };
  cap: { limit: number; usedAfter: number } | null;
  operatorName: string | null;
  reason: string;
  reversesEntryId: string | null;
  reversedByEntryId: string | null;
  /** 只有支部评定的条目可以申诉 */
  appealable: boolean;
  appeal: PointsAppealView | null;
  /** 一句话说这条是什么事：“主题党日 +2”“申诉已采纳，撤销扣分 −3” */
  headline: string;
  /** 撤销之后这条实际算多少（未撤销的就是 points） */
  net: number;
  /** 这条的经过：记分、申诉、答复、撤销（旧的在前）；冲正记录本身的为空 */
  history: Array<{ at: string; text: string }>;
}

export interface PointsAppealView {
  id: string;
  entryId: string;
  memberId: string;
  memberName: string;
  reason: string;
  status: 'pending' | 'accepted' | 'rejected';
  answer: string | null;
  answeredByName: string | null;
  createdAt: string;
  answeredAt: string | null;
  entrySummary: string;
  /** 被申诉的那条记分当初写的原因：答复的人把它和申诉理由对照着看 */
  entryReason: string;
  /** 评定人（自动记分为 null）：评定人不能答复对自己评定的申诉 */
  entryOperatorId: string | null;
  entryOperatorName: string | null;
}

export interface PointsTotals {
  track: PointsTrack;
  total: number;
  categories: Array<{ category: PointsCategory; total: number }>;
}

export interface FiveOneProgress {
  item: FiveOneItem;
  label: string;
  done: boolean;
  fulfilledBy: Array<{ sourceKind: string; sourceId: string; title: string; at: string }>;
}

export interface PointsLedgerView {
  memberId: string;
  memberName: string;
  year: number;
  yearClosed: boolean;
  isCpc: boolean;
  totals: PointsTotals[];
  /** 全部流水（含冲正记录），新的在前；书记核对用 */
  entries: PointsEntryView[];
  /** 给本人看的：一条记录连同它的撤销算一项（history 里是经过），新的在前 */
  items: PointsEntryView[];
  fiveOne: FiveOneProgress[];
}

export interface PointsOverview {
  visibility: PointsVisibility;
  year: number;
  branches: Array<{ branchId: string; branchName: string; members: number; averageParty: number }> | null;
  individuals: Array<{ memberId: string; name: string; party: number | null; duty: number }> | null;
}
