import { RATING_LABELS, SUGGESTION_KIND_LABELS, SUGGESTION_STATUS_LABELS, type SuggestionStats, type SuggestionStatus, contract } from '@tongxin/shared-types';
import { type RawBuilder, sql } from 'kysely';
import { defineAction } from '../../core/action';
import { recordAudit } from '../../core/audit';
import { writeXlsx } from '../../adapters/spreadsheet';
import { beijingDayStart } from './shared';

const OFFICE = { roles: ['admin'] as const };

const pct = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 1000) / 10);

/**
 * 统计：某段时间（按提交日，北京时间，含首尾）、某个范围（全政协、专委会、界别、承办单位）。全部在一条 SQL 里数出来，
 * 报表（月通报、季督查、年述评）直接复用。提案的各项比率：
 * 立案率 = 立案 ÷ 已审查；办复率 = 已答复 ÷ 已交办；按期办复率 = 期限内首次答复 ÷ 已交办；
 * 满意率 =（满意 + 基本满意）÷ 已评价办结；见面率 = 记了见面 ÷ 已交办。
 */
export const stats = defineAction({
  input: contract.suggestions.stats,
  errors: [],
  access: OFFICE,
  handler: async ({ from, to, committeeId, sectorId, unitId }, { deps, actor }): Promise<SuggestionStats> => {
    const start = beijingDayStart(from);
    const end = new Date(beijingDayStart(to).getTime() + 86_400_000);
    const scope: RawBuilder<unknown>[] = [];
    if (committeeId)
      scope.push(
        sql`AND EXISTS (SELECT 1 FROM member_committee mc WHERE mc.org_id = s.org_id AND mc.member_id = s.author_id AND mc.committee_id = ${committeeId}::uuid)`,
      );
    if (sectorId) scope.push(sql`AND EXISTS (SELECT 1 FROM member m WHERE m.org_id = s.org_id AND m.id = s.author_id AND m.sector_id = ${sectorId}::uuid)`);
    if (unitId)
      scope.push(sql`AND EXISTS (SELECT 1 FROM suggestion_unit su WHERE su.org_id = s.org_id AND su.suggestion_id = s.id AND su.unit_id = ${unitId}::uuid)`);
    const { rows } = await sql<Record<string, string | number>>`
      WITH s AS (
        SELECT s.*,
          (SELECT min(r.at) FROM suggestion_reply r WHERE r.org_id = s.org_id AND r.suggestion_id = s.id) AS first_reply_at,
          EXISTS (SELECT 1 FROM suggestion_instruction i WHERE i.org_id = s.org_id AND i.suggestion_id = s.id) AS instructed
        FROM suggestion s
        WHERE s.org_id = ${actor.orgId}::uuid AND s.status NOT IN ('draft', 'withdrawn')
          AND s.submitted_at >= ${start} AND s.submitted_at < ${end} ${sql.join(scope, sql` `)}
      )
      SELECT
        count(*) FILTER (WHERE kind = 'proposal')::int AS kind_proposal,
        count(*) FILTER (WHERE kind = 'opinion')::int AS kind_opinion,
        count(*) FILTER (WHERE kind = 'advice')::int AS kind_advice,
        (SELECT coalesce(jsonb_object_agg(status, n), '{}'::jsonb) FROM (SELECT status, count(*)::int AS n FROM s GROUP BY status) x) AS by_status,
        count(*) FILTER (WHERE original_kind = 'proposal')::int AS p_submitted,
        count(*) FILTER (WHERE original_kind = 'proposal' AND status <> 'submitted')::int AS p_reviewed,
        count(*) FILTER (WHERE original_kind = 'proposal' AND number IS NOT NULL)::int AS p_filed,
        count(*) FILTER (WHERE original_kind = 'proposal' AND assigned_at IS NOT NULL)::int AS p_assigned,
        count(*) FILTER (WHERE original_kind = 'proposal' AND first_reply_at IS NOT NULL)::int AS p_replied,
        count(*) FILTER (WHERE original_kind = 'proposal' AND first_reply_at IS NOT NULL AND first_reply_at <= due_at)::int AS p_on_time,
        count(*) FILTER (WHERE original_kind = 'proposal' AND status = 'closed' AND rating IS NOT NULL)::int AS p_rated,
        count(*) FILTER (WHERE original_kind = 'proposal' AND status = 'closed' AND rating IN ('satisfied', 'basically'))::int AS p_satisfied,
        count(*) FILTER (WHERE original_kind = 'proposal' AND assigned_at IS NOT NULL AND met_at IS NOT NULL)::int AS p_met,
        count(*) FILTER (WHERE kind = 'opinion')::int AS o_submitted,
        count(*) FILTER (WHERE kind = 'opinion' AND adoption_level IS NOT NULL)::int AS o_adopted,
        count(*) FILTER (WHERE kind = 'opinion' AND adoption_level = 'local')::int AS o_local,
        count(*) FILTER (WHERE kind = 'opinion' AND adoption_level = 'upper')::int AS o_upper,
        count(*) FILTER (WHERE kind = 'opinion' AND adoption_level = 'national')::int AS o_national,
        count(*) FILTER (WHERE kind = 'opinion' AND instructed)::int AS o_instructed
      FROM s`.execute(deps.db);
    const r = rows[0];
    const n = (k: string) => Number(r[k] ?? 0);
    const byStatus = (typeof r.by_status === 'string' ? JSON.parse(r.by_status) : r.by_status) as Partial<Record<SuggestionStatus, number>>;
    const p = {
      submitted: n('p_submitted'),
      reviewed: n('p_reviewed'),
      filed: n('p_filed'),
      assigned: n('p_assigned'),
      replied: n('p_replied'),
      repliedOnTime: n('p_on_time'),
      rated: n('p_rated'),
      satisfied: n('p_satisfied'),
      met: n('p_met'),
    };
    return {
      from,
      to,
      byKind: { proposal: { submitted: n('kind_proposal') }, opinion: { submitted: n('kind_opinion') }, advice: { submitted: n('kind_advice') } },
      byStatus,
      proposals: p,
      rates: {
        filing: pct(p.filed, p.reviewed),
        replied: pct(p.replied, p.assigned),
        onTime: pct(p.repliedOnTime, p.assigned),
        satisfaction: pct(p.satisfied, p.rated),
        meeting: pct(p.met, p.assigned),
      },
      opinions: {
        submitted: n('o_submitted'),
        adopted: n('o_adopted'),
        adoptedByLevel: { local: n('o_local'), upper: n('o_upper'), national: n('o_national') },
        instructed: n('o_instructed'),
      },
    };
  },
});

const day = (d: Date | string | null) => (d ? new Date(new Date(d).getTime() + 8 * 3600_000).toISOString().slice(0, 10) : '');

/** 导出一年的建言清单（含状态、承办单位、期限、评价）：XLSX，exceljs 只在这里加载；导出记审计 */
export const exportList = defineAction({
  input: contract.suggestions.exportList,
  errors: [],
  access: OFFICE,
  writes: true,
  handler: async ({ year }, ctx) => {
    const { deps, actor } = ctx;
    const start = new Date(`${year}-01-01T00:00:00+08:00`);
    const end = new Date(`${year + 1}-01-01T00:00:00+08:00`);
    const rows = await deps.db
      .selectFrom('suggestion as s')
      .innerJoin('member as a', (j) => j.onRef('a.org_id', '=', 's.org_id').onRef('a.id', '=', 's.author_id'))
      .select([
        's.id',
        's.number',
        's.kind',
        's.status',
        's.title',
        's.category',
        'a.name',
        's.submitted_at',
        's.due_at',
        's.replied_at',
        's.met_at',
        's.rating',
        's.is_key',
        's.is_excellent',
        (eb) =>
          eb
            .selectFrom('suggestion_unit as su')
            .innerJoin('handling_unit as u', (j) => j.onRef('u.org_id', '=', 'su.org_id').onRef('u.id', '=', 'su.unit_id'))
            .select(sql<string>`string_agg(u.name || CASE WHEN su.lead THEN '（主办）' ELSE '（协办）' END, '、' ORDER BY su.lead DESC, u.name)`.as('x'))
            .whereRef('su.org_id', '=', 's.org_id')
            .whereRef('su.suggestion_id', '=', 's.id')
            .as('units'),
      ])
      .where('s.org_id', '=', actor.orgId)
      .where('s.status', '!=', 'draft')
      .where('s.submitted_at', '>=', start)
      .where('s.submitted_at', '<', end)
      .orderBy('s.number_seq')
      .orderBy('s.submitted_at')
      .execute();
    const content = await writeXlsx(
      `${year}年建言`,
      ['编号', '类型', '案由', '类别', '提出者', '提交日期', '状态', '承办单位', '答复期限', '答复日期', '见面日期', '评价', '重点', '优秀'],
      rows.map((r) => [
        r.number ?? '',
        SUGGESTION_KIND_LABELS[r.kind],
        r.title,
        r.category,
        r.name,
        day(r.submitted_at),
        SUGGESTION_STATUS_LABELS[r.status],
        r.units ?? '',
        day(r.due_at),
        day(r.replied_at),
        day(r.met_at),
        r.rating ? RATING_LABELS[r.rating] : '',
        r.is_key ? '是' : '',
        r.is_excellent ? '是' : '',
      ]),
    );
    await deps.db
      .transaction()
      .execute((trx) =>
        recordAudit(trx, ctx, { action: 'suggestions.exportList', targetKind: 'export', summary: `导出 ${year} 年建言清单（${rows.length} 件）` }),
      );
    return { fileName: `建言清单-${year}.xlsx`, contentBase64: content.toString('base64') };
  },
});
