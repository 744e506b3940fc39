import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Deps } from '../../cloudfunctions/src/core/action';
import { makeToken, stepOf } from '../../cloudfunctions/src/domain/checkin-token';
import { eventFunction } from '../../cloudfunctions/src/functions/event';
import { createFixtureOrg } from '../support/fixture-org';
import { readFileSync, readdirSync } from 'node:fs';
import { percentile, report, runConcurrent } from './stats';
import { nameSortKey } from '../../cloudfunctions/src/domain/name-sort';

/** 调试用（BENCH_DEBUG）：本机所有 postgres 进程累计的 CPU 时间（微秒），看处理器与裸 SQL 各让数据库做了多少事 */
function pgTicks(): number {
  if (!process.env.BENCH_DEBUG) return 0;
  let t = 0;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const s = readFileSync(`/proc/${d}/stat`, 'utf8');
      if (!s.includes('(postgres)')) continue;
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      t += Number(f[11]) + Number(f[12]);
    } catch {
      // 进程已退出
    }
  }
  return t * 10_000;
}

const MEMBERS = 1000;
const CONCURRENCY = 50;
const WARMUP = Math.min(MEMBERS, Number(process.env.BENCH_WARMUP ?? 1000));

/**
 * 培训班 1000 人、50 人同时扫码签到：处理器（校验、身份、令牌、窗口、签到、积分台账、五个一，一个事务）
 * 对比它必须执行的裸 SQL（同一事务里插入签到与积分记录），同样的并发。
 */
export async function benchCheckin(deps: Deps, poolSize: number) {
  const { db } = deps;
  const org = await createFixtureOrg(db);
  const at = new Date('2026-11-26T09:05:00+08:00');
  (deps.clock as { set?: (d: Date) => void }).set?.(at);

  // 1. 1000 名已绑定的成员（四成党员）
  const members = Array.from({ length: MEMBERS }, (_, i) => ({ id: randomUUID(), openid: `bench_${org.tag}_${i}`, cpc: i % 5 < 2 }));
  for (let i = 0; i < MEMBERS; i += 500) {
    const chunk = members.slice(i, i + 500);
    await db
      .insertInto('member')
      .values(
        chunk.map((m, j) => ({
          org_id: org.orgId,
          id: m.id,
          name: `学员${i + j}`,
          name_sort: nameSortKey(`学员${i + j}`),
          phone: null,
          kind: 'committee_member' as const,
          position: '委员' as const,
          affiliation: m.cpc ? ('中共党员' as const) : ('无党派' as const),
          sector_id: null,
        })),
      )
      .execute();
    await db
      .insertInto('wx_binding')
      .values(chunk.map((m) => ({ openid: m.openid, org_id: org.orgId, member_id: m.id })))
      .execute();
  }

  // 2. 两场培训：一场给处理器，一场给裸 SQL
  const create = async (title: string) => {
    const res = await eventFunction.handle(
      {
        action: 'create',
        data: {
          kind: '委员培训',
          title,
          place: '市委党校报告厅',
          startsAt: '2026-11-26T09:00:00+08:00',
          endsAt: '2026-11-26T17:00:00+08:00',
          audience: [{ kind: 'all', id: null }],
        },
      },
      org.members.admin.openid,
      deps,
    );
    if (!res.ok) throw new Error(JSON.stringify(res.error));
    return (res.data as { id: string }).id;
  };
  const handlerEvent = await create('委员培训（处理器）');
  const bareEvent = await create('委员培训（裸 SQL）');
  const warmHandlerEvent = await create('预热（处理器）');
  const warmBareEvent = await create('预热（裸 SQL）');
  const tokenOf = async (eventId: string) => {
    const ev = await db.selectFrom('event').select(['short_code', 'rotate_seconds']).where('id', '=', eventId).executeTakeFirstOrThrow();
    return makeToken(deps.secrets.checkin, ev.short_code, stepOf(at, ev.rotate_seconds));
  };
  const token = await tokenOf(handlerEvent);
  const rule = await db
    .selectFrom('points_rule')
    .select(['id', 'track', 'category'])
    .where('org_id', '=', org.orgId)
    .where('code', '=', 'party.study')
    .where('superseded_at', 'is', null)
    .executeTakeFirstOrThrow();

  const checkIn = (tok: string, i: number) => eventFunction.handle({ action: 'checkin', data: { token: tok } }, members[i].openid, deps);
  const bareCheckIn = (eventId: string, i: number) =>
    db.transaction().execute(async (trx) => {
      const m = members[i];
      await sql`INSERT INTO attendance (org_id, event_id, member_id, checked_in_at, received_at, method, late) VALUES (${org.orgId}, ${eventId}, ${m.id}, ${at}, ${at}, 'scan', false)`.execute(
        trx,
      );
      await sql`INSERT INTO points_entry (org_id, member_id, year, track, category, rule_id, rule_code, points, requested_points, source_kind, source_id, source_title, idempotency_key, created_at)
        VALUES (${org.orgId}, ${m.id}, 2026, ${rule.track}, ${rule.category}, ${rule.id}, 'party.study', 2, 2, 'event', ${eventId}, '委员培训', ${`event:${eventId}:party.study:${m.id}`}, ${at})`.execute(
        trx,
      );
    });

  // 预热：两条路径各先跑 WARMUP 次（建立全部连接、准备语句、让 V8 把热路径编译优化好），测量的是已经运行了一阵的实例，
  // 谁也不替谁付启动的账。只热身 200 次时，处理器每次签到的 Node CPU 约 500 µs，热身 1000 次后约 300 µs。
  // 冷启动那一轮的尾延迟另报（checkin.cold_start.p99_ms），不掩盖。
  const warmToken = await tokenOf(warmHandlerEvent);
  const cold = await runConcurrent(WARMUP, CONCURRENCY, async (i) => void (await checkIn(warmToken, i % MEMBERS)));
  await runConcurrent(WARMUP, CONCURRENCY, (i) => bareCheckIn(warmBareEvent, i % MEMBERS));

  // 3. 交替测量：五轮，每轮 200 人走处理器、200 人走裸 SQL（先后次序轮换），各自累计耗时。
  //    两段分开跑时，机器状态的起伏会整段落在一边；交替跑让两边承受同样的起伏。
  let failures = 0;
  const handlerLatencies: number[] = [];
  const bareLatencies: number[] = [];
  let handlerMs = 0;
  let bareMs = 0;
  const cpu = { handler: 0, bare: 0 };
  const pg = { handler: 0, bare: 0 };
  const ROUNDS = 5;
  const per = MEMBERS / ROUNDS;
  for (let round = 0; round < ROUNDS; round++) {
    const offset = round * per;
    const runHandler = async () => {
      const c0 = process.cpuUsage();
      const p0 = pgTicks();
      const r = await runConcurrent(per, CONCURRENCY, async (i) => {
        const res = await checkIn(token, offset + i);
        if (!res.ok || (res.data as { already: boolean }).already) failures++;
      });
      const c = process.cpuUsage(c0);
      cpu.handler += c.user + c.system;
      pg.handler += pgTicks() - p0;
      handlerLatencies.push(...r.latencies);
      handlerMs += r.totalMs;
    };
    const runBare = async () => {
      const c0 = process.cpuUsage();
      const p0 = pgTicks();
      const r = await runConcurrent(per, CONCURRENCY, (i) => bareCheckIn(bareEvent, offset + i));
      const c = process.cpuUsage(c0);
      cpu.bare += c.user + c.system;
      pg.bare += pgTicks() - p0;
      bareLatencies.push(...r.latencies);
      bareMs += r.totalMs;
    };
    if (round % 2 === 0) {
      await runHandler();
      await runBare();
    } else {
      await runBare();
      await runHandler();
    }
  }
  if (process.env.BENCH_DEBUG)
    console.error(
      'node cpu µs per check-in: handler',
      cpu.handler / MEMBERS,
      'bare',
      cpu.bare / MEMBERS,
      'pg µs: handler',
      pg.handler / MEMBERS,
      'bare',
      pg.bare / MEMBERS,
    );

  // 5. 核对：不多不少
  const count = async (eventId: string) =>
    Number(
      (
        await db
          .selectFrom('attendance')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('org_id', '=', org.orgId)
          .where('event_id', '=', eventId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const checkedIn = await count(handlerEvent);
  const dupEntries = await db
    .selectFrom('points_entry')
    .select('member_id')
    .where('org_id', '=', org.orgId)
    .where('source_id', '=', handlerEvent)
    .groupBy('member_id')
    .having((eb) => eb.fn.countAll(), '>', 1)
    .execute();
  const entries = Number(
    (
      await db
        .selectFrom('points_entry')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('org_id', '=', org.orgId)
        .where('source_id', '=', handlerEvent)
        .executeTakeFirstOrThrow()
    ).n,
  );

  const handlerPerSecond = (MEMBERS / handlerMs) * 1000;
  const barePerSecond = (MEMBERS / bareMs) * 1000;
  report('checkin.burst.pool_size', poolSize);
  report('checkin.burst.warmup', WARMUP);
  report('checkin.cold_start.p99_ms', percentile(cold.latencies, 99));
  report('checkin.burst.p50_ms', percentile(handlerLatencies, 50));
  report('checkin.burst.p99_ms', percentile(handlerLatencies, 99));
  report('checkin.burst.per_second', handlerPerSecond);
  report('checkin.burst.bare_sql_per_second', barePerSecond);
  report('checkin.burst.bare_sql_p99_ms', percentile(bareLatencies, 99));
  report('checkin.burst.throughput_ratio', handlerPerSecond / barePerSecond);
  report('checkin.burst.duplicates', dupEntries.length + Math.max(0, checkedIn - MEMBERS));
  report('checkin.burst.lost', MEMBERS - checkedIn + failures);
  report('checkin.burst.points_entries', entries);
}
