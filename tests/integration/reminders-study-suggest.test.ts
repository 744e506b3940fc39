/**
 * 提醒也送学习与建言的事（issue 15）：必学篇目、学习测试截止前 3 天提醒还没办完的人（读完的、通过的不提醒）；
 * 被邀请联名、建言有了答复这类通知同时入投递队列，由定时器发出。
 */
import type { MyRemindersView } from '@tongxin/shared-types';
import { localReminderPorts } from '../../cloudfunctions/src/adapters/senders-local';
import type { DB } from '../../cloudfunctions/src/db/connect';
import { functions } from '../../cloudfunctions/src/functions';
import { runTick } from '../../cloudfunctions/src/functions/reminders/tick';
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
const DUE = at(3 * 24 + 12);

type Ports = ReturnType<typeof localReminderPorts>;
async function ok<T>(ports: Ports, openid: string, f: string, action: string, data: unknown, now = T0): Promise<T> {
  const res = (await functions[f].handle({ action, data }, openid, { ...makeDeps(db, now).deps, reminders: ports })) as {
    ok: boolean;
    data?: T;
    error?: unknown;
  };
  if (!res.ok) throw new Error(`${f}.${action}：${JSON.stringify(res.error)}`);
  return res.data as T;
}
const tick = (ports: Ports, now: string) => runTick({ ...makeDeps(db, now).deps, reminders: ports });

async function outbox(org: FixtureOrg) {
  return db
    .selectFrom('dev_outbox as o')
    .innerJoin('delivery as d', (j) => j.onRef('d.id', '=', 'o.delivery_id'))
    .select(['o.channel', 'd.kind', 'd.member_id'])
    .where('o.org_id', '=', org.orgId)
    .execute();
}

async function subscribe(ports: Ports, openid: string, key: string, times: number) {
  const { templates } = await ok<{ templates: Array<{ key: string; templateId: string }> }>(ports, openid, 'reminders', 'config', undefined);
  const templateId = templates.find((x) => x.key === key)!.templateId;
  let view: MyRemindersView | undefined;
  for (let i = 0; i < times; i++) view = await ok<MyRemindersView>(ports, openid, 'reminders', 'subscribed', { results: [{ templateId, result: 'accept' }] });
  return view!;
}

describe('学习的截止前提醒', () => {
  test('必学篇目与学习测试：截止前 3 天提醒还没办完的人各一次；读完的不提醒；早于 3 天不提醒', async () => {
    const org = await createFixtureOrg(db);
    const ports = localReminderPorts(db);
    const admin = org.members.admin.openid;
    const material = await ok<{ id: string }>(ports, admin, 'study', 'publish', { title: '学习党章', category: '党纪法规', bodyMarkdown: '认真学习党章。' });
    await ok(ports, admin, 'study', 'assign', { materialId: material.id, dueAt: DUE, audience: [{ kind: 'branch', id: org.branches.B }] });
    await ok(ports, admin, 'study', 'saveQuestion', {
      bank: '党章',
      kind: 'single',
      stem: '党的最高领导机关是？',
      options: ['党的全国代表大会和它所产生的中央委员会', '党支部'],
      answer: [0],
      explanation: '见党章',
    });
    await ok(ports, admin, 'study', 'createQuiz', {
      title: '党章测试',
      bank: '党章',
      questionCount: 1,
      passScore: 60,
      maxAttempts: 3,
      opensAt: T0,
      closesAt: DUE,
      audience: [{ kind: 'member', id: org.members.cpc.id }],
    });
    // 党员委员订阅两次截止提醒；书记乙订阅一次，但已经读完
    await subscribe(ports, org.members.cpc.openid, 'deadline', 2);
    await subscribe(ports, org.members.secB.openid, 'deadline', 1);
    await ok(ports, org.members.secB.openid, 'study', 'finish', { materialId: material.id });

    await tick(ports, at(1)); // 离截止还有 3.5 天
    expect(await outbox(org)).toEqual([]);
    await tick(ports, at(13)); // 还有不到 3 天
    const box = await outbox(org);
    expect(box.map((m) => [m.kind, m.member_id, m.channel]).sort()).toEqual(
      [
        ['study.quiz.3d', org.members.cpc.id, 'subscribe'],
        ['study.reading.3d', org.members.cpc.id, 'subscribe'],
      ].sort(),
    );
    // 下一轮不再发
    await tick(ports, at(13.1));
    expect((await outbox(org)).length).toBe(2);
    const left = await ok<MyRemindersView>(ports, org.members.cpc.openid, 'reminders', 'mine', undefined);
    expect(left.quotas.find((q) => q.key === 'deadline')?.remaining).toBe(0);
  });
});

describe('建言的通知也推送', () => {
  test('被邀请联名的人收到一条提醒；没订阅的人也有站内通知，但推送记为没送达', async () => {
    const org = await createFixtureOrg(db);
    const ports = localReminderPorts(db);
    await subscribe(ports, org.members.secB.openid, 'result', 1);
    const draft = await ok<{ id: string }>(ports, org.members.cpc.openid, 'suggestions', 'saveDraft', {
      kind: 'proposal',
      title: '关于加快老旧小区加装电梯的建议',
      reasons: '老旧小区老年人多，上下楼困难，加装电梯进度慢。',
      proposals: '简化审批流程，设立专项补贴，推广代建模式。',
      category: '城乡建设',
    });
    await ok(ports, org.members.cpc.openid, 'suggestions', 'invite', { id: draft.id, memberIds: [org.members.secB.id, org.members.nonCpc.id] });
    await tick(ports, at(0.1));
    const box = await outbox(org);
    expect(box.map((m) => [m.kind, m.member_id])).toEqual([['suggestion.cosign', org.members.secB.id]]);
    const unreached = await db
      .selectFrom('delivery')
      .select(['member_id', 'status'])
      .where('org_id', '=', org.orgId)
      .where('kind', '=', 'suggestion.cosign')
      .where('member_id', '=', org.members.nonCpc.id)
      .executeTakeFirstOrThrow();
    expect(unreached.status).toBe('unreached');
  });
});
