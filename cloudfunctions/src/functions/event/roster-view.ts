import type { AttendanceCounts, AttendanceRow } from '@tongxin/shared-types';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { attendanceRate, attendanceStatus } from '../../domain/events';
import { type EventRow, expectedMemberIds, iso } from './shared';

type Queryable = Pick<Kysely<Database>, 'selectFrom'>;

/** 按字节比较（与数据库里 name_sort COLLATE "C" 的次序一致） */
const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** 一场活动的名单：应到的每个人（已签到、迟到、请假、未到）加上不在应到名单里的到场者 */
export async function loadAttendance(db: Queryable, event: EventRow): Promise<{ counts: AttendanceCounts; rows: AttendanceRow[] }> {
  const orgId = event.org_id;
  const [expected, attended, leaves, calls] = await Promise.all([
    expectedMemberIds(db, orgId, event.id).execute(),
    db
      .selectFrom('attendance as a')
      .leftJoin('member as p', (j) => j.onRef('p.org_id', '=', 'a.org_id').onRef('p.id', '=', 'a.proxy_by'))
      .select(['a.member_id', 'a.checked_in_at', 'a.received_at', 'a.method', 'a.late', 'a.proxy_reason', 'a.confirmation', 'p.name as proxy_name'])
      .where('a.org_id', '=', orgId)
      .where('a.event_id', '=', event.id)
      .execute(),
    // 撤回的请假不算请过假
    db
      .selectFrom('leave_request')
      .select(['id', 'member_id', 'status', 'reason', 'answer', 'decided_at', 'created_at'])
      .where('org_id', '=', orgId)
      .where('event_id', '=', event.id)
      .where('status', '!=', 'withdrawn')
      .$narrowType<{ status: 'pending' | 'approved' | 'refused' }>()
      .orderBy('created_at')
      .execute(),
    db.selectFrom('roll_call').select('member_id').where('org_id', '=', orgId).where('event_id', '=', event.id).execute(),
  ]);
  const expectedSet = new Set(expected.map((r) => r.id));
  const allIds = [...new Set([...expectedSet, ...attended.map((a) => a.member_id)])];
  const people = allIds.length
    ? await db
        .selectFrom('member as m')
        .leftJoin('sector as s', (j) => j.onRef('s.org_id', '=', 'm.org_id').onRef('s.id', '=', 'm.sector_id'))
        .select(['m.id', 'm.name', 'm.name_sort', 's.name as sector'])
        .where('m.org_id', '=', orgId)
        .where('m.id', 'in', allIds)
        .execute()
    : [];
  const byMember = new Map(attended.map((a) => [a.member_id, a]));
  // 最新的一条请假为准（被驳回后可再请）
  const leaveOf = new Map(leaves.map((l) => [l.member_id, l]));
  const called = new Set(calls.map((c) => c.member_id));
  const sortKey = new Map(people.map((p) => [p.id, p.name_sort]));
  const rows: AttendanceRow[] = people.map((p) => {
    const a = byMember.get(p.id);
    const l = leaveOf.get(p.id);
    return {
      memberId: p.id,
      name: p.name,
      sector: p.sector,
      expected: expectedSet.has(p.id),
      status: attendanceStatus({ checkedIn: Boolean(a), late: a?.late ?? false, leave: l?.status ?? null }),
      checkedInAt: a ? iso(a.checked_in_at) : null,
      method: a?.method ?? null,
      proxyReason: a?.proxy_reason ?? null,
      proxyByName: a?.proxy_name ?? null,
      leave: l ? { id: l.id, status: l.status, reason: l.reason, answer: l.answer, decidedAt: l.decided_at ? iso(l.decided_at) : null } : null,
      rollCalled: called.has(p.id),
      pending: a?.confirmation ?? null,
      receivedAt: a ? iso(a.received_at) : null,
    };
  });
  const order = { on_time: 0, late: 1, leave_pending: 2, on_leave: 3, absent: 4 } as const;
  rows.sort(
    (x, y) =>
      order[x.status] - order[y.status] ||
      (x.checkedInAt ?? '').localeCompare(y.checkedInAt ?? '') ||
      byKey(sortKey.get(x.memberId)!, sortKey.get(y.memberId)!),
  );
  const exp = rows.filter((r) => r.expected);
  const checkedInExpected = exp.filter((r) => r.status === 'on_time' || r.status === 'late').length;
  const onLeave = exp.filter((r) => r.status === 'on_leave').length;
  const counts: AttendanceCounts = {
    expected: exp.length,
    checkedIn: checkedInExpected,
    late: rows.filter((r) => r.expected && r.status === 'late').length,
    onLeave,
    absent: exp.filter((r) => r.status === 'absent' || r.status === 'leave_pending').length,
    walkIns: rows.filter((r) => !r.expected).length,
    rate: attendanceRate(checkedInExpected, exp.length, onLeave),
  };
  return { counts, rows };
}
