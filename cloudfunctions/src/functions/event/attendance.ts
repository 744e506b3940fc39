import { ATTENDANCE_STATUS_LABELS, AppError, CHECKIN_METHOD_LABELS, LEAVE_STATUS_LABELS, PLENARY_KINDS, contract } from '@tongxin/shared-types';
import { sql } from 'kysely';
import { defineAction } from '../../core/action';
import { recordAudit } from '../../core/audit';
import { writeWorkbook, writeXlsx } from '../../adapters/spreadsheet';
import { PARTY_LIFE_KINDS, finalizeSummary } from '../../domain/events';
import { signedPoints } from '../../domain/points';
import { tell } from '../../hub/notices';
import { awardPointsToEach } from '../points/ledger';
import { loadRecord } from './minutes';
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

/**
 * 导出会议记录（XLSX）：第一张表是可归档的会议记录——抬头（名称、类型、时间、地点、主办、主持人、记录人、议程）、
 * 出席情况、签到名单、请假及审批、发言要点（含随机点名）；第二张是单纯的签到名单，便于再加工。导出个人数据记入审计。
 */
export const exportAttendance = defineAction({
  input: contract.event.exportAttendance,
  errors: ['NOT_FOUND#EVENT'],
  access: { roles: ORGANISERS, scope: byEvent },
  writes: true,
  handler: async ({ eventId }, ctx) => {
    const { deps, actor } = ctx;
    const event = await loadEventRow(deps.db, actor.orgId, eventId);
    const [{ counts, rows }, [view], minutes] = await Promise.all([
      loadAttendance(deps.db, event),
      toEventViews(deps.db, actor.orgId, [event]),
      loadRecord(deps.db, actor.orgId, eventId),
    ]);
    const headers = ['姓名', '界别', '应到', '状态', '签到时间', '方式', '代签人', '代签原因', '请假原因'];
    const table = rows.map((r) => [
      r.name,
      r.sector ?? '',
      r.expected ? '是' : '否',
      ATTENDANCE_STATUS_LABELS[r.status],
      fmt(r.checkedInAt),
      r.method ? CHECKIN_METHOD_LABELS[r.method] : '',
      r.proxyByName ?? '',
      r.proxyReason ?? '',
      r.leave?.reason ?? '',
    ]);
    const tally = `应到 ${counts.expected} 人，实到 ${counts.checkedIn} 人（迟到 ${counts.late}），请假 ${counts.onLeave} 人，未到 ${counts.absent} 人，到会率 ${counts.rate}%`;
    const leaves = rows.filter((r) => r.leave);
    const speeches = [
      ...minutes.rollCalls.map((c) => [`${c.name}（随机点名第 ${c.order} 位）`, c.note ?? '']),
      ...minutes.speeches.map((sp) => [sp.speakerName, sp.content]),
    ];
    const sheet: Array<Array<string | number | null>> = [];
    const bold: number[] = [];
    const heading = (...r: string[]) => {
      bold.push(sheet.length);
      sheet.push(r);
    };
    heading('会议记录');
    sheet.push(
      ['会议名称', event.title],
      ['类型', event.kind],
      ['时间', `${fmt(event.starts_at)} 至 ${fmt(event.ends_at)}`],
      ['地点', event.place],
      ['主办', view.ownerBranch?.name ?? '政协办公室'],
      ['组织者', view.organiserName],
      ['主持人', event.host_name ?? ''],
      ['记录人', event.recorder_name ?? ''],
      ['议程', event.agenda ?? ''],
      ['出席情况', tally],
    );
    if (event.status === 'cancelled') sheet.push(['状态', `已取消：${event.cancel_reason ?? ''}`]);
    if (event.finalized_at) sheet.push(['定案', fmt(event.finalized_at)]);
    sheet.push([]);
    heading('签到名单');
    heading(...headers);
    sheet.push(...table, []);
    heading('请假');
    if (leaves.length) {
      heading('姓名', '请假原因', '审批', '答复', '审批时间');
      sheet.push(...leaves.map((r) => [r.name, r.leave!.reason, LEAVE_STATUS_LABELS[r.leave!.status], r.leave!.answer ?? '', fmt(r.leave!.decidedAt)]));
    } else sheet.push(['无']);
    sheet.push([]);
    heading('发言要点');
    if (speeches.length) {
      heading('发言人', '要点');
      sheet.push(...speeches);
    } else sheet.push(['无']);
    const file = await writeWorkbook([
      { name: '会议记录', rows: sheet, boldRows: bold, widths: [18, 40, 8, 10, 20, 8, 10, 16, 20] },
      { name: '签到名单', rows: [headers, ...table, [], [tally]], boldRows: [0] },
    ]);
    await deps.db.transaction().execute((trx) =>
      recordAudit(trx, ctx, {
        action: 'event.exportAttendance',
        targetKind: 'export',
        targetId: eventId,
        summary: `导出「${event.title}」会议记录与签到名单（${rows.length} 人）`,
      }),
    );
    return { fileName: `${event.title}-会议记录.xlsx`, contentBase64: file.toString('base64') };
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
      recordAudit(trx, ctx, {
        action: 'event.exportDualLife',
        targetKind: 'export',
        targetId: branchId,
        summary: `导出 ${branch.name} 党员 ${from} 至 ${to} 的双重组织生活记录（${rows.length} 条）`,
      }),
    );
    return { fileName: `${branch.name}-双重组织生活-${from}至${to}.xlsx`, contentBase64: file.toString('base64') };
  },
});

/** 活动结束后定案：全体会议、常委会议的缺席按规则扣分（请假扣得少）；其他活动只锁定名单 */
export const finalize = defineAction({
  input: contract.event.finalize,
  errors: [
    'CONFLICT#EVENT_CANCELLED',
    'CONFLICT#EVENT_FINALIZED',
    'EVENT.FINALIZE_TOO_EARLY',
    'NOT_FOUND#EVENT',
    'POINTS.RULE_NOT_FOUND',
    'POINTS.YEAR_CLOSED',
    'EVENT.FINALIZE_RESERVED',
    'EVENT.PENDING_CONFIRMATIONS',
  ],
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
      const pending = await trx
        .selectFrom('attendance')
        .select('member_id')
        .where('org_id', '=', actor.orgId)
        .where('event_id', '=', eventId)
        .where('confirmation', '=', 'offline')
        .executeTakeFirst();
      if (pending) throw new AppError('EVENT.PENDING_CONFIRMATIONS');
      const { rows, counts } = await loadAttendance(trx, event);
      const missing = rows.filter((x) => x.expected && (x.status === 'absent' || x.status === 'leave_pending' || x.status === 'on_leave'));
      const excusedIds = missing.filter((r) => r.status === 'on_leave').map((r) => r.memberId);
      const absentIds = missing.filter((r) => r.status !== 'on_leave').map((r) => r.memberId);
      const deductions: Array<{ label: string; count: number; points: number }> = [];
      if (PLENARY_KINDS.includes(event.kind)) {
        // 每条规则一条语句，不随缺席人数增加往返；被扣分的人各收到一条通知
        const source = { kind: 'event-absence', id: event.id, title: event.title };
        for (const [ruleCode, ids, label] of [
          ['duty.absence_unexcused', absentIds, '无故缺席'],
          ['duty.absence_excused', excusedIds, '请假'],
        ] as const) {
          const outcomes = await awardPointsToEach(trx, { orgId: actor.orgId, ruleCode, source, at: new Date(event.starts_at) }, ids);
          const counted = (o: (typeof outcomes)[number]) => (o.status === 'awarded' || o.status === 'capped' ? o.points : 0);
          const hit = ids.filter((_, i) => counted(outcomes[i]) < 0);
          const points = Math.min(0, ...outcomes.map(counted));
          if (hit.length) {
            deductions.push({ label, count: hit.length, points });
            await tell.pointsDeducted(trx, actor.orgId, {
              memberIds: hit,
              points,
              what: `${event.title}${label}`,
              reason: `「${event.title}」定案：${label}，按规则记 ${signedPoints(points)} 分`,
              at: now,
            });
          }
        }
      }
      await trx.updateTable('event').set({ finalized_at: now }).where('org_id', '=', actor.orgId).where('id', '=', eventId).execute();
      const summary = finalizeSummary({
        kind: event.kind,
        expected: counts.expected,
        checkedIn: counts.checkedIn,
        excused: excusedIds.length,
        absentees: absentIds.length,
        deductions,
      });
      await recordAudit(trx, ctx, { action: 'event.finalize', targetKind: 'event', targetId: eventId, summary: `「${event.title}」定案：${summary}` });
      return {
        expected: counts.expected,
        checkedIn: counts.checkedIn,
        excused: excusedIds.length,
        absentees: absentIds.length,
        deducted: deductions.length > 0,
        summary,
      };
    });
  },
});
