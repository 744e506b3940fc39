import { fixedClock } from '../../cloudfunctions/src/adapters/clock';
import { localReminderPorts } from '../../cloudfunctions/src/adapters/senders-local';
import type { Deps } from '../../cloudfunctions/src/core/action';
import { DEFAULT_CONCURRENCY } from '../../cloudfunctions/src/functions/reminders/deliver';
import { runTick } from '../../cloudfunctions/src/functions/reminders/tick';
import { nameSortKey } from '../../cloudfunctions/src/domain/name-sort';
import { createFixtureOrg } from '../support/fixture-org';
import { report } from './stats';

const RECIPIENTS = 1000;
const SEND_MS = 50;

/**
 * 提醒的扇出：一场面向全体、其中 1000 人订阅了会议提醒的会，会前 24 小时的一轮定时器（入队、投递、清理），
 * 每次发送模拟 50 ms（远端接口的往返，发送器只记在内存里）。efficiency = 选定并发下的理想时间 ceil(1000/c) × 0.05 秒 ÷ 实测。
 */
export async function benchReminders(base: Deps) {
  const db = base.db;
  const org = await createFixtureOrg(db);
  const members = await db
    .insertInto('member')
    .values(
      Array.from({ length: RECIPIENTS }, (_, i) => ({
        org_id: org.orgId,
        name: `提醒${i}号`,
        name_sort: nameSortKey(`提醒${i}号`),
        phone: null,
        position: '委员' as const,
        affiliation: '无党派' as const,
      })),
    )
    .returning('id')
    .execute();
  await db
    .insertInto('wx_binding')
    .values(members.map((m, i) => ({ openid: `bench_${org.tag}_${i}`, org_id: org.orgId, member_id: m.id })))
    .execute();
  const now = new Date();
  await db
    .insertInto('reminder_subscription')
    .values(members.map((m) => ({ org_id: org.orgId, member_id: m.id, template_key: 'meeting', remaining: 1, updated_at: now })))
    .execute();
  const startsAt = new Date(now.getTime() + 24 * 3600_000 - 60_000);
  const event = await db
    .insertInto('event')
    .values({
      org_id: org.orgId,
      short_code: `B${org.tag}`.slice(0, 8),
      kind: '委员培训',
      title: '委员培训',
      place: '大会堂',
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 3 * 3600_000),
      checkin_opens_at: new Date(startsAt.getTime() - 1800_000),
      checkin_closes_at: new Date(startsAt.getTime() + 3 * 3600_000),
      late_after: startsAt,
      rotate_seconds: 15,
      organiser_id: org.members.admin.id,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // 面向全体（1000 位订阅者 + 夹具里没订阅的 6 人，他们记为没有订阅，不发）
  await db.insertInto('event_audience').values({ org_id: org.orgId, event_id: event.id, target_kind: 'all', target_id: null }).execute();

  const ports = localReminderPorts(db, { latencyMs: SEND_MS, sink: 'memory' });
  const deps: Deps = { ...base, clock: fixedClock(now), reminders: ports };
  const t0 = performance.now();
  const result = await runTick(deps);
  const seconds = (performance.now() - t0) / 1000;
  const mine = ports.hooks.sent.length;
  if (result.sent < RECIPIENTS || mine !== RECIPIENTS) throw new Error(`提醒基准：应发 ${RECIPIENTS} 条，发了 ${mine} 条（${JSON.stringify(result)}）`);
  const ideal = Math.ceil(RECIPIENTS / DEFAULT_CONCURRENCY) * (SEND_MS / 1000);
  report('reminders.fanout_1000.seconds', seconds);
  report('reminders.fanout_1000.concurrency', DEFAULT_CONCURRENCY);
  report('reminders.fanout_1000.efficiency', ideal / seconds);
  report('reminders.fanout_1000.duplicates', mine - new Set(ports.hooks.sent.map((s) => s.deliveryId)).size);
}
