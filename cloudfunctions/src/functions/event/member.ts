import { AppError, type MyEventView, type NoticeKind, contract } from '@tongxin/shared-types';
import { sql } from 'kysely';
import { defineAction } from '../../core/action';
import type { Actor } from '../../core/actor';
import type { DB } from '../../db/connect';
import { ORGANISERS, byEvent, type EventRow, audienceIncludesMember, expectedEventIds, iso, loadEventRow, toEventViews } from './shared';

async function toMyViews(db: DB, actor: Actor, rows: EventRow[]): Promise<MyEventView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [views, attendance, leaves, notes, expected] = await Promise.all([
    toEventViews(db, actor.orgId, rows),
    db
      .selectFrom('attendance')
      .select(['event_id', 'checked_in_at', 'late', 'method'])
      .where('org_id', '=', actor.orgId)
      .where('member_id', '=', actor.memberId)
      .where('event_id', 'in', ids)
      .execute(),
    db
      .selectFrom('leave_request')
      .select(['id', 'event_id', 'status', 'reason', 'answer'])
      .where('org_id', '=', actor.orgId)
      .where('member_id', '=', actor.memberId)
      .where('event_id', 'in', ids)
      .where('status', '!=', 'withdrawn')
      .$narrowType<{ status: 'pending' | 'approved' | 'refused' }>()
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('study_note')
      .select(['event_id', 'content', 'updated_at'])
      .where('org_id', '=', actor.orgId)
      .where('member_id', '=', actor.memberId)
      .where('event_id', 'in', ids)
      .execute(),
    expectedEventIds(db, actor.orgId, actor.memberId, ids),
  ]);
  return views.map((v) => {
    const a = attendance.find((x) => x.event_id === v.id);
    // 会场坐标只给办这场活动的人（编辑表单要用）；成员只知道要核对位置，由服务器比较（坐标给了人，就能在别处伪造位置）
    const organises = actor.roles.includes('admin') || (v.ownerBranch !== null && actor.managedBranchIds.includes(v.ownerBranch.id));
    const l = leaves.filter((x) => x.event_id === v.id).pop();
    const n = notes.find((x) => x.event_id === v.id);
    return {
      ...v,
      geo: organises ? v.geo : null,
      expected: expected.has(v.id),
      myAttendance: a ? { checkedInAt: iso(a.checked_in_at), late: a.late, method: a.method } : null,
      myLeave: l ? { id: l.id, status: l.status, reason: l.reason, answer: l.answer } : null,
      myNote: n ? { content: n.content, updatedAt: iso(n.updated_at) } : null,
    };
  });
}

export const get = defineAction({
  input: contract.event.get,
  errors: ['NOT_FOUND#EVENT'],
  access: 'member',
  handler: async ({ eventId }, { deps, actor }) => (await toMyViews(deps.db, actor, [await loadEventRow(deps.db, actor.orgId, eventId)]))[0],
});

/** 我应参加的活动（含我已签到的）：近期的在前；includePast 时含最近 90 天已结束的 */
export const upcoming = defineAction({
  input: contract.event.upcoming,
  errors: [],
  access: 'member',
  handler: async (input, { deps, actor }) => {
    const now = deps.clock.now();
    const since = input?.includePast ? new Date(now.getTime() - 90 * 86_400_000) : new Date(now.getTime() - 12 * 3600_000);
    const rows = await deps.db
      .selectFrom('event as e')
      .selectAll('e')
      .where('e.org_id', '=', actor.orgId)
      .where('e.ends_at', '>=', since)
      .where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('attendance as a')
              .select('a.member_id')
              .whereRef('a.org_id', '=', 'e.org_id')
              .whereRef('a.event_id', '=', 'e.id')
              .where('a.member_id', '=', actor.memberId),
          ),
          eb.exists(
            eb
              .selectFrom('member as m')
              .select('m.id')
              .whereRef('m.org_id', '=', 'e.org_id')
              .where('m.id', '=', actor.memberId)
              .where(audienceIncludesMember(sql.ref('e.id'))),
          ),
        ]),
      )
      .orderBy('e.starts_at', input?.includePast ? 'desc' : 'asc')
      .limit(50)
      .execute();
    return toMyViews(deps.db, actor, rows);
  },
});

/** 学习心得：参加了才能写，活动开始后可写，可反复修改 */
export const writeNote = defineAction({
  input: contract.event.writeNote,
  errors: ['EVENT.NOTE_NOT_ATTENDED', 'EVENT.NOTE_NOT_STARTED', 'NOT_FOUND#EVENT'],
  access: 'member',
  handler: async ({ eventId, content }, { deps, actor }) => {
    const now = deps.clock.now();
    const event = await loadEventRow(deps.db, actor.orgId, eventId);
    if (now < new Date(event.starts_at)) throw new AppError('EVENT.NOTE_NOT_STARTED');
    const attended = await deps.db
      .selectFrom('attendance')
      .select('member_id')
      .where('org_id', '=', actor.orgId)
      .where('event_id', '=', eventId)
      .where('member_id', '=', actor.memberId)
      .executeTakeFirst();
    if (!attended) throw new AppError('EVENT.NOTE_NOT_ATTENDED');
    await deps.db
      .insertInto('study_note')
      .values({ org_id: actor.orgId, event_id: eventId, member_id: actor.memberId, content, created_at: now, updated_at: now })
      .onConflict((oc) => oc.columns(['org_id', 'event_id', 'member_id']).doUpdateSet({ content, updated_at: now }))
      .execute();
    return { updatedAt: now.toISOString() };
  },
});

export const notes = defineAction({
  input: contract.event.notes,
  errors: [],
  access: { roles: ORGANISERS, scope: byEvent },
  handler: async ({ eventId }, { deps, actor }) => {
    const rows = await deps.db
      .selectFrom('study_note as n')
      .innerJoin('member as m', (j) => j.onRef('m.org_id', '=', 'n.org_id').onRef('m.id', '=', 'n.member_id'))
      .select(['n.member_id', 'm.name', 'n.content', 'n.updated_at'])
      .where('n.org_id', '=', actor.orgId)
      .where('n.event_id', '=', eventId)
      .orderBy('n.updated_at', 'desc')
      .execute();
    return rows.map((r) => ({ memberId: r.member_id, name: r.name, content: r.content, updatedAt: iso(r.updated_at) }));
  },
});

export const notifications = defineAction({
  input: contract.event.notifications,
  errors: [],
  access: 'member',
  handler: async (input, { deps, actor }) => {
    let q = deps.db
      .selectFrom('notification')
      .select(['id', 'kind', 'title', 'body', 'event_id', 'link', 'created_at', 'read_at'])
      .where('org_id', '=', actor.orgId)
      .where('member_id', '=', actor.memberId);
    if (input?.unreadOnly) q = q.where('read_at', 'is', null);
    const rows = await q.orderBy('created_at', 'desc').limit(50).execute();
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind as NoticeKind,
      title: r.title,
      body: r.body,
      eventId: r.event_id,
      link: r.link,
      createdAt: iso(r.created_at),
      read: r.read_at !== null,
    }));
  },
});

export const markRead = defineAction({
  input: contract.event.markRead,
  errors: [],
  access: 'member',
  handler: async ({ ids }, { deps, actor }) => {
    const r = await deps.db
      .updateTable('notification')
      .set({ read_at: deps.clock.now() })
      .where('org_id', '=', actor.orgId)
      .where('member_id', '=', actor.memberId)
      .where('id', 'in', ids)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return { updated: Number(r.numUpdatedRows) };
  },
});
