/**
 * 尝试次数的限制在并发下也成立（db/attempts.ts）：同时到的错码里，至多 5 个被判了（答“码不对”），其余答 RATE_LIMITED，
 * 失败记录也正好 5 条。PGlite 把事务串起来执行，测不出并发，在那里只跑少量请求核对语义；真实服务器上跑满 100 / 200 个。
 */
import type { DB } from '../../cloudfunctions/src/db/connect';
import { memberFunction } from '../../cloudfunctions/src/functions/member';
import { makeDeps, useTestDb } from '../support/db';
import { createFixtureOrg } from '../support/fixture-org';
import { codeOf, createEvent, eventCaller, screenAt } from '../support/events';

const t = useTestDb();
let db: DB;
beforeAll(() => {
  db = t.db();
});

const realServer = process.env.TEST_DATABASE_KIND !== 'pglite';
const tally = (codes: string[]) => codes.reduce<Record<string, number>>((m, c) => ({ ...m, [c]: (m[c] ?? 0) + 1 }), {});

test(`并发绑定 ${realServer ? 100 : 12} 次错码：只判 5 次`, async () => {
  const org = await createFixtureOrg(db);
  const n = realServer ? 100 : 12;
  const { deps } = makeDeps(db);
  const results = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      memberFunction.handle({ action: 'bind', data: { code: `ABCD${'23456789'[i % 8]}EFG`, name: '某委员' } }, org.unboundOpenid, deps),
    ),
  );
  expect(tally(results.map(codeOf))).toEqual({ 'MEMBER.INVITE_INVALID': 5, RATE_LIMITED: n - 5 });
  expect(await db.selectFrom('bind_attempt').select('id').where('openid', '=', org.unboundOpenid).execute()).toHaveLength(5);
});

test(`并发输入 ${realServer ? 200 : 12} 个错的六位数字码：只判 5 次`, async () => {
  const org = await createFixtureOrg(db);
  const ev = await createEvent(db, org);
  const T0 = '2026-11-26T09:00:00+08:00';
  const screen = await screenAt(db, org, ev.id, T0);
  const wrong = String((Number(screen.fallbackCode) + 1) % 1_000_000).padStart(6, '0');
  const n = realServer ? 200 : 12;
  const call = eventCaller(db);
  const results = await Promise.all(Array.from({ length: n }, () => call(org.members.cpc.openid, 'checkinByCode', { eventId: ev.id, code: wrong }, T0)));
  expect(tally(results.map(codeOf))).toEqual({ 'CHECKIN.CODE_INVALID': 5, RATE_LIMITED: n - 5 });
  expect(await db.selectFrom('checkin_attempt').select('member_id').where('org_id', '=', org.orgId).execute()).toHaveLength(5);
  // 锁住的是这个人在这场活动：别人照常签到
  expect(codeOf(await call(org.members.secB.openid, 'checkinByCode', { eventId: ev.id, code: screen.fallbackCode }, T0))).toBe('ok');
});
