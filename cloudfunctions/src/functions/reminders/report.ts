import {
  AppError,
  type DeliveryChannel,
  type EventReminderReport,
  type EventReminderRow,
  REMINDER_KIND_LABELS,
  UNREACHED_REASON_LABELS,
  type UnreachedReason,
  contract,
} from '@tongxin/shared-types';
import { sql } from 'kysely';
import { defineAction } from '../../core/action';
import { recordAudit } from '../../core/audit';
import type { DB } from '../../db/connect';
import { enqueueDeliveries } from '../../hub/deliveries';
import { ORGANISERS, byEvent, expectedMemberIds, loadEventRow } from '../event/shared';
import { deliverPending } from './deliver';
import { reminderPorts } from './ports';

/** 一场活动的提醒情况：应参加的人与收到过这场活动的提醒的人，每人每种取最新一轮 */
async function loadReport(db: DB, orgId: string, eventId: string, title: string): Promise<EventReminderReport> {
  const [expected, deliveries] = await Promise.all([
    expectedMemberIds(db, orgId, eventId).execute(),
    db
      .selectFrom('delivery as d')
      .select(['d.member_id', 'd.kind', 'd.channel', 'd.status', 'd.reason', 'd.round', 'd.sent_at', 'd.created_at'])
      .where('d.org_id', '=', orgId)
      .where('d.subject_id', '=', eventId)
      .orderBy('d.created_at')
      .orderBy('d.round')
      .execute(),
  ]);
  const ids = [...new Set([...expected.map((r) => r.id), ...deliveries.map((d) => d.member_id)])];
  const members = ids.length
    ? await db
        .selectFrom('member as m')
        .select([
          'm.id',
          'm.name',
          'm.name_sort',
          sql<boolean>`EXISTS (SELECT 1 FROM wx_binding b WHERE b.org_id = m.org_id AND b.member_id = m.id)`.as('bound'),
        ])
        .where('m.org_id', '=', orgId)
        .where('m.id', 'in', ids)
        .orderBy('m.name_sort')
        .execute()
    : [];
  const rows: EventReminderRow[] = members.map((m) => {
    const latest = new Map<string, (typeof deliveries)[number]>();
    for (const d of deliveries) if (d.member_id === m.id) latest.set(d.kind, d);
    const list = [...latest.values()].map((d) => ({
      kind: d.kind,
      kindLabel: REMINDER_KIND_LABELS[d.kind] ?? d.kind,
      channel: d.channel as DeliveryChannel | null,
      status: d.status,
      reason: d.reason as UnreachedReason | null,
      reasonLabel: d.reason ? UNREACHED_REASON_LABELS[d.reason as UnreachedReason] : null,
      round: d.round,
      sentAt: d.sent_at ? new Date(d.sent_at).toISOString() : null,
    }));
    // 最近的一次（最新的一轮）没送达才算没收到：重发送达了，之前的失败就不用再管
    const last = deliveries.filter((d) => d.member_id === m.id).at(-1);
    const missed = last?.status === 'unreached' ? list.find((d) => d.kind === last.kind) : undefined;
    return {
      memberId: m.id,
      name: m.name,
      bound: Boolean(m.bound),
      deliveries: list,
      unreached: missed?.reason ?? null,
      unreachedLabel: missed?.reasonLabel ?? null,
    };
  });
  // 没送达的排在前面：组织者要先看到该打电话的人
  rows.sort((a, b) => Number(Boolean(b.unreached)) - Number(Boolean(a.unreached)));
  return {
    eventId,
    title,
    counts: {
      expected: expected.length,
      reached: rows.filter((r) => !r.unreached && r.deliveries.some((d) => d.status === 'sent')).length,
      unreached: rows.filter((r) => r.unreached).length,
      pending: rows.filter((r) => r.deliveries.some((d) => d.status === 'pending' || d.status === 'sending')).length,
    },
    rows,
  };
}

/** 组织者：这场活动谁收到了提醒、从哪条渠道，谁没收到、为什么（范围同签到名单） */
export const eventReport = defineAction({
  input: contract.reminders.eventReport,
  errors: ['NOT_FOUND#EVENT'],
  access: { roles: ORGANISERS, scope: byEvent },
  handler: async ({ eventId }, { deps, actor }) => {
    const event = await loadEventRow(deps.db, actor.orgId, eventId);
    return loadReport(deps.db, actor.orgId, eventId, event.title);
  },
});

/** 再发给还没送达的人最多等这么久（其余的留给定时器） */
const RESEND_WAIT_MS = 15_000;

/**
 * 组织者：给没送达的人再提醒一次（一个按钮）。每人最近的一条没送达的（过时的 24 小时提醒不再补发），入队新的一轮（幂等键带轮次，不与上一轮相撞），
 * 当场投递；渠道重新判断（本人补了订阅、办公室开了短信，这次就能送达）。
 */
export const resend = defineAction({
  input: contract.reminders.resend,
  errors: ['NOT_FOUND#EVENT', 'REMIND.EVENT_OVER'],
  access: { roles: ORGANISERS, scope: byEvent },
  writes: true,
  handler: async ({ eventId }, ctx) => {
    const { deps, actor } = ctx;
    const event = await loadEventRow(deps.db, actor.orgId, eventId);
    const now = deps.clock.now();
    if (new Date(event.ends_at) <= now) throw new AppError('REMIND.EVENT_OVER');
    const ids = await deps.db.transaction().execute(async (trx) => {
      const rows = await sql<{ member_id: string; kind: string; template_key: string; payload: unknown; idem_key: string; round: number }>`
        SELECT DISTINCT ON (member_id) member_id, kind, template_key, payload, idem_key, round, status
        FROM delivery WHERE org_id = ${actor.orgId} AND subject_id = ${eventId}
        ORDER BY member_id, created_at DESC, round DESC
      `.execute(trx);
      const missed = rows.rows.filter((r) => (r as { status?: string }).status === 'unreached');
      const top = await trx
        .selectFrom('delivery')
        .select((eb) => eb.fn.max('round').as('round'))
        .where('org_id', '=', actor.orgId)
        .where('subject_id', '=', eventId)
        .executeTakeFirst();
      const round = Number(top?.round ?? 0) + 1;
      await enqueueDeliveries(
        trx,
        missed.map((r) => ({
          orgId: actor.orgId,
          memberId: r.member_id,
          kind: r.kind,
          subjectId: eventId,
          // 时刻沿用原来那一条的幂等键，轮次区分
          moment: r.idem_key.replace(/:r\d+$/, ''),
          templateKey: r.template_key as never,
          payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as never,
          round,
        })),
        now,
      );
      await recordAudit(trx, ctx, {
        action: 'reminders.resend',
        targetKind: 'event',
        targetId: eventId,
        summary: `重新提醒「${event.title}」未送达的 ${missed.length} 人`,
        details: { round, members: missed.length },
      });
      const added = await trx
        .selectFrom('delivery')
        .select('id')
        .where('org_id', '=', actor.orgId)
        .where('subject_id', '=', eventId)
        .where('round', '=', round)
        .execute();
      return added.map((r) => r.id);
    });
    if (ids.length) await deliverPending(deps, reminderPorts(deps), { stopAt: Date.now() + RESEND_WAIT_MS, only: { orgId: actor.orgId, ids } });
    return { ...(await loadReport(deps.db, actor.orgId, eventId, event.title)), resent: ids.length };
  },
});
