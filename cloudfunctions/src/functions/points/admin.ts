import { AppError, type PointsRuleView, VISIBILITY_LABELS, contract } from '@tongxin/shared-types';
import { defineAction } from '../../core/action';
import { recordAudit } from '../../core/audit';
import type { PointsRuleTable } from '../../db/schema';
import { yearOf } from '../../domain/points';
import type { Selectable } from 'kysely';

export const toRuleView = (r: Selectable<PointsRuleTable>): PointsRuleView => ({
  id: r.id,
  code: r.code,
  version: r.version,
  name: r.name,
  track: r.track,
  category: r.category,
  basis: r.basis,
  points: r.points,
  minPoints: r.min_points,
  maxPoints: r.max_points,
  yearlyCap: r.yearly_cap,
  oncePerYear: r.once_per_year,
  appliesTo: r.applies_to,
  active: r.active,
  description: r.description,
  createdAt: new Date(r.created_at).toISOString(),
  current: r.superseded_at === null,
});

export const rules = defineAction({
  input: contract.points.rules,
  errors: [],
  access: { roles: ['admin', 'secretary'] },
  handler: async (input, { deps, actor }) => {
    let q = deps.db.selectFrom('points_rule').selectAll().where('org_id', '=', actor.orgId);
    if (!input?.includeHistory) q = q.where('superseded_at', 'is', null);
    return (await q.orderBy('track', 'desc').orderBy('code').orderBy('version', 'desc').execute()).map(toRuleView);
  },
});

/** 保存规则：已有的规则新增一个版本（已记的分不受影响），新的规则从版本 1 开始 */
export const saveRule = defineAction({
  input: contract.points.saveRule,
  errors: ['POINTS.RULE_TRACK_FIXED'],
  access: { roles: ['admin'] },
  writes: true,
  handler: async (input, ctx) => {
    const { deps, actor } = ctx;
    const now = deps.clock.now();
    const saved = await deps.db.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom('points_rule')
        .selectAll()
        .where('org_id', '=', actor.orgId)
        .where('code', '=', input.code)
        .where('superseded_at', 'is', null)
        .forUpdate()
        .executeTakeFirst();
      if (current && (current.track !== input.track || current.category !== input.category)) {
        throw new AppError('POINTS.RULE_TRACK_FIXED');
      }
      if (current) await trx.updateTable('points_rule').set({ superseded_at: now }).where('org_id', '=', actor.orgId).where('id', '=', current.id).execute();
      const row = await trx
        .insertInto('points_rule')
        .values({
          org_id: actor.orgId,
          code: input.code,
          version: (current?.version ?? 0) + 1,
          name: input.name,
          track: input.track,
          category: input.category,
          basis: input.basis,
          points: input.points,
          min_points: input.minPoints,
          max_points: input.maxPoints,
          yearly_cap: input.yearlyCap,
          // 没说就沿用现行版本（旧的客户端不认识这一项，不能让它悄悄取消“每年一次”）
          once_per_year: input.oncePerYear ?? current?.once_per_year ?? false,
          applies_to: input.appliesTo,
          active: input.active,
          description: input.description,
          created_at: now,
          created_by: actor.memberId,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'points.saveRule',
        targetKind: 'points_rule',
        targetId: row.id,
        summary: current
          ? `修改积分规则「${input.name}」为第 ${row.version} 版：每次 ${input.points} 分${input.yearlyCap !== null ? `，年度上限 ${input.yearlyCap}` : ''}`
          : `新建积分规则「${input.name}」`,
        details: { code: input.code, version: row.version },
      });
      return row;
    });
    return toRuleView(saved);
  },
});

/** 年度关账：关账后不能再记分，只有管理员写明原因的冲正可以改动 */
export const closeYear = defineAction({
  input: contract.points.closeYear,
  errors: ['CONFLICT#YEAR_ALREADY_CLOSED', 'POINTS.YEAR_NOT_OVER'],
  access: { roles: ['admin'] },
  writes: true,
  handler: async ({ year }, ctx) => {
    const { deps, actor } = ctx;
    const now = deps.clock.now();
    if (year >= yearOf(now)) throw new AppError('POINTS.YEAR_NOT_OVER', { year });
    await deps.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('points_year')
        .values({ org_id: actor.orgId, year, closed_at: now, closed_by: actor.memberId })
        .onConflict((oc) => oc.doNothing())
        .returning('year')
        .execute();
      if (inserted.length === 0) throw new AppError('CONFLICT#YEAR_ALREADY_CLOSED', { year });
      await recordAudit(trx, ctx, { action: 'points.closeYear', targetKind: 'points_year', targetId: String(year), summary: `${year} 年度积分关账` });
    });
    return { year, closedAt: now.toISOString() };
  },
});

export const setVisibility = defineAction({
  input: contract.points.setVisibility,
  errors: [],
  access: { roles: ['admin'] },
  writes: true,
  handler: async ({ visibility }, ctx) => {
    const { deps, actor } = ctx;
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('org_setting')
        .values({ org_id: actor.orgId, key: 'points.visibility', value: JSON.stringify(visibility), updated_at: deps.clock.now(), updated_by: actor.memberId })
        .onConflict((oc) =>
          oc.columns(['org_id', 'key']).doUpdateSet({ value: JSON.stringify(visibility), updated_at: deps.clock.now(), updated_by: actor.memberId }),
        )
        .execute();
      await recordAudit(trx, ctx, {
        action: 'points.setVisibility',
        targetKind: 'setting',
        targetId: 'points.visibility',
        summary: `积分可见范围改为：${VISIBILITY_LABELS[visibility]}`,
      });
    });
    return { visibility };
  },
});
