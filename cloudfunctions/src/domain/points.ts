import type { PointsCategory, PointsTrack, RuleBasis } from '@tongxin/shared-types';

/** 积分年度按北京时间划分：12 月 31 日晚上的会议算当年 */
export function yearOf(at: Date): number {
  return new Date(at.getTime() + 8 * 3600_000).getUTCFullYear();
}

export interface RuleLike {
  name: string;
  basis: RuleBasis;
  points: number;
  minPoints: number | null;
  maxPoints: number | null;
  yearlyCap: number | null;
}

/** 支部评定类规则（品行、考评）由书记按次给分，可以申诉 */
export const isManualBasis = (basis: RuleBasis) => basis === 'manual' || basis === 'evaluation';

/** 书记评定时的分值须在规则允许的范围内 */
export function checkAdjustment(rule: RuleLike, points: number): string | null {
  if (!isManualBasis(rule.basis)) return `「${rule.name}」由系统按实际记录自动计分，不能手工评定`;
  const min = rule.minPoints ?? -Math.abs(rule.points);
  const max = rule.maxPoints ?? Math.abs(rule.points);
  if (points < min || points > max) return `「${rule.name}」每次评定的分值应在 ${min} 到 ${max} 之间`;
  return null;
}

/** 带符号的分值：负号用 U+2212，与页面上的显示一致 */
export const signedPoints = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0');
const signed = signedPoints;

/**
 * 冲正读作发生了什么，不用记账的话：“申诉已采纳，撤销扣分 −3”“撤销加分 +2”。
 * originalPoints 是被撤销的那条原来的分值。
 */
export function reversalLabel(originalPoints: number, byAppeal: boolean): string {
  const what = `撤销${originalPoints < 0 ? '扣分' : '加分'} ${signed(originalPoints)}`;
  return byAppeal ? `申诉已采纳，${what}` : what;
}

export interface ExplainInput {
  ruleName: string;
  sourceTitle: string;
  points: number;
  requestedPoints: number;
  yearlyCap: number | null;
  /** 记这条之后该规则当年已用的分 */
  usedAfter: number;
  operatorName: string | null;
  reason: string;
  isReversal: boolean;
  /** 冲正是因为申诉被采纳 */
  byAppeal?: boolean;
}

/** 一句话说清楚：因为什么、按哪条规则、上限用了多少、谁评定的、为什么 */
export function explainEntry(e: ExplainInput): string {
  if (e.isReversal) {
    const who = e.operatorName ? `，${e.byAppeal ? '由' + e.operatorName + '答复' : '由' + e.operatorName + '撤销'}` : '';
    return `${reversalLabel(-e.points, e.byAppeal ?? false)}（「${e.sourceTitle}」）${who}，${e.byAppeal ? '答复' : '原因'}：${e.reason}`;
  }
  const parts = [`「${e.sourceTitle}」按规则「${e.ruleName}」`];
  if (e.points !== e.requestedPoints) {
    parts.push(`应得 ${signed(e.requestedPoints)} 分，因已达年度上限 ${e.yearlyCap} 分，实记 ${signed(e.points)} 分`);
  } else {
    parts.push(`记 ${signed(e.points)} 分`);
    if (e.yearlyCap !== null) parts.push(`年度上限 ${e.yearlyCap} 分，已用 ${e.usedAfter} 分`);
  }
  if (e.operatorName) parts.push(operatorClause(e.operatorName, e.reason));
  return parts.join('，');
}

/** 谁、以什么身份让这条分记上：代签写明代签，补交与补录写明确认，其余是评定 */
function operatorClause(operator: string, reason: string): string {
  if (reason.startsWith('代签：')) return `由${operator}代签，原因：${reason.slice(3)}`;
  if (reason.endsWith('确认')) return `${reason.replace(/，?经.*确认$/, '')}，由${operator}确认`;
  return `由${operator}评定${reason ? `，原因：${reason}` : ''}`;
}

export interface DefaultRule {
  code: string;
  name: string;
  track: PointsTrack;
  category: PointsCategory;
  basis: RuleBasis;
  points: number;
  minPoints?: number;
  maxPoints?: number;
  yearlyCap?: number;
  /** 每人每年只记一次（年度考评） */
  oncePerYear?: boolean;
  appliesTo: 'cpc' | 'all';
  description: string;
}

/** 新政协的默认规则（来自各地常见做法，办公室可在规则表里调整） */
export const DEFAULT_RULES: readonly DefaultRule[] = [
  {
    code: 'party.study',
    name: '集中学习',
    track: 'party',
    category: '学习',
    basis: 'attendance',
    points: 2,
    yearlyCap: 12,
    appliesTo: 'cpc',
    description: '参加中心组学习、政协讲堂、委员培训、书香政协等集中学习',
  },
  {
    code: 'party.meeting',
    name: '三会一课',
    track: 'party',
    category: '履责',
    basis: 'attendance',
    points: 3,
    yearlyCap: 12,
    appliesTo: 'cpc',
    description: '参加支部党员大会、支委会、党小组会、党课',
  },
  {
    code: 'party.theme_day',
    name: '主题党日',
    track: 'party',
    category: '履责',
    basis: 'attendance',
    points: 2,
    yearlyCap: 8,
    appliesTo: 'cpc',
    description: '参加每月主题党日',
  },
  {
    code: 'party.conduct',
    name: '品行评定',
    track: 'party',
    category: '品行',
    basis: 'manual',
    points: 5,
    minPoints: -10,
    maxPoints: 10,
    appliesTo: 'cpc',
    description: '支部根据日常表现加分或扣分，须写明原因',
  },
  {
    code: 'party.evaluation',
    name: '民主评议',
    track: 'party',
    category: '考评',
    basis: 'evaluation',
    points: 10,
    minPoints: -10,
    maxPoints: 10,
    oncePerYear: true,
    appliesTo: 'cpc',
    description: '年度民主评议结果：优秀 +10，合格 +5，不合格 −10',
  },
  {
    code: 'duty.plenary',
    name: '出席全体会议、常委会议',
    track: 'duty',
    category: '履职',
    basis: 'attendance',
    points: 5,
    yearlyCap: 60,
    appliesTo: 'all',
    description: '每半天 +5',
  },
  {
    code: 'duty.activity',
    name: '参加履职活动',
    track: 'duty',
    category: '履职',
    basis: 'attendance',
    points: 5,
    yearlyCap: 40,
    appliesTo: 'all',
    description: '调研、视察、委员之家活动、界别活动、协商会等',
  },
  {
    code: 'duty.proposal_lead',
    name: '领衔提案',
    track: 'duty',
    category: '履职',
    basis: 'suggestion',
    points: 15,
    appliesTo: 'all',
    description: '提案立案后记分',
  },
  {
    code: 'duty.proposal_cosign',
    name: '联名提案',
    track: 'duty',
    category: '履职',
    basis: 'suggestion',
    points: 3,
    appliesTo: 'all',
    description: '联名人确认后记分',
  },
  {
    code: 'duty.proposal_key',
    name: '重点提案',
    track: 'duty',
    category: '履职',
    basis: 'suggestion',
    points: 15,
    appliesTo: 'all',
    description: '提案被列为重点提案',
  },
  {
    code: 'duty.proposal_excellent',
    name: '优秀提案',
    track: 'duty',
    category: '履职',
    basis: 'suggestion',
    points: 10,
    appliesTo: 'all',
    description: '提案被评为优秀提案',
  },
  {
    code: 'duty.opinion',
    name: '社情民意信息',
    track: 'duty',
    category: '履职',
    basis: 'suggestion',
    points: 5,
    appliesTo: 'all',
    description: '报送社情民意信息',
  },
  {
    code: 'duty.opinion_adopted',
    name: '社情民意被采用',
    track: 'duty',
    category: '履职',
    basis: 'suggestion',
    points: 5,
    appliesTo: 'all',
    description: '信息被采用',
  },
  // 按采用的层级记分（迁移 018 为已有政协补上）
  {
    code: 'duty.opinion_adopted_upper',
    name: '社情民意被上级政协采用',
    track: 'duty',
    category: '履职',
    basis: 'suggestion',
    points: 10,
    appliesTo: 'all',
    description: '信息被上级政协采用',
  },
  {
    code: 'duty.opinion_adopted_national',
    name: '社情民意被全国政协采用',
    track: 'duty',
    category: '履职',
    basis: 'suggestion',
    points: 20,
    appliesTo: 'all',
    description: '信息被全国政协采用',
  },
  {
    code: 'duty.opinion_instructed',
    name: '社情民意获领导批示',
    track: 'duty',
    category: '履职',
    basis: 'suggestion',
    points: 10,
    appliesTo: 'all',
    description: '信息获领导批示',
  },
  {
    code: 'duty.absence_unexcused',
    name: '无故缺席全体会议',
    track: 'duty',
    category: '履职',
    basis: 'absence',
    points: -30,
    appliesTo: 'all',
    description: '未请假缺席全体会议',
  },
  {
    code: 'duty.absence_excused',
    name: '请假缺席全体会议',
    track: 'duty',
    category: '履职',
    basis: 'absence',
    points: -10,
    appliesTo: 'all',
    description: '经批准请假缺席全体会议',
  },
  {
    code: 'duty.study_reading',
    name: '完成必学篇目',
    track: 'duty',
    category: '履职',
    basis: 'study',
    points: 1,
    yearlyCap: 24,
    appliesTo: 'all',
    description: '读完布置给本人的必学篇目并在文末确认（每篇一次）',
  },
  {
    code: 'duty.study_note',
    name: '学习心得',
    track: 'duty',
    category: '履职',
    basis: 'study',
    points: 1,
    yearlyCap: 12,
    appliesTo: 'all',
    description: '在学习材料上写学习心得（每篇一次）',
  },
  {
    code: 'duty.study_quiz',
    name: '通过学习测试',
    track: 'duty',
    category: '履职',
    basis: 'study',
    points: 2,
    yearlyCap: 12,
    appliesTo: 'all',
    description: '通过办公室组织的学习测试（每个测试一次）',
  },
  {
    code: 'duty.adjust',
    name: '履职评定',
    track: 'duty',
    category: '履职',
    basis: 'manual',
    points: 10,
    minPoints: -30,
    maxPoints: 30,
    appliesTo: 'all',
    description: '办公室根据履职情况加分或扣分，须写明原因',
  },
];

/**
 * 记一条分时数据库函数 award_points（迁移 006）所做的判断，写成纯函数：同一组情形喂给两边，结果应一致
 * （tests/integration/points-rules.test.ts）。数据库那边负责加锁与并发，这里只有规则。
 */
export interface AwardState {
  /** 该年度已关账 */
  yearClosed: boolean;
  /** 当前生效的规则版本；没有则为 null */
  rule: { active: boolean; appliesTo: 'cpc' | 'all'; points: number; yearlyCap: number | null; oncePerYear?: boolean } | null;
  memberIsCpc: boolean;
  /** 此人此年按这条规则已记的分（含被上限截成 0 的记录） */
  usedThisYear: number;
  /** 同一来源、同一规则、同一个人已经记过的那条（幂等） */
  existing: { points: number } | null;
  /** 本年度按这条规则已有别的来源记的、未被冲正的记录（每年只记一次的规则用） */
  otherEntryThisYear?: boolean;
}

export type AwardDecision =
  | { status: 'error'; code: 'POINTS.YEAR_CLOSED' | 'POINTS.RULE_NOT_FOUND' }
  | { status: 'not_applicable'; reason: string }
  | { status: 'duplicate'; points: number }
  | { status: 'once_a_year' }
  | { status: 'awarded' | 'capped'; points: number; requested: number };

export function decideAward(state: AwardState, requestedPoints?: number | null): AwardDecision {
  // 1. 关账的年度不再记分（冲正也不行）；规则不存在是调用方的错
  if (state.yearClosed) return { status: 'error', code: 'POINTS.YEAR_CLOSED' };
  const rule = state.rule;
  if (!rule) return { status: 'error', code: 'POINTS.RULE_NOT_FOUND' };
  // 2. 停用的规则、只适用于党员的规则对非党员：不记分，说明原因
  if (!rule.active) return { status: 'not_applicable', reason: '规则已停用' };
  if (rule.appliesTo === 'cpc' && !state.memberIsCpc) return { status: 'not_applicable', reason: '党员积分只适用于中共党员' };
  // 3. 每年只记一次的规则（民主评议）：本年度已有别的未冲正记录就不再记；同一来源的重复调用仍答 duplicate
  if (rule.oncePerYear && state.otherEntryThisYear) return { status: 'once_a_year' };
  // 4. 同一来源已记过：什么也不写，回答已有的那条
  if (state.existing) return { status: 'duplicate', points: state.existing.points };
  // 5. 年度上限只管加分：超出的部分记 0（仍留一条记录，本人看得到为什么没加分）；扣分不受上限
  const requested = requestedPoints ?? rule.points;
  const points = rule.yearlyCap !== null && requested > 0 ? Math.max(0, Math.min(requested, rule.yearlyCap - state.usedThisYear)) : requested;
  return { status: points === requested ? 'awarded' : 'capped', points, requested };
}
