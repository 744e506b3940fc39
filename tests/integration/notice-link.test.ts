/**
 * 复制到微信群的会议通知链接到活动详情页（events/detail/index?id=…）：参加对象里的成员打开它（event.get）不被拒绝，
 * 会前、会中、会后都一样；不是党员的委员打开面向全体的讲堂也一样。
 */
import type { DB } from '../../cloudfunctions/src/db/connect';
import { createEvent, eventCaller } from '../support/events';
import { useTestDb } from '../support/db';
import { createFixtureOrg } from '../support/fixture-org';

const t = useTestDb();
let db: DB;
beforeAll(() => {
  db = t.db();
});

test('主题党日的参加对象（本支部党员）在会前、会中、会后打开详情页：得到活动，不是“没有权限”', async () => {
  const org = await createFixtureOrg(db);
  const ev = await createEvent(db, org, { kind: '主题党日', title: '十一月主题党日' });
  const call = eventCaller(db);
  for (const now of ['2026-11-21T09:00:00+08:00', '2026-11-26T09:10:00+08:00', '2026-11-27T09:00:00+08:00']) {
    const res = await call(org.members.cpc.openid, 'get', { eventId: ev.id }, now);
    expect(res.ok ? (res.data as { id: string; title: string }) : res.error).toMatchObject({ id: ev.id, title: '十一月主题党日' });
  }
});

test('面向全体的政协讲堂：民盟委员、机关干部打开详情页都得到活动', async () => {
  const org = await createFixtureOrg(db);
  const ev = await createEvent(db, org, { kind: '政协讲堂', title: '政协讲堂', audience: [{ kind: 'all', id: null }] });
  const call = eventCaller(db);
  for (const who of [org.members.nonCpc, org.members.staff]) {
    const res = await call(who.openid, 'get', { eventId: ev.id }, '2026-11-21T09:00:00+08:00');
    expect(res.ok ? 'OK' : res.error.code).toBe('OK');
  }
  // 未绑定的微信：先绑定（NOT_BOUND），不是 FORBIDDEN
  const unbound = await call(org.unboundOpenid, 'get', { eventId: ev.id }, '2026-11-21T09:00:00+08:00');
  expect(unbound.ok ? 'OK' : unbound.error.code).toBe('NOT_BOUND');
});
