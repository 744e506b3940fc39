import { ATTENDANCE_STATUS_LABELS, AppError, CHECKIN_METHOD_LABELS, PLENARY_KINDS, contract } from '@tongxin/shared-types';
import { sql } from 'kysely';
import { defineAction } from '../../core/action';
import { recordAudit } from '../../core/audit';
import { writeXlsx } from '../../adapters/spreadsheet';
import { PARTY_LIFE_KINDS } from '../../domain/events';
import { awardPointsToEach } from '../points/ledger';
import { loadAttendance } from './roster-view';
import { ORGANISERS, byEvent, loadEventRow, toEventViews } from './shared';

const fmt = (s: string | Date | null) => (s ? new Date(s).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '');

export const attendance = defineAction({
  input: contract.event.attendance,
  errors: ['NOT_FOUND#EVENT'],
  access: { roles: ORGANISERS, scope: byEvent },
  handler: async ({ eventId }, { deps, actor }) => {
    const event = await loadEventRow(deps.db, actor.orgId, eventId);
    const [view] = await toEventViews(deps.db, actor.orgId, [event]);
    return { event: view, ...(await loadAttendance(deps.db, event)) };
  },
});

/** 导出签到名单（XLSX）；导出个人数据记入审计 */
export const exportAttendance = defineAction({
  input: contract.event.exportAttendance,
  errors: ['NOT_FOUND#EVENT'],
  access: { roles: ORGANISERS, scope: byEvent },
  writes: true,
  handler: async ({ eventId }, ctx) => {
    const { deps, actor } = ctx;
    const event = await loadEventRow(deps.db, actor.orgId, eventId);
    const { counts, rows } = await loadAttendance(deps.db, event);
    const file = await writeXlsx(
      '签到名单',
      ['姓名', '界别', '应到', '状态', '签到时间', '方式', '代签人', '代签原因', '请假原因'],
      [
        ...rows.map((r) => [r.name, r.sector ?? '', r.expected ? '是' : '否', ATTENDANCE_STATUS_LABELS[r.status], fmt(r.checkedInAt), r.method ? CHECKIN_METHOD_LABELS[r.method] : '', r.proxyByName ?? '', r.proxyReason ?? '', r.leave?.reason ?? '']),
        [],
        [`应到 ${counts.expected} 人，实到 ${counts.checkedIn} 人（迟到 ${counts.late}），请假 ${counts.onLeave} 人，未到 ${counts.absent} 人，到会率 ${counts.rate}%`],
      ],
    );
    await deps.db.transaction().execute((trx) =>
      recordAudit(trx, ctx, { action: 'event.exportAttendance', targetKind: 'export', targetId: eventId, summary: `导出「${event.title}」签到名单（${rows.length} 人）` }),
    );
    return { fileName: `${event.title}-签到名单.xlsx`, contentBase64: file.toString('base64') };
  },
});

/**
 * 双重组织生活：本支部（第一组织关系）的党员在其他支部（功能型、临时）参加组织生活的记录，
 * 供所在支部记入党员的组织生活情况。
 */
export const exportDualLife = defineAction({
  input: contract.event.exportDualLife,
  errors: ['NOT_FOUND#BRANCH'],
  access: { roles: ORGANISERS, scope: { kind: 'branch', branchId: (i: { branchId: string }) => i.branchId } },
  writes: true,
  handler: async ({ branchId, from, to }, ctx) => {
    const { deps, actor } = ctx;
    const branch = await deps.db.selectFrom('party_org').select('name').where('org_id', '=', actor.orgId).where('id', '=', branchId).executeTakeFirst();
    if (!branch) throw new AppError('NOT_FOUND#BRANCH');
    const rows = await deps.db
      .selectFrom('attendance as a')
      .innerJoin('branch_membership as bm', (j) => j.onRef('bm.org_id', '=', 'a.org_id').onRef('bm.member_id', '=', 'a.member_id'))
      .innerJoin('event as e', (j) => j.onRef('e.org_id', '=', 'a.org_id').onRef('e.id', '=', 'a.event_id'))
      .innerJoin('party_org as host', (j) => j.onRef('host.org_id', '=', 'e.org_id').onRef('host.id', '=', 'e.owner_branch_id'))
      .innerJoin('member as m', (j) => j.onRef('m.org_id', '=', 'a.org_id').onRef('m.id', '=', 'a.member_id'))
      .select(['m.name', 'e.title', 'e.kind', 'host.name as host', 'e.starts_at', 'a.checked_in_at', 'a.method'])
      .where('a.org_id', '=', actor.orgId)
      .where('bm.branch_id', '=', branchId)
      .where('bm.kind', '=', 'primary')
      .where('e.owner_branch_id', '!=', branchId)
      .where('e.kind', 'in', [...PARTY_LIFE_KINDS])
      .where('e.starts_at', '>=', new Date(`${from}T00:00:00+08:00`))
      .where('e.starts_at', '<', new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 86_400_000))
      .orderBy(sql`m.name_sort COLLATE "C"`)
      .orderBy('m.id')
      .orderBy('e.starts_at')
      .execute();
    const file = await writeXlsx(
      '双重组织生活',
      ['姓名', '活动', '类型', '主办支部', '活动时间', '签到时间', '方式'],
      rows.map((r) => [r.name, r.title, r.kind, r.host, fmt(r.starts_at), fmt(r.checked_in_at), CHECKIN_METHOD_LABELS[r.method]]),
    );
    await deps.db.transaction().execute((trx) =>
      recordAudit(trx, ctx, { action: 'event.exportDualLife', targetKind: 'export', targetId: branchId, summary: `导出 ${branch.name} 党员 ${from} 至 ${to} 的双重组织生活记录（${rows.length} 条）` }),
    );
    return { fileName: `${branch.name}-双重组织生活-${from}至${to}.xlsx`, contentBase64: file.toString('base64') };
  },
});

/** 活动结束后定案：全体会议、常委会议的缺席按规则扣分（请假扣得少）；其他活动只锁定名单 */
export const finalize = defineAction({
  input: contract.event.finalize,
  errors: ['CONFLICT#EVENT_CANCELLED', 'CONFLICT#EVENT_FINALIZED', 'EVENT.FINALIZE_TOO_EARLY', 'NOT_FOUND#EVENT', 'POINTS.RULE_NOT_FOUND', 'POINTS.YEAR_CLOSED', 'EVENT.FINALIZE_RESERVED', 'EVENT.PENDING_CONFIRMATIONS'],
  access: { roles: ORGANISERS, scope: byEvent },
  writes: true,
  handler: async ({ eventId }, ctx) => {
    const { deps, actor } = ctx;
    const now = deps.clock.now();
    return deps.db.transaction().execute(async (trx) => {
      const event = await trx.selectFrom('event').selectAll().where('org_id', '=', actor.orgId).where('id', '=', eventId).forUpdate().executeTakeFirst();
      if (!event) throw new AppError('NOT_FOUND#EVENT');
      if (event.status === 'cancelled') throw new AppError('CONFLICT#EVENT_CANCELLED');
      if (event.finalized_at) throw new AppError('CONFLICT#EVENT_FINALIZED');
      if (now < new Date(event.ends_at)) throw new AppError('EVENT.FINALIZE_TOO_EARLY');
      // 定案会给缺席者扣履职分的活动，只由办公室定案（书记自建的活动到不了这里：这类活动只有办公室能建）
      if (PLENARY_KINDS.includes(event.kind) && !actor.roles.includes('admin')) throw new AppError('EVENT.FINALIZE_RESERVED');
      const pending = await trx.selectFrom('attendance').select('member_id').where('org_id', '=', actor.orgId).where('event_id', '=', eventId).where('confirmation', '=', 'offline').executeTakeFirst();
      if (pending) throw new AppError('EVENT.PENDING_CONFIRMATIONS');
      const { rows } = await loadAttendance(trx, event);
      let absentees = 0;
      let excused = 0;
      if (PLENARY_KINDS.includes(event.kind)) {
        const missing = rows.filter((x) => x.expected && (x.status === 'absent' || x.status === 'leave_pending' || x.status === 'on_leave'));
        const excusedIds = missing.filter((r) => r.status === 'on_leave').map((r) => r.memberId);
        const absentIds = missing.filter((r) => r.status !== 'on_leave').map((r) => r.memberId);
        // 每条规则一条语句，不随缺席人数增加往返
        const source = { kind: 'event-absence', id: event.id, title: event.title };
        await awardPointsToEach(trx, { orgId: actor.orgId, ruleCode: 'duty.absence_excused', source, at: new Date(event.starts_at) }, excusedIds);
        await awardPointsToEach(trx, { orgId: actor.orgId, ruleCode: 'duty.absence_unexcused', source, at: new Date(event.starts_at) }, absentIds);
        excused = excusedIds.length;
        absentees = absentIds.length;
      }
      await trx.updateTable('event').set({ finalized_at: now }).where('org_id', '=', actor.orgId).where('id', '=', eventId).execute();
      await recordAudit(trx, ctx, { action: 'event.finalize', targetKind: 'event', targetId: eventId, summary: `「${event.title}」定案：无故缺席 ${absentees} 人，请假 ${excused} 人` });
      return { absentees, excused };
    });
  },
});
