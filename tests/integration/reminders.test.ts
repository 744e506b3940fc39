/**
 * 提醒（issue 15）：成员订阅；书记建一场 25 小时后的主题党日；在会前 24 小时、1 小时各跑一轮定时器；
 * 发件箱里每位订阅者每次提醒恰好一条，没有额度而开通了短信的、办公室为其开通短信的未绑定成员收到短信；
 * 组织者的报告写明谁没收到、为什么；改期通知到每个应参加的人。两轮同时跑只发一次；中途死掉的一轮由下一轮补完，不重复。
 */
import type { EventReminderReport, EventView, MyRemindersView, TickResult } from '@tongxin/shared-types';
import { localReminderPorts } from '../../cloudfunctions/src/adapters/senders-local';
import type { DB } from '../../cloudfunctions/src/db/connect';
import { functions } from '../../cloudfunctions/src/functions';
import { runTick } from '../../cloudfunctions/src/functions/reminders/tick';
import { nameSortKey } from '../../cloudfunctions/src/domain/name-sort';
import { makeDeps, useTestDb } from '../support/db';
import { createFixtureOrg, type FixtureOrg } from '../support/fixture-org';

jest.setTimeout(60_000);
const t = useTestDb();
let db: DB;
beforeAll(() => {
  db = t.db();
});

const T0 = '2026-12-01T09:00:00+08:00';
const at = (hours: number) => new Date(new Date(T0).getTime() + hours * 3600_000).toISOString();
const START = at(25);

type Ports = ReturnType<typeof localReminderPorts>;
const call = async <T>(
  ports: Ports,
  openid: string,
  f: string,
  action: string,
  data: unknown,
  now = T0,
): Promise<{ ok: boolean; data?: T; error?: { code: string } }> =>
  (await functions[f].handle({ action, data }, openid, { ...makeDeps(db, now).deps, reminders: ports })) as never;
const ok = async <T>(ports: Ports, openid: string, f: string, action: string, data: unknown, now = T0): Promise<T> => {
  const res = await call<T>(ports, openid, f, action, data, now);
  if (!res.ok) throw new Error(`${f}.${action}：${JSON.stringify(res.error)}`);
  return res.data as T;
};
const code = async (ports: Ports, openid: string, f: string, action: string, data: unknown) => {
  const res = await call(ports, openid, f, action, data);
  return res.ok ? 'OK' : res.error!.code;
};
const tick = (ports: Ports, now: string, options: Parameters<typeof runTick>[1] = {}): Promise<TickResult> =>
  runTick({ ...makeDeps(db, now).deps, reminders: ports }, options);

/** 经济委功能型支部里再加几个人：未绑定（办公室开通短信 / 没开通）、已绑定但没订阅 */
async function addMember(org: FixtureOrg, name: string, opts: { bound: boolean; phone: string | null }) {
  const m = await db
    .insertInto('member')
    .values({ org_id: org.orgId, name, name_sort: nameSortKey(name), phone: opts.phone, position: '委员', affiliation: '中共党员' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('branch_membership')
    .values({ org_id: org.orgId, member_id: m.id, branch_id: org.branches.B, kind: 'functional', duty: '党员' })
    .execute();
  const openid = `t_${org.tag}_${m.id.slice(0, 6)}`;
  if (opts.bound) await db.insertInto('wx_binding').values({ openid, org_id: org.orgId, member_id: m.id }).execute();
  return { id: m.id, openid };
}

/** 发件箱里这个政协的消息：[收件人, 种类] */
async function outbox(org: FixtureOrg) {
  const rows = await db
    .selectFrom('dev_outbox as o')
    .innerJoin('delivery as d', (j) => j.onRef('d.id', '=', 'o.delivery_id'))
    .select(['o.channel', 'o.recipient', 'd.kind', 'd.member_id'])
    .where('o.org_id', '=', org.orgId)
    .execute();
  return rows;
}

async function scenario() {
  const org = await createFixtureOrg(db);
  const ports = localReminderPorts(db);
  const meeting = (
    await ok<{ templates: Array<{ key: string; templateId: string }> }>(ports, org.members.cpc.openid, 'reminders', 'config', undefined)
  ).templates.find((x) => x.key === 'meeting')!.templateId;
  const accept = (openid: string) => ok<MyRemindersView>(ports, openid, 'reminders', 'subscribed', { results: [{ templateId: meeting, result: 'accept' }] });
  // 党员委员订阅两次（两次提醒都够）；书记乙订阅一次，另开通短信（第二次提醒走短信）
  await accept(org.members.cpc.openid);
  const mine = await accept(org.members.cpc.openid);
  expect(mine.quotas.find((q) => q.key === 'meeting')?.remaining).toBe(2);
  await accept(org.members.secB.openid);
  await ok(ports, org.members.secB.openid, 'reminders', 'setSms', { enabled: true, phone: '13900000001' });
  const unboundSms = await addMember(org, '短信委员', { bound: false, phone: '13900000002' });
  const unboundNone = await addMember(org, '未开通委员', { bound: false, phone: '13900000003' });
  const noQuota = await addMember(org, '未订阅委员', { bound: true, phone: null });
  // 办公室：开短信、为未绑定的“短信委员”开通
  await ok(ports, org.members.admin.openid, 'reminders', 'saveSettings', { smsEnabled: true, monthlyBudget: null });
  await ok(ports, org.members.admin.openid, 'reminders', 'setMemberSms', { memberId: unboundSms.id, enabled: true });
  // 书记乙建 25 小时后的主题党日，面向本支部
  const event = await ok<EventView>(ports, org.members.secB.openid, 'event', 'create', {
    kind: '主题党日',
    title: '十二月主题党日',
    place: '三楼会议室',
    startsAt: START,
    endsAt: at(27),
    ownerBranchId: org.branches.B,
    audience: [{ kind: 'branch', id: org.branches.B }],
  });
  return { org, ports, event, unboundSms, unboundNone, noQuota };
}

describe('会前提醒', () => {
  test('会前 24 小时、1 小时：每位订阅者每次一条，短信补上没有额度的与办公室开通的，报告写明谁没收到', async () => {
    const { org, ports, event, unboundSms, unboundNone, noQuota } = await scenario();
    expect((await tick(ports, at(0.5))).sent).toBe(0);
    await tick(ports, at(1));
    let box = await outbox(org);
    expect(
      box
        .filter((m) => m.kind === 'meeting.24h')
        .map((m) => [m.channel, m.member_id])
        .sort(),
    ).toEqual(
      [
        ['subscribe', org.members.cpc.id],
        ['subscribe', org.members.secB.id],
        ['sms', unboundSms.id],
      ].sort(),
    );
    // 下一轮（5 分钟后）不再发
    await tick(ports, at(1.1));
    expect((await outbox(org)).length).toBe(3);

    await tick(ports, at(24));
    box = await outbox(org);
    expect(
      box
        .filter((m) => m.kind === 'meeting.1h')
        .map((m) => [m.channel, m.member_id])
        .sort(),
    ).toEqual(
      [
        ['subscribe', org.members.cpc.id],
        ['sms', org.members.secB.id],
        ['sms', unboundSms.id],
      ].sort(),
    );
    // 每人每次提醒恰好一条
    const perKey = new Map<string, number>();
    for (const m of box) perKey.set(`${m.member_id}:${m.kind}`, (perKey.get(`${m.member_id}:${m.kind}`) ?? 0) + 1);
    expect([...perKey.values()].every((n) => n === 1)).toBe(true);
    expect(box.find((m) => m.member_id === org.members.secB.id && m.channel === 'sms')?.recipient).toBe('13900000001');

    // 组织者的报告：没收到的人与原因
    const report = await ok<EventReminderReport>(ports, org.members.secB.openid, 'reminders', 'eventReport', { eventId: event.id });
    const unreached = Object.fromEntries(report.rows.filter((r) => r.unreached).map((r) => [r.name, r.unreached]));
    expect(unreached).toEqual({ 未开通委员: 'unbound', 未订阅委员: 'no_quota' });
    expect(report.counts).toMatchObject({ expected: 5, reached: 3, unreached: 2 });
    expect(report.rows.find((r) => r.memberId === unboundNone.id)?.unreachedLabel).toBe('未绑定微信，也未开通短信');

    // 未订阅委员补订阅后，组织者一键重发：这次送达，报告里不再算没收到
    await ok(ports, noQuota.openid, 'reminders', 'subscribed', { results: [{ templateId: 'local-meeting', result: 'accept' }] });
    const again = await ok<EventReminderReport & { resent: number }>(ports, org.members.secB.openid, 'reminders', 'resend', { eventId: event.id }, at(24.1));
    expect(again.resent).toBe(2);
    expect(Object.fromEntries(again.rows.filter((r) => r.unreached).map((r) => [r.name, r.unreached]))).toEqual({ 未开通委员: 'unbound' });
    expect((await outbox(org)).filter((m) => m.member_id === noQuota.id).length).toBe(1);
  });

  test('改期：通知每个应参加的人（入投递队列），新的时间再提醒一轮；请假已批准的人不再提醒', async () => {
    const { org, ports, event } = await scenario();
    await tick(ports, at(1));
    const leave = await ok<{ id: string }>(ports, org.members.cpc.openid, 'event', 'requestLeave', { eventId: event.id, reason: '出差在外地' }, at(2));
    await ok(ports, org.members.secB.openid, 'event', 'decideLeave', { leaveId: leave.id, approve: true, answer: '同意' }, at(2));
    await ok(ports, org.members.secB.openid, 'event', 'update', { eventId: event.id, startsAt: at(49), endsAt: at(51) }, at(3));
    const changed = await db.selectFrom('delivery').select('member_id').where('org_id', '=', org.orgId).where('kind', '=', 'event.changed').execute();
    expect(changed).toHaveLength(5);
    // 请假答复也推送
    expect(await db.selectFrom('delivery').select('id').where('org_id', '=', org.orgId).where('kind', '=', 'leave.answered').execute()).toHaveLength(1);
    await tick(ports, at(25));
    const again = (await outbox(org)).filter((m) => m.kind === 'meeting.24h');
    // 原时间一条 + 新时间一条（书记乙：额度用完、改走短信），党员委员请了假，新时间不再提醒
    expect(again.filter((m) => m.member_id === org.members.cpc.id)).toHaveLength(1);
    expect(again.filter((m) => m.member_id === org.members.secB.id)).toHaveLength(2);
  });
});

describe('不重复、不丢失', () => {
  test('同一时刻同时跑两轮：每条提醒只发一次', async () => {
    const { org, ports } = await scenario();
    ports.hooks.latencyMs = 20;
    await Promise.all([tick(ports, at(1)), tick(ports, at(1))]);
    const box = await outbox(org);
    expect(box).toHaveLength(3);
    expect(new Set(box.map((m) => m.member_id)).size).toBe(3);
  });

  test('发了两条后死掉的一轮，由租约过后的下一轮补完，没有重复', async () => {
    const { org, ports } = await scenario();
    ports.hooks.crashAfter = 2;
    const first = await tick(ports, at(1), { concurrency: 1 });
    expect(first.sent).toBe(2);
    expect(first.remaining).toBeGreaterThan(0);
    ports.hooks.crashAfter = null;
    // 同一时刻再跑：发送中的行还在租约里，不碰
    await tick(ports, at(1));
    expect((await outbox(org)).length).toBe(2);
    // 五分钟后（租约已过）：补完
    await tick(ports, at(1.1));
    const box = await outbox(org);
    expect(box).toHaveLength(3);
    expect(new Set(box.map((m) => m.member_id)).size).toBe(3);
    // 订阅额度只扣了一次
    const quota = await db
      .selectFrom('reminder_subscription')
      .select(['member_id', 'remaining'])
      .where('org_id', '=', org.orgId)
      .where('template_key', '=', 'meeting')
      .execute();
    expect(Object.fromEntries(quota.map((q) => [q.member_id, q.remaining]))).toEqual({ [org.members.cpc.id]: 1, [org.members.secB.id]: 0 });
  });

  test('拒收（43101）记下，不再走订阅消息；本月短信额度用完记为额度用完', async () => {
    const { org, ports, event } = await scenario();
    ports.hooks.refuse.add(org.members.cpc.openid);
    await ok(ports, org.members.admin.openid, 'reminders', 'saveSettings', { smsEnabled: true, monthlyBudget: 1 });
    await tick(ports, at(1));
    const report = await ok<EventReminderReport>(ports, org.members.admin.openid, 'reminders', 'eventReport', { eventId: event.id });
    const byName = Object.fromEntries(report.rows.map((r) => [r.name, r.unreached]));
    expect(byName['党员委员']).toBe('refused');
    const sub = await db
      .selectFrom('reminder_subscription')
      .selectAll()
      .where('org_id', '=', org.orgId)
      .where('member_id', '=', org.members.cpc.id)
      .executeTakeFirstOrThrow();
    expect(sub.refused_at).not.toBeNull();
    // 书记乙走订阅消息，短信委员用掉唯一的一条短信额度
    expect(byName['短信委员']).toBeNull();
    await tick(ports, at(24));
    const late = await ok<EventReminderReport>(ports, org.members.admin.openid, 'reminders', 'eventReport', { eventId: event.id });
    expect(Object.fromEntries(late.rows.map((r) => [r.name, r.unreached]))['短信委员']).toBe('budget_exhausted');
  });
});

describe('谁能看、谁能改', () => {
  test('成员看不了报告，别的支部的书记看不了本支部活动的报告；不能设别人的手机号；不能改短信开关', async () => {
    const { org, ports, event } = await scenario();
    expect(await code(ports, org.members.cpc.openid, 'reminders', 'eventReport', { eventId: event.id })).toBe('FORBIDDEN');
    expect(await code(ports, org.members.secA.openid, 'reminders', 'eventReport', { eventId: event.id })).toBe('FORBIDDEN');
    expect(await code(ports, org.members.secA.openid, 'reminders', 'resend', { eventId: event.id })).toBe('FORBIDDEN');
    expect(await code(ports, org.members.cpc.openid, 'reminders', 'setSms', { enabled: true, phone: '13900000009', memberId: org.members.nonCpc.id })).toBe(
      'INVALID_PARAMETER',
    );
    expect(await code(ports, org.members.cpc.openid, 'reminders', 'setMemberSms', { memberId: org.members.nonCpc.id, enabled: true })).toBe('FORBIDDEN');
    expect(await code(ports, org.members.secB.openid, 'reminders', 'saveSettings', { smsEnabled: false, monthlyBudget: 0 })).toBe('FORBIDDEN');
    expect(await code(ports, org.members.admin.openid, 'reminders', 'setMemberSms', { memberId: org.members.nonCpc.id, enabled: true })).toBe(
      'REMIND.MEMBER_BOUND',
    );
  });
});
