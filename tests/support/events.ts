import type { CheckinResult, EventView, ScreenView } from '@tongxin/shared-types';
import type { DB } from '../../cloudfunctions/src/db/connect';
import { eventFunction } from '../../cloudfunctions/src/functions/event';
import { makeDeps } from './db';
import type { FixtureOrg } from './fixture-org';

/** 以某个时间点调用 event 函数 */
export function eventCaller(db: DB) {
  return (openid: string, action: string, data: unknown, now: string | Date) =>
    eventFunction.handle({ action, data }, openid, makeDeps(db, new Date(now).toISOString()).deps);
}

export const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error!.code);

/** 管理员建一场活动（默认：2026-11-26 09:00–11:00 的中心组学习，面向经济委功能型支部） */
export async function createEvent(db: DB, org: FixtureOrg, overrides: Record<string, unknown> = {}): Promise<EventView> {
  const call = eventCaller(db);
  const res = await call(
    org.members.admin.openid,
    'create',
    {
      kind: '中心组学习',
      title: '十一月中心组学习',
      place: '三楼会议室',
      startsAt: '2026-11-26T09:00:00+08:00',
      endsAt: '2026-11-26T11:00:00+08:00',
      ownerBranchId: org.branches.B,
      audience: [{ kind: 'branch', id: org.branches.B }],
      ...overrides,
    },
    '2026-11-20T10:00:00+08:00',
  );
  if (!res.ok) throw new Error(JSON.stringify(res.error));
  return res.data as EventView;
}

export async function screenAt(db: DB, org: FixtureOrg, eventId: string, now: string): Promise<ScreenView> {
  const res = await eventCaller(db)(org.members.admin.openid, 'screen', { eventId }, now);
  if (!res.ok) throw new Error(JSON.stringify(res.error));
  return res.data as ScreenView;
}

export async function checkinAt(db: DB, openid: string, token: string, now: string, extra: Record<string, unknown> = {}) {
  return eventCaller(db)(openid, 'checkin', { token, ...extra }, now) as Promise<{
    ok: boolean;
    data?: CheckinResult;
    error?: { code: string; message: string };
  }>;
}
