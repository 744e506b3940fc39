import {
  AppError,
  FIVE_ONE_ITEMS,
  FIVE_ONE_LABELS,
  PARTY_CATEGORIES,
  type PointsAppealView,
  type PointsEntryView,
  type PointsLedgerView,
  type PointsTotals,
} from '@tongxin/shared-types';
import type { DB } from '../../db/connect';
import { explainEntry, isManualBasis, reversalLabel, signedPoints } from '../../domain/points';

type Queryable = Pick<DB, 'selectFrom'>;

/** 某人某年的积分台账：合计由流水求和，每条流水带一句解释，外加五个一。 */
export async function loadLedger(db: Queryable, orgId: string, memberId: string, year: number): Promise<PointsLedgerView> {
  const member = await db.selectFrom('member').select(['name', 'affiliation']).where('org_id', '=', orgId).where('id', '=', memberId).executeTakeFirst();
  if (!member) throw new AppError('NOT_FOUND#MEMBER');
  const [rows, fiveOne, appeals, closed] = await Promise.all([
    db
      .selectFrom('points_entry as e')
      .leftJoin('points_rule as r', (j) => j.onRef('r.org_id', '=', 'e.org_id').onRef('r.id', '=', 'e.rule_id'))
      .select([
        'e.id',
        'e.created_at',
        'e.track',
        'e.category',
        'e.rule_code',
        'e.points',
        'e.requested_points',
        'e.source_kind',
        'e.source_id',
        'e.source_title',
        'e.reason',
        'e.operator_name',
        'e.reverses_entry_id',
        'r.name as rule_name',
        'r.yearly_cap',
        'r.basis',
      ])
      .where('e.org_id', '=', orgId)
      .where('e.member_id', '=', memberId)
      .where('e.year', '=', year)
      .orderBy('e.created_at')
      .orderBy('e.seq')
      .execute(),
    db
      .selectFrom('five_one_fulfilment')
      .select(['item', 'source_kind', 'source_id', 'title', 'at'])
      .where('org_id', '=', orgId)
      .where('member_id', '=', memberId)
      .where('year', '=', year)
      .orderBy('at')
      .execute(),
    loadAppeals(db, orgId, (q) => q.where('a.member_id', '=', memberId)),
    db.selectFrom('points_year').select('year').where('org_id', '=', orgId).where('year', '=', year).executeTakeFirst(),
  ]);

  const reversedBy = new Map(rows.filter((r) => r.reverses_entry_id).map((r) => [r.reverses_entry_id!, r.id]));
  const latestAppeal = new Map<string, PointsAppealView>();
  for (const a of appeals) if (!latestAppeal.has(a.entryId)) latestAppeal.set(a.entryId, a);
  const pointsOf = new Map(rows.map((r) => [r.id, r.points]));
  const reversalRow = new Map(rows.filter((r) => r.reverses_entry_id).map((r) => [r.reverses_entry_id!, r]));
  const used = new Map<string, number>();
  const entries: PointsEntryView[] = rows.map((r) => {
    const usedAfter = (used.get(r.rule_code) ?? 0) + r.points;
    used.set(r.rule_code, usedAfter);
    const ruleName = r.rule_name ?? r.rule_code;
    const isReversal = r.reverses_entry_id !== null;
    const byAppeal = isReversal && latestAppeal.get(r.reverses_entry_id!)?.status === 'accepted';
    const reversal = reversalRow.get(r.id);
    const appeal = latestAppeal.get(r.id) ?? null;
    return {
      id: r.id,
      at: new Date(r.created_at).toISOString(),
      track: r.track,
      category: r.category,
      ruleCode: r.rule_code,
      ruleName,
      points: r.points,
      requestedPoints: r.requested_points,
      explanation: explainEntry({
        ruleName,
        sourceTitle: r.source_title,
        points: r.points,
        requestedPoints: r.requested_points,
        yearlyCap: r.yearly_cap,
        usedAfter,
        operatorName: r.operator_name,
        reason: r.reason,
        isReversal,
        byAppeal,
      }),
      headline: isReversal ? reversalLabel(pointsOf.get(r.reverses_entry_id!) ?? -r.points, byAppeal) : `${r.source_title} ${signedPoints(r.points)}`,
      net: isReversal ? r.points : r.points + (reversal?.points ?? 0),
      history: isReversal ? [] : entryHistory(r, appeal, reversal ?? null, byAppealOf(appeal)),
      source: { kind: r.source_kind, id: r.source_id, title: r.source_title },
      cap: r.yearly_cap !== null && !isReversal ? { limit: r.yearly_cap, usedAfter } : null,
      operatorName: r.operator_name,
      reason: r.reason,
      reversesEntryId: r.reverses_entry_id,
      reversedByEntryId: reversedBy.get(r.id) ?? null,
      // 每条评定只能申诉一次：待处理或已答复的都不能再申诉（驳回后如有异议，由政协办公室复核）
      appealable: !isReversal && !reversedBy.has(r.id) && r.basis !== null && isManualBasis(r.basis) && !closed && !latestAppeal.has(r.id),
      appeal: latestAppeal.get(r.id) ?? null,
    };
  });

  const isCpc = member.affiliation === '中共党员';
  const totals: PointsTotals[] = [];
  if (isCpc || rows.some((r) => r.track === 'party')) {
    totals.push({
      track: 'party',
      total: sum(rows.filter((r) => r.track === 'party').map((r) => r.points)),
      categories: PARTY_CATEGORIES.map((category) => ({
        category,
        total: sum(rows.filter((r) => r.track === 'party' && r.category === category).map((r) => r.points)),
      })),
    });
  }
  const duty = sum(rows.filter((r) => r.track === 'duty').map((r) => r.points));
  totals.push({ track: 'duty', total: duty, categories: [{ category: '履职', total: duty }] });

  const newestFirst = entries.reverse();
  return {
    memberId,
    memberName: member.name,
    year,
    yearClosed: Boolean(closed),
    isCpc,
    totals,
    entries: newestFirst,
    items: newestFirst.filter((e) => e.reversesEntryId === null),
    fiveOne: FIVE_ONE_ITEMS.map((item) => {
      const done = fiveOne.filter((f) => f.item === item);
      return {
        item,
        label: FIVE_ONE_LABELS[item],
        done: done.length > 0,
        fulfilledBy: done.map((f) => ({ sourceKind: f.source_kind, sourceId: f.source_id, title: f.title, at: new Date(f.at).toISOString() })),
      };
    }),
  };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const iso = (d: Date | string) => new Date(d).toISOString();
const byAppealOf = (a: PointsAppealView | null) => a?.status === 'accepted';

/** 一条记录的经过：记分 → 申诉 → 答复 → 撤销 */
function entryHistory(
  r: { created_at: Date | string; points: number; operator_name: string | null; reason: string; source_title: string },
  appeal: PointsAppealView | null,
  reversal: { created_at: Date | string; operator_name: string | null; reason: string } | null,
  byAppeal: boolean,
): Array<{ at: string; text: string }> {
  const h = [
    { at: iso(r.created_at), text: `${r.operator_name ? `${r.operator_name}评定` : '按规则记分'} ${signedPoints(r.points)}${r.reason ? `：${r.reason}` : ''}` },
  ];
  if (appeal) {
    h.push({ at: appeal.createdAt, text: `提出申诉：${appeal.reason}` });
    if (appeal.answeredAt)
      h.push({
        at: appeal.answeredAt,
        text: `${appeal.status === 'accepted' ? '申诉已采纳' : '申诉未被采纳'}${appeal.answeredByName ? `（${appeal.answeredByName}）` : ''}：${appeal.answer ?? ''}`,
      });
  }
  if (reversal && !byAppeal)
    h.push({
      at: iso(reversal.created_at),
      text: `${reversalLabel(r.points, false)}${reversal.operator_name ? `（${reversal.operator_name}）` : ''}：${reversal.reason}`,
    });
  else if (reversal) h.push({ at: iso(reversal.created_at), text: reversalLabel(r.points, true) });
  return h.sort((a, b) => a.at.localeCompare(b.at));
}

export type AppealQuery = ReturnType<typeof appealBase>;
function appealBase(db: Queryable, orgId: string) {
  return db
    .selectFrom('points_appeal as a')
    .innerJoin('member as m', (j) => j.onRef('m.org_id', '=', 'a.org_id').onRef('m.id', '=', 'a.member_id'))
    .innerJoin('points_entry as e', (j) => j.onRef('e.org_id', '=', 'a.org_id').onRef('e.id', '=', 'a.entry_id'))
    .select([
      'a.id',
      'a.entry_id',
      'a.member_id',
      'm.name as member_name',
      'a.reason',
      'a.status',
      'a.answer',
      'a.answered_by_name',
      'a.created_at',
      'a.answered_at',
      'e.source_title',
      'e.points',
      'e.operator_name',
      'e.operator_id',
      'e.reason as entry_reason',
    ])
    .where('a.org_id', '=', orgId);
}

export async function countAppeals(db: Queryable, orgId: string, filter: (q: AppealQuery) => AppealQuery): Promise<number> {
  const rows = await filter(appealBase(db, orgId))
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .execute();
  return Number(rows[0]?.n ?? 0);
}

export async function loadAppeals(db: Queryable, orgId: string, filter: (q: AppealQuery) => AppealQuery = (q) => q): Promise<PointsAppealView[]> {
  const rows = await filter(appealBase(db, orgId)).orderBy('a.created_at', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    entryId: r.entry_id,
    memberId: r.member_id,
    memberName: r.member_name,
    reason: r.reason,
    status: r.status,
    answer: r.answer,
    answeredByName: r.answered_by_name,
    createdAt: new Date(r.created_at).toISOString(),
    answeredAt: r.answered_at ? new Date(r.answered_at).toISOString() : null,
    entrySummary: `「${r.source_title}」${signedPoints(r.points)} 分${r.operator_name ? `（${r.operator_name}评定）` : ''}`,
    entryReason: r.entry_reason,
    entryOperatorId: r.operator_id,
    entryOperatorName: r.operator_name,
  }));
}

export async function loadEntryView(db: Queryable, orgId: string, entryId: string): Promise<PointsEntryView> {
  const e = await db.selectFrom('points_entry').select(['member_id', 'year']).where('org_id', '=', orgId).where('id', '=', entryId).executeTakeFirstOrThrow();
  const ledger = await loadLedger(db, orgId, e.member_id, e.year);
  return ledger.entries.find((x) => x.id === entryId)!;
}
