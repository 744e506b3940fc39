import { AppError, type PointsOverview, type PointsVisibility, contract } from '@tongxin/shared-types';
import { sql } from 'kysely';
import { defineAction } from '../../core/action';
import type { DB } from '../../db/connect';
import { isManualBasis, yearOf } from '../../domain/points';
import { loadAppeals, loadLedger } from './view';

/** 我的积分 */
export const mine = defineAction({
  input: contract.points.mine,
  errors: ['NOT_FOUND#MEMBER'],
  access: 'member',
  handler: async (input, { deps, actor }) => loadLedger(deps.db, actor.orgId, actor.memberId, input?.year ?? yearOf(deps.clock.now())),
});

/** 对支部评定的条目提出申诉（同一条同时只能有一个待处理的申诉） */
export const appeal = defineAction({
  input: contract.points.appeal,
  errors: [
    'CONFLICT#APPEAL_ONCE',
    'CONFLICT#APPEAL_PENDING',
    'CONFLICT#APPEAL_REVERSED',
    'NOT_FOUND#POINTS_ENTRY',
    'POINTS.NOT_APPEALABLE',
    'POINTS.YEAR_CLOSED#APPEAL',
  ],
  access: 'member',
  handler: async ({ entryId, reason }, { deps, actor }) => {
    const id = await deps.db.transaction().execute(async (trx) => {
      const entry = await trx
        .selectFrom('points_entry as e')
        .leftJoin('points_rule as r', (j) => j.onRef('r.org_id', '=', 'e.org_id').onRef('r.id', '=', 'e.rule_id'))
        .select(['e.member_id', 'e.reverses_entry_id', 'e.year', 'r.basis'])
        .where('e.org_id', '=', actor.orgId)
        .where('e.id', '=', entryId)
        .executeTakeFirst();
      // 别人的记录与不存在的记录答复相同，不透露他人的积分
      if (!entry || entry.member_id !== actor.memberId) throw new AppError('NOT_FOUND#POINTS_ENTRY');
      if (entry.reverses_entry_id || !entry.basis || !isManualBasis(entry.basis)) {
        throw new AppError('POINTS.NOT_APPEALABLE');
      }
      const closed = await trx.selectFrom('points_year').select('year').where('org_id', '=', actor.orgId).where('year', '=', entry.year).executeTakeFirst();
      if (closed) throw new AppError('POINTS.YEAR_CLOSED#APPEAL', { year: entry.year });
      const reversed = await trx
        .selectFrom('points_entry')
        .select('id')
        .where('org_id', '=', actor.orgId)
        .where('reverses_entry_id', '=', entryId)
        .executeTakeFirst();
      if (reversed) throw new AppError('CONFLICT#APPEAL_REVERSED');
      const earlier = await trx
        .selectFrom('points_appeal')
        .select('status')
        .where('org_id', '=', actor.orgId)
        .where('entry_id', '=', entryId)
        .executeTakeFirst();
      if (earlier) throw new AppError(earlier.status === 'pending' ? 'CONFLICT#APPEAL_PENDING' : 'CONFLICT#APPEAL_ONCE');
      return (
        await trx
          .insertInto('points_appeal')
          .values({ org_id: actor.orgId, entry_id: entryId, member_id: actor.memberId, reason, created_at: deps.clock.now() })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    });
    const [view] = await loadAppeals(deps.db, actor.orgId, (q) => q.where('a.id', '=', id));
    return view;
  },
});

export const myAppeals = defineAction({
  input: contract.points.myAppeals,
  errors: [],
  access: 'member',
  handler: async (_input, { deps, actor }) => loadAppeals(deps.db, actor.orgId, (q) => q.where('a.member_id', '=', actor.memberId)),
});

export async function getVisibility(db: Pick<DB, 'selectFrom'>, orgId: string): Promise<PointsVisibility> {
  const row = await db.selectFrom('org_setting').select('value').where('org_id', '=', orgId).where('key', '=', 'points.visibility').executeTakeFirst();
  return (row?.value as PointsVisibility | undefined) ?? 'none';
}

/**
 * 他人的积分：默认不公开（国办函〔2026〕12号：积分排名默认关闭）。
 * 办公室开启后，可看各支部汇总或个人积分；管理员始终可看（用于月通报、年述评）。
 */
export const overview = defineAction({
  input: contract.points.overview,
  errors: ['POINTS.NOT_PUBLIC'],
  access: 'member',
  handler: async (input, { deps, actor }): Promise<PointsOverview> => {
    const year = input?.year ?? yearOf(deps.clock.now());
    const visibility = await getVisibility(deps.db, actor.orgId);
    const isAdmin = actor.roles.includes('admin');
    if (visibility === 'none' && !isAdmin) throw new AppError('POINTS.NOT_PUBLIC');
    const showIndividuals = isAdmin || visibility === 'individual';
    const db = deps.db;
    const branches = await db
      .selectFrom('party_org as p')
      .innerJoin('branch_membership as bm', (j) => j.onRef('bm.org_id', '=', 'p.org_id').onRef('bm.branch_id', '=', 'p.id'))
      .innerJoin('member as m', (j) => j.onRef('m.org_id', '=', 'bm.org_id').onRef('m.id', '=', 'bm.member_id'))
      .leftJoin('points_entry as e', (j) =>
        j.onRef('e.org_id', '=', 'm.org_id').onRef('e.member_id', '=', 'm.id').on('e.year', '=', year).on('e.track', '=', 'party'),
      )
      .select(['p.id', 'p.name'])
      .select(sql<number>`count(DISTINCT m.id)::int`.as('members'))
      .select(sql<number>`coalesce(sum(e.points), 0)::int`.as('points'))
      .where('p.org_id', '=', actor.orgId)
      .where('p.status', '=', 'active')
      .where('m.status', '=', 'active')
      .groupBy(['p.id', 'p.name', 'p.sort_order'])
      .orderBy('p.sort_order')
      .execute();
    let individuals: PointsOverview['individuals'] = null;
    if (showIndividuals) {
      const rows = await db
        .selectFrom('member as m')
        .leftJoin('points_entry as e', (j) => j.onRef('e.org_id', '=', 'm.org_id').onRef('e.member_id', '=', 'm.id').on('e.year', '=', year))
        .select(['m.id', 'm.name', 'm.affiliation'])
        .select(sql<number>`coalesce(sum(e.points) FILTER (WHERE e.track = 'party'), 0)::int`.as('party'))
        .select(sql<number>`coalesce(sum(e.points) FILTER (WHERE e.track = 'duty'), 0)::int`.as('duty'))
        .where('m.org_id', '=', actor.orgId)
        .where('m.status', '=', 'active')
        .groupBy(['m.id', 'm.name', 'm.name_sort', 'm.affiliation'])
        // 按姓名拼音排列，不按分数排：公开个人积分也不做排名（国办函〔2026〕12号）
        .orderBy(sql`m.name_sort COLLATE "C"`)
        .orderBy('m.id')
        .execute();
      // 政治面貌只有管理员能看：非管理员看到的个人积分里不出现党员积分
      individuals = rows.map((r) => ({ memberId: r.id, name: r.name, party: isAdmin && r.affiliation === '中共党员' ? r.party : null, duty: r.duty }));
    }
    return {
      visibility,
      year,
      branches: branches.map((b) => ({
        branchId: b.id,
        branchName: b.name,
        members: b.members,
        averageParty: b.members ? Math.round((b.points / b.members) * 10) / 10 : 0,
      })),
      individuals,
    };
  },
});
