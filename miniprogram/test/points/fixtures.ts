import type { MemberDetail, PointsAppealView, PointsEntryView, PointsLedgerView, PointsRuleView } from '@tongxin/shared-types'
import { FIVE_ONE_ITEMS, FIVE_ONE_LABELS } from '@tongxin/shared-types/src/points'
import { currentYear } from '../../src/utils/time'

export const YEAR = currentYear()
const at = (mmdd: string) => `${YEAR}-${mmdd}T02:00:00.000Z`
// 测试用的 UUID：后端要求 id 是 UUID
export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
export const WANG_ID = uuid(900)

function entry(id: number, over: Partial<PointsEntryView>): PointsEntryView {
  return {
    id: uuid(id),
    at: at('01-01'),
    track: 'party',
    category: '学习',
    ruleCode: 'party.study',
    ruleName: '集中学习',
    points: 2,
    requestedPoints: 2,
    explanation: '',
    source: { kind: 'event', id: `ev-${id}`, title: '' },
    cap: null,
    operatorName: null,
    reason: '',
    reversesEntryId: null,
    reversedByEntryId: null,
    appealable: false,
    appeal: null,
    headline: '',
    net: over.points ?? 2,
    history: [],
    ...over,
  }
}

function appeal(id: number, entryId: string, over: Partial<PointsAppealView>): PointsAppealView {
  return {
    id: uuid(id),
    entryId,
    memberId: WANG_ID,
    memberName: '王秀兰',
    reason: '当天我请过假，有支部群里的记录',
    status: 'pending',
    answer: null,
    answeredByName: null,
    createdAt: at('06-03'),
    answeredAt: null,
    entrySummary: '「品行评定：未参加主题党日」−5 分（李建国评定）',
    entryReason: '未参加主题党日',
    entryOperatorId: uuid(900),
    entryOperatorName: '李建国',
    ...over,
  }
}

/** 王秀兰今年的流水（新的在前，与服务端一致），各种状态都有 */
export const wangEntries: PointsEntryView[] = [
  entry(9, {
    at: at('07-02'),
    category: '品行',
    ruleCode: 'party.conduct',
    ruleName: '品行评定',
    points: 3,
    requestedPoints: 3,
    operatorName: '李建国',
    reason: '申诉采纳：经核实确有请假',
    reversesEntryId: uuid(8),
    explanation: '冲正「品行评定：迟到」的记分 +3 分，由李建国操作，原因：申诉采纳：经核实确有请假',
  }),
  entry(8, {
    at: at('06-20'),
    category: '品行',
    ruleCode: 'party.conduct',
    ruleName: '品行评定',
    points: -3,
    requestedPoints: -3,
    operatorName: '李建国',
    reason: '迟到',
    reversedByEntryId: uuid(9),
    explanation: '「品行评定：迟到」按规则「品行评定」，记 -3 分，由李建国评定，原因：迟到',
    appeal: appeal(108, uuid(8), { status: 'accepted', answer: '经核实确有请假', answeredByName: '李建国', answeredAt: at('07-02') }),
    net: 0,
    headline: '品行评定：迟到 −3',
    history: [
      { at: at('06-20'), text: '李建国评定 −3：迟到' },
      { at: at('06-22'), text: '提出申诉：当天我请过假，有支部群里的记录' },
      { at: at('07-02'), text: '申诉已采纳（李建国）：经核实确有请假' },
      { at: at('07-02'), text: '申诉已采纳，撤销扣分 −3' },
    ],
  }),
  entry(5, {
    at: at('06-02'),
    category: '考评',
    ruleCode: 'party.evaluation',
    ruleName: '民主评议',
    points: 10,
    requestedPoints: 10,
    operatorName: '李建国',
    reason: '民主评议优秀',
    appealable: true,
    explanation: '「民主评议：民主评议优秀」按规则「民主评议」，记 +10 分，由李建国评定，原因：民主评议优秀',
  }),
  entry(4, {
    at: at('06-01'),
    category: '品行',
    ruleCode: 'party.conduct',
    ruleName: '品行评定',
    points: 5,
    requestedPoints: 5,
    operatorName: '李建国',
    reason: '帮扶困难群众',
    appealable: true,
    explanation: '「品行评定：帮扶困难群众」按规则「品行评定」，记 +5 分，由李建国评定，原因：帮扶困难群众',
    appeal: appeal(104, uuid(4), { reason: '分值偏低，帮扶持续了三个月' }),
  }),
  entry(3, {
    at: at('05-05'),
    category: '品行',
    ruleCode: 'party.conduct',
    ruleName: '品行评定',
    points: -5,
    requestedPoints: -5,
    operatorName: '李建国',
    reason: '未参加主题党日',
    appealable: true,
    explanation: '「品行评定：未参加主题党日」按规则「品行评定」，记 -5 分，由李建国评定，原因：未参加主题党日',
    appeal: appeal(103, uuid(3), { status: 'rejected', answer: '请假未经批准，维持原评定', answeredByName: '李建国', answeredAt: at('05-20') }),
  }),
  entry(2, {
    at: at('04-10'),
    track: 'duty',
    category: '履职',
    ruleCode: 'duty.plenary',
    ruleName: '出席全体会议、常委会议',
    points: 5,
    requestedPoints: 5,
    explanation: '「政协全体会议（上午）」按规则「出席全体会议、常委会议」，记 +5 分',
  }),
  entry(7, {
    at: at('02-02'),
    track: 'duty',
    category: '履职',
    ruleCode: 'duty.adjust',
    ruleName: '履职评定',
    points: -10,
    requestedPoints: -10,
    operatorName: '周敏',
    reason: '记错了人',
    reversesEntryId: uuid(6),
    explanation: '冲正「履职评定：协助调研」的记分 -10 分，由周敏操作，原因：记错了人',
  }),
  entry(6, {
    at: at('02-01'),
    track: 'duty',
    category: '履职',
    ruleCode: 'duty.adjust',
    ruleName: '履职评定',
    points: 10,
    requestedPoints: 10,
    operatorName: '周敏',
    reason: '协助调研',
    reversedByEntryId: uuid(7),
    net: 0,
    history: [
      { at: at('02-01'), text: '周敏评定 +10：协助调研' },
      { at: at('02-02'), text: '撤销加分 +10（周敏）：记错了人' },
    ],
    explanation: '「履职评定：协助调研」按规则「履职评定」，记 +10 分，由周敏评定，原因：协助调研',
  }),
  entry(1, {
    at: at('03-01'),
    explanation: '「政协讲堂：数字经济」按规则「集中学习」，记 +2 分，年度上限 12 分，已用 2 分',
    cap: { limit: 12, usedAfter: 2 },
  }),
]

export function ledgerOf(entries: PointsEntryView[], over: Partial<PointsLedgerView> = {}): PointsLedgerView {
  const sum = (f: (e: PointsEntryView) => boolean) => entries.filter(f).reduce((a, e) => a + e.points, 0)
  return {
    memberId: WANG_ID,
    memberName: '王秀兰',
    year: YEAR,
    yearClosed: false,
    isCpc: true,
    totals: [
      {
        track: 'party',
        total: sum((e) => e.track === 'party'),
        categories: (['学习', '履责', '品行', '考评'] as const).map((c) => ({ category: c, total: sum((e) => e.track === 'party' && e.category === c) })),
      },
      { track: 'duty', total: sum((e) => e.track === 'duty'), categories: [{ category: '履职', total: sum((e) => e.track === 'duty') }] },
    ],
    entries,
    items: entries.filter((e) => e.reversesEntryId === null),
    fiveOne: FIVE_ONE_ITEMS.map((item) =>
      item === 'proposal'
        ? {
            item,
            label: FIVE_ONE_LABELS[item],
            done: true,
            fulfilledBy: [{ sourceKind: 'suggestion', sourceId: 's-1', title: '关于加快老旧小区改造的提案', at: at('03-15') }],
          }
        : { item, label: FIVE_ONE_LABELS[item], done: false, fulfilledBy: [] },
    ),
    ...over,
  }
}

export const wangLedger = ledgerOf(wangEntries)

function rule(code: string, over: Partial<PointsRuleView>): PointsRuleView {
  return {
    id: `r-${code}`,
    code,
    version: 1,
    current: true,
    name: code,
    track: 'party',
    category: '学习',
    basis: 'attendance',
    points: 2,
    minPoints: null,
    maxPoints: null,
    yearlyCap: null,
    oncePerYear: false,
    appliesTo: 'cpc',
    active: true,
    description: '',
    createdAt: `${YEAR}-01-01T00:00:00.000Z`,
    ...over,
  }
}

export const rules: PointsRuleView[] = [
  rule('party.study', { name: '集中学习', yearlyCap: 12, description: '参加中心组学习、政协讲堂等集中学习' }),
  rule('party.conduct', {
    name: '品行评定',
    category: '品行',
    basis: 'manual',
    points: 5,
    minPoints: -10,
    maxPoints: 10,
    description: '支部根据日常表现加分或扣分，须写明原因',
  }),
  rule('party.evaluation', {
    name: '民主评议',
    category: '考评',
    basis: 'evaluation',
    points: 10,
    minPoints: -10,
    maxPoints: 10,
    description: '年度民主评议结果',
  }),
  rule('duty.plenary', { name: '出席全体会议、常委会议', track: 'duty', category: '履职', points: 5, appliesTo: 'all', description: '每半天 +5' }),
  rule('duty.adjust', {
    name: '履职评定',
    track: 'duty',
    category: '履职',
    basis: 'manual',
    points: 10,
    minPoints: -30,
    maxPoints: 30,
    appliesTo: 'all',
    description: '办公室根据履职情况加分或扣分',
  }),
]

export const wangDetail: MemberDetail = {
  id: WANG_ID,
  name: '王秀兰',
  phone: '139****5678',
  phoneMasked: true,
  kind: 'committee_member',
  position: '委员',
  affiliation: '中共党员',
  sector: { id: 's-1', name: '经济界' },
  committees: [],
  branches: [{ branchId: 'b-2', branchName: '经济委功能型党支部', branchKind: '功能型党支部', kind: 'functional', duty: '党员' }],
  status: 'active',
  retiredAt: null,
  retireReason: null,
  isAdmin: false,
  bound: true,
  invitePending: false,
  lastVoidedInvite: null,
  gender: '女',
  ethnicity: '汉族',
  birthMonth: '1962-05',
  workUnit: null,
  term: '第十五届',
}
