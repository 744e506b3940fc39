import { contract } from '@tongxin/shared-types';
import { defineAction } from '../../core/action';
import { CODE_STEP_FACTOR, fallbackCode, makeToken, stepOf } from '../../domain/checkin-token';
import { windowState } from '../../domain/events';
import { loadAttendance } from './roster-view';
import { ORGANISERS, byEvent, iso, loadEventRow } from './shared';

/** 签到大屏：当前令牌与二维码、六位数字码、实时人数。大屏按 refreshInMs 刷新。 */
export const screen = defineAction({
  input: contract.event.screen,
  errors: ['NOT_FOUND#EVENT'],
  access: { roles: ORGANISERS, scope: byEvent },
  handler: async ({ eventId, knownToken }, { deps, actor }) => {
    const now = deps.clock.now();
    const event = await loadEventRow(deps.db, actor.orgId, eventId);
    const step = stepOf(now, event.rotate_seconds);
    const token = makeToken(deps.secrets.checkin, event.short_code, step);
    const [qrDataUrl, attendance, recent] = await Promise.all([
      // 大屏每几秒来取一次人数；码没变就不重画（生产环境每画一次都要调用 wxacode.getUnlimited）
      knownToken === token ? Promise.resolve(null) : deps.codes.render(token),
      loadAttendance(deps.db, event),
      deps.db
        .selectFrom('attendance as a')
        .innerJoin('member as m', (j) => j.onRef('m.org_id', '=', 'a.org_id').onRef('m.id', '=', 'a.member_id'))
        .select(['m.name', 'a.checked_in_at', 'a.late'])
        .where('a.org_id', '=', actor.orgId)
        .where('a.event_id', '=', eventId)
        .orderBy('a.received_at', 'desc')
        .limit(8)
        .execute(),
    ]);
    return {
      eventId,
      title: event.title,
      place: event.place,
      token,
      qrDataUrl,
      fallbackCode: fallbackCode(deps.secrets.checkin, event.short_code, stepOf(now, event.rotate_seconds * CODE_STEP_FACTOR)),
      stepSeconds: event.rotate_seconds,
      refreshInMs: (step + 1) * event.rotate_seconds * 1000 - now.getTime(),
      window:
        event.status === 'cancelled' || event.finalized_at ? 'closed' : windowState(now, new Date(event.checkin_opens_at), new Date(event.checkin_closes_at)),
      checkinOpensAt: iso(event.checkin_opens_at),
      checkinClosesAt: iso(event.checkin_closes_at),
      counts: attendance.counts,
      recent: recent.map((r) => ({ name: r.name, at: iso(r.checked_in_at), late: r.late })),
    };
  },
});
