import { TEST_CHECKIN_SECRET, useTestDb } from '../support/db';
import { createFixtureOrg, type FixtureOrg } from '../support/fixture-org';
import { checkinAt, codeOf, createEvent, eventCaller, screenAt } from '../support/events';
import { fallbackCode, makeToken, stepOf } from '../../cloudfunctions/src/domain/checkin-token';
import type { DB } from '../../cloudfunctions/src/db/connect';

jest.setTimeout(60_000);
const t = useTestDb();
let db: DB;
beforeAll(() => {
  db = t.db();
});
const T0 = '2026-11-26T09:02:00+08:00';
const plus = (iso: string, seconds: number) => new Date(new Date(iso).getTime() + seconds * 1000).toISOString();

describe('扫码签到', () => {
  let org: FixtureOrg;
  let eventId: string;
  beforeAll(async () => {
    org = await createFixtureOrg(db);
    // 面向全体：非党员、机关干部也在参加对象里（圈外人能否签到另见“谁能签到”）
    eventId = (await createEvent(db, org, { audience: [{ kind: 'all', id: null }] })).id;
  });

  test('大屏给出 ≤ 32 字符的令牌、二维码与六位数字码', async () => {
    const s = await screenAt(db, org, eventId, T0);
    expect(s.token.length).toBeLessThanOrEqual(32);
    expect(s.token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(s.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(s.fallbackCode).toMatch(/^\d{6}$/);
    expect(s.window).toBe('open');
    expect(s.refreshInMs).toBeGreaterThan(0);
    expect(s.refreshInMs).toBeLessThanOrEqual(15_000);
  });

  test('用当前的码签到成功，党员记集中学习分；再扫一次只说已签到', async () => {
    const s = await screenAt(db, org, eventId, T0);
    const first = await checkinAt(db, org.members.cpc.openid, s.token, T0);
    expect(first.ok).toBe(true);
    expect(first.data).toMatchObject({ already: false, late: false, points: [{ ruleName: '集中学习', points: 2 }] });
    const again = await checkinAt(db, org.members.cpc.openid, s.token, plus(T0, 5));
    expect(again.data).toMatchObject({ already: true, checkedInAt: first.data!.checkedInAt, points: [] });
    const entries = await db.selectFrom('points_entry').select('points').where('org_id', '=', org.orgId).where('member_id', '=', org.members.cpc.id).execute();
    expect(entries).toEqual([{ points: 2 }]);
  });

  test('前一个时间步的码仍有效（正好换码时扫的）；更早的过期', async () => {
    const s = await screenAt(db, org, eventId, T0);
    expect(codeOf(await checkinAt(db, org.members.secB.openid, s.token, plus(T0, 15)))).toBe('ok');
    expect(codeOf(await checkinAt(db, org.members.nonCpc.openid, s.token, plus(T0, 45)))).toBe('CHECKIN.TOKEN_EXPIRED');
  });

  test('同一场活动多人签到，每人各记一条', async () => {
    const rows = await db.selectFrom('points_entry').select(['member_id', 'points']).where('org_id', '=', org.orgId).where('source_id', '=', eventId).execute();
    expect(new Set(rows.map((r) => r.member_id))).toEqual(new Set([org.members.cpc.id, org.members.secB.id]));
  });

  test('非党员签到不记党员积分', async () => {
    const s = await screenAt(db, org, eventId, plus(T0, 60));
    const r = await checkinAt(db, org.members.nonCpc.openid, s.token, plus(T0, 60));
    expect(r.data).toMatchObject({ already: false, points: [] });
  });

  test('迟到：超过迟到界限签到标为迟到', async () => {
    const late = plus('2026-11-26T09:10:00+08:00', 30);
    const s = await screenAt(db, org, eventId, late);
    const r = await checkinAt(db, org.members.staff.openid, s.token, late);
    expect(r.data?.late).toBe(true);
  });

  test('别的活动的码：带着本活动编号扫时拒绝；别的政协的活动视同伪造', async () => {
    const other = await createEvent(db, org, { title: '另一场学习' });
    const s = await screenAt(db, org, other.id, T0);
    expect(codeOf(await checkinAt(db, org.members.admin.openid, s.token, T0, { eventId }))).toBe('CHECKIN.TOKEN_WRONG_EVENT');
    const otherOrg = await createFixtureOrg(db);
    expect(codeOf(await checkinAt(db, otherOrg.members.cpc.openid, s.token, T0))).toBe('CHECKIN.TOKEN_INVALID');
  });

  test('伪造：上千个随机与改动过的令牌全部被拒', async () => {
    const s = await screenAt(db, org, eventId, T0);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
    const rand = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
    const forged = [
      ...Array.from({ length: 600 }, () => rand(31)),
      ...Array.from({ length: 200 }, () => rand(1 + Math.floor(Math.random() * 40))),
      // 改动有效令牌的一个字符
      ...Array.from({ length: 600 }, (_, i) => {
        const pos = i % 31;
        const c = s.token[pos];
        const replacement = alphabet[(alphabet.indexOf(c) + 1 + (i % 60)) % alphabet.length];
        return s.token.slice(0, pos) + replacement + s.token.slice(pos + 1);
      }),
      // 用错误的密钥签名
      makeToken('wrong-secret', s.token.slice(0, 8), stepOf(new Date(T0), 15)),
      // 将来的时间步（用正确的密钥也不行）
      makeToken(TEST_CHECKIN_SECRET, s.token.slice(0, 8), stepOf(new Date(T0), 15) + 5),
    ];
    const codes = new Map<string, number>();
    for (const token of forged) {
      if (token === s.token) continue;
      const c = codeOf(await checkinAt(db, org.members.admin.openid, token, T0));
      codes.set(c, (codes.get(c) ?? 0) + 1);
    }
    expect(codes.get('ok')).toBeUndefined();
    expect([...codes.keys()].every((c) => c === 'CHECKIN.TOKEN_INVALID' || c === 'INVALID_PARAMETER')).toBe(true);
    const attended = await db
      .selectFrom('attendance')
      .select('member_id')
      .where('org_id', '=', org.orgId)
      .where('member_id', '=', org.members.admin.id)
      .execute();
    expect(attended).toHaveLength(0);
  });

  test('并发：同一人同时提交 30 次，只有一条签到、一条积分', async () => {
    const ev = await createEvent(db, org, { title: '并发测试', kind: '主题党日' });
    const s = await screenAt(db, org, ev.id, T0);
    const results = await Promise.all(Array.from({ length: 30 }, () => checkinAt(db, org.members.cpc.openid, s.token, T0)));
    expect(results.filter((r) => r.ok && !r.data!.already)).toHaveLength(1);
    expect(results.every((r) => r.ok)).toBe(true);
    const rows = await db.selectFrom('points_entry').select('points').where('org_id', '=', org.orgId).where('source_id', '=', ev.id).execute();
    expect(rows).toEqual([{ points: 2 }]);
  });
});

describe('签到窗口、取消、位置与离线补交', () => {
  let org: FixtureOrg;
  beforeAll(async () => {
    org = await createFixtureOrg(db);
  });

  test('签到开始前与截止后都拒绝；取消的活动拒绝', async () => {
    const ev = await createEvent(db, org);
    const early = '2026-11-26T08:00:00+08:00';
    const s1 = await screenAt(db, org, ev.id, early);
    expect(s1.window).toBe('not_open');
    expect(codeOf(await checkinAt(db, org.members.cpc.openid, s1.token, early))).toBe('CHECKIN.WINDOW_NOT_OPEN');
    const lateT = '2026-11-26T11:30:00+08:00';
    const s2 = await screenAt(db, org, ev.id, lateT);
    expect(codeOf(await checkinAt(db, org.members.cpc.openid, s2.token, lateT))).toBe('CHECKIN.WINDOW_CLOSED');
    await eventCaller(db)(org.members.admin.openid, 'cancel', { eventId: ev.id, reason: '改期举行' }, T0);
    const s3 = await screenAt(db, org, ev.id, T0);
    expect(codeOf(await checkinAt(db, org.members.cpc.openid, s3.token, T0))).toBe('CHECKIN.EVENT_CANCELLED');
  });

  test('要求在会场附近：不给位置、离得远都拒绝，近处可签；位置不落库', async () => {
    const ev = await createEvent(db, org, {
      title: '视察',
      kind: '视察',
      audience: [{ kind: 'all', id: null }],
      geo: { lat: 30.2741, lng: 120.1551, radiusM: 300 },
    });
    const s = await screenAt(db, org, ev.id, T0);
    expect(codeOf(await checkinAt(db, org.members.nonCpc.openid, s.token, T0))).toBe('CHECKIN.LOCATION_REQUIRED');
    expect(codeOf(await checkinAt(db, org.members.nonCpc.openid, s.token, T0, { location: { lat: 30.3, lng: 120.2 } }))).toBe('CHECKIN.TOO_FAR');
    expect(codeOf(await checkinAt(db, org.members.nonCpc.openid, s.token, T0, { location: { lat: 30.2745, lng: 120.1553 } }))).toBe('ok');
    const cols = await db
      .selectFrom('information_schema.columns' as never)
      .select('column_name' as never)
      .where('table_name' as never, '=', 'attendance' as never)
      .execute();
    expect(JSON.stringify(cols)).not.toMatch(/"(lat|lng|latitude|longitude|location|geo\w*)"/);
    const five = await db
      .selectFrom('five_one_fulfilment')
      .select(['item', 'title'])
      .where('org_id', '=', org.orgId)
      .where('member_id', '=', org.members.nonCpc.id)
      .execute();
    expect(five).toEqual([{ item: 'research', title: '视察' }]);
  });

  test('离线：扫码时有效、宽限期内送达的补签成功，签到时间是扫码时间；太晚的拒绝', async () => {
    const ev = await createEvent(db, org, { title: '离线补签' });
    const scanned = T0;
    const s = await screenAt(db, org, ev.id, scanned);
    const ok = await checkinAt(db, org.members.cpc.openid, s.token, plus(scanned, 5 * 60), { scannedAt: scanned, eventId: ev.id });
    expect(ok.ok).toBe(true);
    expect(new Date(ok.data!.checkedInAt).toISOString()).toBe(new Date(scanned).toISOString());
    const tooLate = await checkinAt(db, org.members.secB.openid, s.token, plus(scanned, 11 * 60), { scannedAt: scanned });
    expect(codeOf(tooLate)).toBe('CHECKIN.OFFLINE_TOO_LATE');
    const future = await checkinAt(db, org.members.secB.openid, s.token, scanned, { scannedAt: plus(scanned, 600) });
    expect(codeOf(future)).toBe('CHECKIN.TOKEN_INVALID');
  });

  test('六位数字码：正确即签；十分钟内输错五次后暂停', async () => {
    const ev = await createEvent(db, org, { title: '数字码' });
    const call = eventCaller(db);
    const s = await screenAt(db, org, ev.id, T0);
    expect(codeOf(await call(org.members.cpc.openid, 'checkinByCode', { eventId: ev.id, code: s.fallbackCode }, plus(T0, 50)))).toBe('ok');
    const row = await db.selectFrom('event').select('short_code').where('id', '=', ev.id).executeTakeFirstOrThrow();
    const wrong = String((Number(fallbackCode(TEST_CHECKIN_SECRET, row.short_code, stepOf(new Date(T0), 60))) + 1) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++)
      expect(codeOf(await call(org.members.secB.openid, 'checkinByCode', { eventId: ev.id, code: wrong }, T0))).toBe('CHECKIN.CODE_INVALID');
    expect(codeOf(await call(org.members.secB.openid, 'checkinByCode', { eventId: ev.id, code: s.fallbackCode }, T0))).toBe('RATE_LIMITED');
    expect(codeOf(await call(org.members.secB.openid, 'checkinByCode', { eventId: ev.id, code: '12ab56' }, T0))).toBe('INVALID_PARAMETER');
  });
});

/**
 * 扫码签到的热路径把活动行缓存在实例里、把身份并进写签到的那条语句（一次往返）。
 * 这里确认两件事不因此走样：活动一改动立即生效；谁在扫、错误的先后与其他操作一样。
 */
describe('热路径：缓存的活动行与身份判定', () => {
  let org: FixtureOrg;
  beforeAll(async () => {
    org = await createFixtureOrg(db);
  });
  const revisionOf = async (id: string) => (await db.selectFrom('event').select('revision').where('id', '=', id).executeTakeFirstOrThrow()).revision;

  test('有人签过（活动行已缓存）之后取消活动：下一个人立即被拒，不多收一条签到或积分', async () => {
    const ev = await createEvent(db, org, { title: '缓存后取消' });
    const s = await screenAt(db, org, ev.id, T0);
    expect(codeOf(await checkinAt(db, org.members.cpc.openid, s.token, T0))).toBe('ok');
    const before = await revisionOf(ev.id);
    await eventCaller(db)(org.members.admin.openid, 'cancel', { eventId: ev.id, reason: '临时取消' }, T0);
    expect(await revisionOf(ev.id)).toBeGreaterThan(before);
    expect(codeOf(await checkinAt(db, org.members.secB.openid, s.token, plus(T0, 5)))).toBe('CHECKIN.EVENT_CANCELLED');
    const rows = await db.selectFrom('attendance').select('member_id').where('org_id', '=', org.orgId).where('event_id', '=', ev.id).execute();
    expect(rows).toEqual([{ member_id: org.members.cpc.id }]);
  });

  test('缓存之后改了签到时间：按新的时间判断', async () => {
    const ev = await createEvent(db, org, { title: '缓存后改时间' });
    const s = await screenAt(db, org, ev.id, T0);
    expect(codeOf(await checkinAt(db, org.members.cpc.openid, s.token, T0))).toBe('ok');
    const moved = await eventCaller(db)(
      org.members.admin.openid,
      'update',
      { eventId: ev.id, startsAt: '2026-11-26T14:00:00+08:00', endsAt: '2026-11-26T16:00:00+08:00' },
      T0,
    );
    expect(moved.ok).toBe(true);
    expect(codeOf(await checkinAt(db, org.members.secB.openid, s.token, plus(T0, 5)))).toBe('CHECKIN.WINDOW_NOT_OPEN');
  });

  test('未绑定的人：有效的码、伪造的码、格式不对的码，都只回答未绑定', async () => {
    const ev = await createEvent(db, org, { title: '未绑定扫码' });
    const s = await screenAt(db, org, ev.id, T0);
    expect(codeOf(await checkinAt(db, org.unboundOpenid, s.token, T0))).toBe('NOT_BOUND');
    expect(codeOf(await checkinAt(db, org.unboundOpenid, makeToken('wrong-secret', s.token.slice(0, 8), stepOf(new Date(T0), 15)), T0))).toBe('NOT_BOUND');
    expect(codeOf(await checkinAt(db, org.unboundOpenid, '', T0))).toBe('NOT_BOUND');
    const late = '2026-11-26T11:30:00+08:00';
    expect(codeOf(await checkinAt(db, org.unboundOpenid, (await screenAt(db, org, ev.id, late)).token, late))).toBe('NOT_BOUND');
    const rows = await db.selectFrom('attendance').select('member_id').where('org_id', '=', org.orgId).where('event_id', '=', ev.id).execute();
    expect(rows).toEqual([]);
  });

  test('已退出的成员扫有效的码：未绑定，不记签到', async () => {
    const other = await createFixtureOrg(db);
    const ev = await createEvent(db, other, { title: '退出后扫码' });
    const s = await screenAt(db, other, ev.id, T0);
    expect(codeOf(await checkinAt(db, other.members.cpc.openid, s.token, T0))).toBe('ok');
    await db.updateTable('member').set({ status: 'retired' }).where('org_id', '=', other.orgId).where('id', '=', other.members.nonCpc.id).execute();
    expect(codeOf(await checkinAt(db, other.members.nonCpc.openid, s.token, T0))).toBe('NOT_BOUND');
    const rows = await db.selectFrom('attendance').select('member_id').where('org_id', '=', other.orgId).where('event_id', '=', ev.id).execute();
    expect(rows).toEqual([{ member_id: other.members.cpc.id }]);
  });

  test('别的政协的人扫本会的码：签到时间内外都视同伪造，不泄露这场活动的状态', async () => {
    const ev = await createEvent(db, org, { title: '外会扫码' });
    const outsider = (await createFixtureOrg(db)).members.cpc.openid;
    const s = await screenAt(db, org, ev.id, T0);
    expect(codeOf(await checkinAt(db, outsider, s.token, T0))).toBe('CHECKIN.TOKEN_INVALID');
    const late = '2026-11-26T11:30:00+08:00';
    expect(codeOf(await checkinAt(db, outsider, (await screenAt(db, org, ev.id, late)).token, late))).toBe('CHECKIN.TOKEN_INVALID');
    expect(codeOf(await checkinAt(db, outsider, s.token, T0, { eventId: ev.id }))).toBe('CHECKIN.TOKEN_INVALID');
  });

  test('屏幕一亮几十人同时扫（活动行尚未缓存）：人人签上，各记一次', async () => {
    const ev = await createEvent(db, org, { title: '同时扫码', audience: [{ kind: 'all', id: null }] });
    const s = await screenAt(db, org, ev.id, T0);
    const people = [org.members.cpc, org.members.secB, org.members.nonCpc, org.members.staff, org.members.admin];
    const results = await Promise.all(people.map((p) => checkinAt(db, p.openid, s.token, T0)));
    expect(results.map(codeOf)).toEqual(people.map(() => 'ok'));
    const rows = await db.selectFrom('attendance').select('member_id').where('org_id', '=', org.orgId).where('event_id', '=', ev.id).execute();
    expect(new Set(rows.map((r) => r.member_id))).toEqual(new Set(people.map((p) => p.id)));
  });
});
