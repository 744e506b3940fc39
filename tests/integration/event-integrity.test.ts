import { useTestDb } from '../support/db';
import { createFixtureOrg, type FixtureOrg } from '../support/fixture-org';
import { checkinAt, codeOf, createEvent, eventCaller, screenAt } from '../support/events';
import { fallbackCode, stepOf, CODE_STEP_FACTOR } from '../../cloudfunctions/src/domain/checkin-token';
import { TEST_CHECKIN_SECRET, makeDeps } from '../support/db';
import { pointsFunction } from '../../cloudfunctions/src/functions/points';
import type { DB } from '../../cloudfunctions/src/db/connect';

/**
 * 一次安全测试的发现（议题 9 的 1、2、5、8 与请假），按书记、成员会做的那样逐条重放：每条都以明确的代码拒绝，
 * 什么也不改，台账里不留一分。
 */
jest.setTimeout(60_000);
const t = useTestDb();
let db: DB;
let org: FixtureOrg;
beforeAll(async () => {
  db = t.db();
  org = await createFixtureOrg(db);
});

type Reply = { ok: boolean; data?: any; error?: { code: string; message: string } };
const call = (openid: string, action: string, data: unknown, now: string) => eventCaller(db)(openid, action, data, now) as Promise<Reply>;
const NOW = '2026-11-26T15:00:00+08:00';
const pointsOf = async (memberId: string) =>
  await db
    .selectFrom('points_entry')
    .select(['points', 'rule_code', 'reason', 'source_id'])
    .where('org_id', '=', org.orgId)
    .where('member_id', '=', memberId)
    .execute();
const eventCount = async () =>
  Number(
    (
      await db
        .selectFrom('event')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('org_id', '=', org.orgId)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** 书记乙以本支部名义建活动（默认 主题党日，面向本支部，今天 14:00–16:00） */
const secretaryEvent = (overrides: Record<string, unknown> = {}, now = NOW) =>
  call(
    org.members.secB.openid,
    'create',
    {
      kind: '主题党日',
      title: '十一月主题党日',
      place: '二楼会议室',
      startsAt: '2026-11-26T14:50:00+08:00',
      endsAt: '2026-11-26T16:00:00+08:00',
      ownerBranchId: org.branches.B,
      audience: [{ kind: 'branch', id: org.branches.B }],
      ...overrides,
    },
    now,
  );

describe('发现 1：书记不能办会扣履职分的活动，补录不记分', () => {
  test('书记建全体会议、常委会议、中心组学习：EVENT.KIND_RESERVED，什么也没建', async () => {
    const before = await eventCount();
    for (const kind of ['全体会议', '常委会议', '中心组学习', '调研']) {
      expect(codeOf(await secretaryEvent({ kind }))).toBe('EVENT.KIND_RESERVED');
    }
    expect(await eventCount()).toBe(before);
  });

  test('书记改活动类型为全体会议：拒绝，类型不变', async () => {
    const ev = await secretaryEvent();
    const res = await call(org.members.secB.openid, 'update', { eventId: (ev.data as { id: string }).id, kind: '全体会议' }, NOW);
    expect(codeOf(res)).toBe('EVENT.KIND_RESERVED');
    const row = await db
      .selectFrom('event')
      .select('kind')
      .where('id', '=', (ev.data as { id: string }).id)
      .executeTakeFirstOrThrow();
    expect(row.kind).toBe('主题党日');
  });

  test('办公室建的全体会议由书记定案：EVENT.FINALIZE_RESERVED，没有扣分', async () => {
    const plenary = await createEvent(db, org, { kind: '全体会议', title: '全体会议第一次', audience: [{ kind: 'branch', id: org.branches.B }] });
    const res = await call(org.members.secB.openid, 'finalize', { eventId: plenary.id }, '2026-11-26T12:00:00+08:00');
    expect(codeOf(res)).toBe('EVENT.FINALIZE_RESERVED');
    expect((await pointsOf(org.members.cpc.id)).filter((p) => p.source_id === plenary.id)).toEqual([]);
    const done = await call(org.members.admin.openid, 'finalize', { eventId: plenary.id }, '2026-11-26T12:00:00+08:00');
    expect(done.data).toMatchObject({ absentees: 2 });
  });

  test('开始时间已过几小时的是补录：标为补录、待确认；超过 7 天拒绝；已有活动不能改到过去', async () => {
    const ev = await secretaryEvent({ startsAt: '2026-11-26T09:00:00+08:00', endsAt: '2026-11-26T10:00:00+08:00' });
    expect(ev.data).toMatchObject({ backfill: true, backfillConfirmed: false });
    expect(codeOf(await secretaryEvent({ startsAt: '2026-11-18T09:00:00+08:00', endsAt: '2026-11-18T10:00:00+08:00' }))).toBe('EVENT.BACKFILL_TOO_OLD');
    const live = (await secretaryEvent({ startsAt: '2026-11-27T09:00:00+08:00', endsAt: '2026-11-27T10:00:00+08:00' })).data as { id: string };
    const moved = await call(
      org.members.secB.openid,
      'update',
      { eventId: live.id, startsAt: '2026-11-25T09:00:00+08:00', endsAt: '2026-11-25T10:00:00+08:00' },
      NOW,
    );
    expect(codeOf(moved)).toBe('EVENT.BACKDATED');
    // 开会几分钟后才建的不算补录
    expect((await secretaryEvent({ startsAt: '2026-11-26T14:50:00+08:00' })).data).toMatchObject({ backfill: false });
  });
});

describe('发现 2：代签只为参加对象、不为自己、只在签到时间内；补录的分等办公室确认', () => {
  let eventId: string;
  beforeAll(async () => {
    eventId = ((await secretaryEvent({ title: '代签测试' })).data as { id: string }).id;
  });
  const proxy = (memberId: string, now = NOW, openid = org.members.secB.openid, id = eventId) =>
    call(openid, 'proxyCheckin', { eventId: id, memberId, reason: '手机没电' }, now);

  test('为自己、为管理员、为本支部以外的人代签都拒绝，台账里没有分', async () => {
    expect(codeOf(await proxy(org.members.secB.id))).toBe('EVENT.PROXY_SELF');
    expect(codeOf(await proxy(org.members.admin.id))).toBe('FORBIDDEN');
    expect(codeOf(await proxy(org.members.nonCpc.id))).toBe('FORBIDDEN');
    for (const m of [org.members.secB.id, org.members.admin.id, org.members.nonCpc.id])
      expect((await pointsOf(m)).filter((p) => p.source_id === eventId)).toEqual([]);
    const rows = await db.selectFrom('attendance').select('member_id').where('event_id', '=', eventId).execute();
    expect(rows).toEqual([]);
  });

  test('管理员代签也只为参加对象：圈外人 EVENT.PROXY_NOT_IN_AUDIENCE，管理员自己 EVENT.PROXY_SELF', async () => {
    expect(codeOf(await proxy(org.members.staff.id, NOW, org.members.admin.openid))).toBe('EVENT.PROXY_NOT_IN_AUDIENCE');
    expect(codeOf(await proxy(org.members.admin.id, NOW, org.members.admin.openid))).toBe('EVENT.PROXY_SELF');
  });

  test('签到截止后不能代签', async () => {
    expect(codeOf(await proxy(org.members.cpc.id, '2026-11-26T16:30:00+08:00'))).toBe('CHECKIN.WINDOW_CLOSED');
  });

  test('签到时间内为本支部党员代签：记分，积分说明写明代签与原因', async () => {
    const res = await proxy(org.members.cpc.id);
    expect(res.data).toMatchObject({ already: false, pending: null });
    const entries = (await pointsOf(org.members.cpc.id)).filter((p) => p.source_id === eventId);
    expect(entries).toHaveLength(1);
    expect(entries[0].reason).toContain('代签');
    // 本人的积分说明里看得到是谁代签、为什么
    const mine = await pointsFunction.handle({ action: 'mine', data: { year: 2026 } }, org.members.cpc.openid, makeDeps(db, NOW).deps);
    const explained = (mine as Reply).data.entries.find((e: { sourceTitle?: string; explanation: string }) => e.explanation.includes('代签测试'));
    expect(explained.explanation).toContain('由书记乙代签，原因：手机没电');
  });

  test('事后补录两天前的活动并代签：名单记下，分不记；办公室确认后才记', async () => {
    const back = (await secretaryEvent({ title: '补录的主题党日', startsAt: '2026-11-24T14:00:00+08:00', endsAt: '2026-11-24T16:00:00+08:00' })).data as {
      id: string;
    };
    const res = await proxy(org.members.cpc.id, NOW, org.members.secB.openid, back.id);
    expect(res.data).toMatchObject({ already: false, pending: 'backfill', points: [] });
    expect((await pointsOf(org.members.cpc.id)).filter((p) => p.source_id === back.id)).toEqual([]);
    // 书记不能自己确认
    expect(codeOf(await call(org.members.secB.openid, 'confirmBackfill', { eventId: back.id }, NOW))).toBe('FORBIDDEN');
    const confirmed = await call(org.members.admin.openid, 'confirmBackfill', { eventId: back.id }, NOW);
    expect(confirmed.data).toEqual({ confirmed: 1 });
    expect((await pointsOf(org.members.cpc.id)).filter((p) => p.source_id === back.id)).toHaveLength(1);
    expect(codeOf(await call(org.members.admin.openid, 'confirmBackfill', { eventId: back.id }, NOW))).toBe('EVENT.BACKFILL_NOT_PENDING');
  });
});

describe('发现 5：转发的截图与倒填的扫码时间换不来积分；会场坐标不给成员', () => {
  let eventId: string;
  beforeAll(async () => {
    eventId = (await createEvent(db, org, { kind: '中心组学习', title: '重放测试', audience: [{ kind: 'branch', id: org.branches.B }], geo: null })).id;
  });
  const T = '2026-11-26T09:20:00+08:00';
  const minus = (iso: string, minutes: number) => new Date(new Date(iso).getTime() - minutes * 60_000).toISOString();

  test('圈外的人用转发的码签到：EVENT.NOT_IN_AUDIENCE，什么也没写', async () => {
    const s = await screenAt(db, org, eventId, T);
    expect(codeOf(await checkinAt(db, org.members.staff.openid, s.token, T))).toBe('EVENT.NOT_IN_AUDIENCE');
    const earlier = await screenAt(db, org, eventId, minus(T, 5));
    expect(codeOf(await checkinAt(db, org.members.staff.openid, earlier.token, T, { scannedAt: minus(T, 5) }))).toBe('EVENT.NOT_IN_AUDIENCE');
    expect(await db.selectFrom('attendance').select('member_id').where('event_id', '=', eventId).execute()).toEqual([]);
  });

  test('扫码五分钟后才送达：记为离线补交，不记分；组织者确认后才记分', async () => {
    const scanned = minus(T, 5);
    const s = await screenAt(db, org, eventId, scanned);
    const r = await checkinAt(db, org.members.cpc.openid, s.token, T, { scannedAt: scanned });
    expect(r.data).toMatchObject({ already: false, pending: 'offline', points: [] });
    expect((await pointsOf(org.members.cpc.id)).filter((p) => p.source_id === eventId)).toEqual([]);
    const list = await call(org.members.secB.openid, 'attendance', { eventId }, T);
    const row = (list.data as { rows: Array<{ memberId: string; pending: string | null; receivedAt: string }> }).rows.find(
      (x) => x.memberId === org.members.cpc.id,
    )!;
    expect(row.pending).toBe('offline');
    expect(new Date(row.receivedAt).getTime()).toBe(new Date(T).getTime());
    // 有待确认的离线补交时不能定案
    expect(codeOf(await call(org.members.admin.openid, 'finalize', { eventId }, '2026-11-26T12:00:00+08:00'))).toBe('EVENT.PENDING_CONFIRMATIONS');
    const ok = await call(org.members.secB.openid, 'confirmOffline', { eventId, memberId: org.members.cpc.id, accept: true }, T);
    expect(ok.data).toEqual({ accepted: true });
    expect((await pointsOf(org.members.cpc.id)).filter((p) => p.source_id === eventId)).toHaveLength(1);
    expect(codeOf(await call(org.members.secB.openid, 'confirmOffline', { eventId, memberId: org.members.cpc.id, accept: true }, T))).toBe('EVENT.NOT_PENDING');
  });

  test('组织者退回的离线补交：签到删去，不记分；书记不能确认自己的', async () => {
    const scanned = minus(T, 6);
    const s = await screenAt(db, org, eventId, scanned);
    expect((await checkinAt(db, org.members.secB.openid, s.token, T, { scannedAt: scanned })).data).toMatchObject({ pending: 'offline' });
    expect(codeOf(await call(org.members.secB.openid, 'confirmOffline', { eventId, memberId: org.members.secB.id, accept: true }, T))).toBe('EVENT.PROXY_SELF');
    expect((await call(org.members.admin.openid, 'confirmOffline', { eventId, memberId: org.members.secB.id, accept: false }, T)).data).toEqual({
      accepted: false,
    });
    expect(
      await db.selectFrom('attendance').select('member_id').where('event_id', '=', eventId).where('member_id', '=', org.members.secB.id).execute(),
    ).toEqual([]);
    expect((await pointsOf(org.members.secB.id)).filter((p) => p.source_id === eventId)).toEqual([]);
  });

  test('超过十分钟的扫码不收；两分钟内的按扫码时间当场记分', async () => {
    const old = minus(T, 11);
    const s = await screenAt(db, org, eventId, old);
    expect(codeOf(await checkinAt(db, org.members.secB.openid, s.token, T, { scannedAt: old }))).toBe('CHECKIN.OFFLINE_TOO_LATE');
    const recent = minus(T, 1.5);
    const s2 = await screenAt(db, org, eventId, recent);
    expect((await checkinAt(db, org.members.secB.openid, s2.token, T, { scannedAt: recent })).data).toMatchObject({ pending: null, late: true });
  });

  test('成员拿不到会场坐标，只知道要核对位置；组织者拿得到', async () => {
    const geo = { lat: 30.2741, lng: 120.1551, radiusM: 300 };
    const ev = await createEvent(db, org, { kind: '视察', title: '坐标测试', audience: [{ kind: 'all', id: null }], geo });
    const asMember = await call(org.members.cpc.openid, 'get', { eventId: ev.id }, T);
    expect(asMember.data).toMatchObject({ geo: null, locationCheck: true });
    expect((await call(org.members.admin.openid, 'get', { eventId: ev.id }, T)).data).toMatchObject({ geo, locationCheck: true });
    const upcoming = await call(org.members.cpc.openid, 'upcoming', {}, T);
    expect(JSON.stringify(upcoming.data)).not.toContain('120.1551');
  });
});

describe('发现 8：党内组织生活只收参加对象里的党员，扫码、数字码、代签一样', () => {
  let eventId: string;
  const T = '2026-11-26T09:10:00+08:00';
  beforeAll(async () => {
    // 办公室建的面向全体的主题党日：非党员也在“全体”里，但组织生活只收党员
    eventId = (await createEvent(db, org, { kind: '主题党日', title: '党日测试', audience: [{ kind: 'all', id: null }] })).id;
  });

  test('民盟委员扫码、输数字码、被代签都拒绝；大屏人数与名单一致', async () => {
    const s = await screenAt(db, org, eventId, T);
    expect(codeOf(await checkinAt(db, org.members.nonCpc.openid, s.token, T))).toBe('EVENT.PARTY_ONLY');
    const code = fallbackCode(
      TEST_CHECKIN_SECRET,
      (await db.selectFrom('event').select('short_code').where('id', '=', eventId).executeTakeFirstOrThrow()).short_code,
      stepOf(new Date(T), 15 * CODE_STEP_FACTOR),
    );
    expect(codeOf(await call(org.members.nonCpc.openid, 'checkinByCode', { eventId, code }, T))).toBe('EVENT.PARTY_ONLY');
    expect(codeOf(await call(org.members.admin.openid, 'proxyCheckin', { eventId, memberId: org.members.nonCpc.id, reason: '请代签' }, T))).toBe(
      'EVENT.PROXY_PARTY_ONLY',
    );
    expect(codeOf(await checkinAt(db, org.members.cpc.openid, s.token, T))).toBe('ok');
    const screen = await screenAt(db, org, eventId, T);
    expect(screen.counts.checkedIn + screen.counts.walkIns).toBe(screen.recent.length);
    expect(screen.recent.map((r) => r.name)).toEqual(['党员委员']);
  });

  test('书记能办的类型只有组织生活，默认主题党日', async () => {
    const { eventKindsFor, defaultEventKindFor, PARTY_ONLY_KINDS } = await import('@tongxin/shared-types');
    expect(eventKindsFor(['member', 'secretary'])).toEqual(PARTY_ONLY_KINDS);
    expect(defaultEventKindFor(['member', 'secretary'])).toBe('主题党日');
    expect(eventKindsFor(['member'])).toEqual([]);
  });
});

describe('请假只为自己应参加的活动', () => {
  test('不在参加对象里的活动请假：EVENT.LEAVE_NOT_IN_AUDIENCE，没有请假记录', async () => {
    const ev = await createEvent(db, org, { title: '请假测试', audience: [{ kind: 'branch', id: org.branches.B }] });
    expect(codeOf(await call(org.members.staff.openid, 'requestLeave', { eventId: ev.id, reason: '外出开会' }, '2026-11-25T09:00:00+08:00'))).toBe(
      'EVENT.LEAVE_NOT_IN_AUDIENCE',
    );
    expect(await db.selectFrom('leave_request').select('id').where('event_id', '=', ev.id).execute()).toEqual([]);
    expect(codeOf(await call(org.members.cpc.openid, 'requestLeave', { eventId: ev.id, reason: '外出开会' }, '2026-11-25T09:00:00+08:00'))).toBe('ok');
  });
});
