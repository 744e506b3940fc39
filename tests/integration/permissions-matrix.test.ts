/**
 * 权限矩阵：注册表里的每个操作 × 每种调用者。期望结果只由操作声明的 access 推出，
 * 以后新增的操作自动进入矩阵（没有样例输入时测试失败并点名）。
 */
import { type AppRole, BRANCH_MANAGER_DUTIES, type MemberProfile } from '@tongxin/shared-types';
import type { Access } from '../../cloudfunctions/src/core/action';
import type { DB } from '../../cloudfunctions/src/db/connect';
import { functions } from '../../cloudfunctions/src/functions';
import { type Client, client, codeOf, orgSnapshot } from '../support/call';
import { useTestDb } from '../support/db';
import { type FixtureOrg, createFixtureOrg } from '../support/fixture-org';
import { REGISTRY, SAMPLES } from '../support/samples';

const t = useTestDb();

interface Caller {
  label: string;
  openid: (o: FixtureOrg) => string;
  /** 范围类操作指向本支部的目标还是他支部的目标 */
  ownTarget: boolean;
  /** 承办单位的工作人员（不是委员：member.me 认不出他，只有允许 handler 的操作认得） */
  unit?: (o: FixtureOrg) => string;
}
const CALLERS: Caller[] = [
  { label: '管理员', openid: (o) => o.members.admin.openid, ownTarget: true },
  { label: '书记（本支部成员）', openid: (o) => o.members.secB.openid, ownTarget: true },
  { label: '书记（他支部成员）', openid: (o) => o.members.secB.openid, ownTarget: false },
  { label: '中共党员委员', openid: (o) => o.members.cpc.openid, ownTarget: true },
  { label: '民盟委员', openid: (o) => o.members.nonCpc.openid, ownTarget: true },
  { label: '机关干部', openid: (o) => o.members.staff.openid, ownTarget: true },
  { label: '未绑定的微信', openid: (o) => o.unboundOpenid, ownTarget: true },
  { label: '承办单位', openid: (o) => o.units.lead.openid, ownTarget: true, unit: (o) => o.units.lead.id },
];

type Outcome = 'allow' | 'FORBIDDEN' | 'NOT_BOUND';

/** 由声明推出期望：identity 从不拒绝；member 放行已绑定者；角色表要求有角色，且非管理员在范围内 */
function expectedOutcome(access: Access, me: MemberProfile | null, targetInScope: boolean, isUnit = false): Outcome {
  if (access === 'identity') return 'allow';
  // 承办单位：只有写明允许 handler 的操作认得他；别的操作里他就是没绑定委员身份的微信
  if (isUnit) return typeof access === 'object' && access.roles.includes('handler') ? 'allow' : 'NOT_BOUND';
  if (!me) return 'NOT_BOUND';
  if (access === 'member') return 'allow';
  const roles: readonly AppRole[] = me.roles;
  if (!access.roles.some((r) => roles.includes(r))) return 'FORBIDDEN';
  const orgWide = access.roles.includes('admin') && roles.includes('admin');
  if (access.scope && !orgWide && !targetInScope) return 'FORBIDDEN';
  return 'allow';
}

async function profileOf(c: Client, openid: string): Promise<MemberProfile | null> {
  const res = await c.call(openid, 'member', 'me');
  return res.ok ? res.data : null;
}

/**
 * 目标是否在调用者担任书记的支部范围内。按样例本来指向的目标判断（本支部成员/支部，或他支部的），
 * 不借用被测代码里的 lookup——否则 lookup 查错了人，期望与实际会一起错。
 */
async function inScope(db: DB, org: FixtureOrg, access: Access, me: MemberProfile | null, target: { memberId: string; branchId: string }): Promise<boolean> {
  if (typeof access !== 'object' || !access.scope || !me) return true;
  const managed = me.branches.filter((b) => BRANCH_MANAGER_DUTIES.includes(b.duty)).map((b) => b.branchId);
  const kind: string = access.scope.kind;
  if (kind === 'branch' || kind === 'branchOf') return managed.includes(target.branchId);
  if (kind !== 'member' && kind !== 'memberOf') throw new Error(`权限矩阵不认识的范围种类：${kind}，请在 inScope 里补上`);
  const rows = await db.selectFrom('branch_membership').select('branch_id').where('org_id', '=', org.orgId).where('member_id', '=', target.memberId).execute();
  return rows.some((r) => managed.includes(r.branch_id));
}

const tally = { cases: 0, allowed: 0, refused: 0, unexpectedAllows: [] as string[] };

describe('权限矩阵', () => {
  test('注册表里的每个操作都有样例输入，样例表里没有多余的操作', () => {
    const names = REGISTRY.map(([n]) => n);
    expect(names.filter((n) => !SAMPLES[n]).map((n) => `${n} 缺少样例输入：请在 tests/support/samples.ts 的 SAMPLES 里补上`)).toEqual([]);
    expect(Object.keys(SAMPLES).filter((n) => !names.includes(n))).toEqual([]);
  });

  describe.each(REGISTRY)('%s', (name, def) => {
    test.each(CALLERS)('$label', async (caller) => {
      const sample = SAMPLES[name];
      if (!sample) throw new Error(`${name} 没有样例输入：请在 tests/support/samples.ts 的 SAMPLES 里补上，新操作才能进入权限矩阵`);
      const db = t.db();
      const org = await createFixtureOrg(db);
      const c = client(db);
      const openid = caller.openid(org);
      const target = caller.ownTarget
        ? { memberId: org.members.cpc.id, branchId: org.branches.B }
        : { memberId: org.members.nonCpc.id, branchId: org.branches.A };
      const ctx = { db, org, target, admin: c };
      const input = await sample.data(ctx);
      const me = await profileOf(c, openid);
      const expected = expectedOutcome(def.access, me, await inScope(db, org, def.access, me, target), Boolean(caller.unit));

      const before = await orgSnapshot(db, org.orgId);
      const maxAuditId =
        (
          await db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.max('id').as('id'))
            .where('org_id', '=', org.orgId)
            .executeTakeFirst()
        )?.id ?? 0;
      const [fn, action] = name.split('.');
      const res = await functions[fn].handle({ action, data: input }, openid, c.deps);
      const after = await orgSnapshot(db, org.orgId);
      const got = codeOf(res);
      tally.cases++;

      if (expected !== 'allow') {
        tally.refused++;
        if (got !== expected) tally.unexpectedAllows.push(`${name} × ${caller.label}：期望 ${expected}，得到 ${got}`);
        expect(got).toBe(expected);
        expect(after).toEqual(before);
        return;
      }
      tally.allowed++;
      expect(got).toBe(sample.expect ? sample.expect(me?.id ?? caller.unit?.(org) ?? null, ctx) : 'OK');
      // 管理员、书记的操作若没有声明 writes 就不许写（否则它的写不会被要求记审计）；成员自助的写（签到、申诉）不在此列
      if (!def.writes && typeof def.access === 'object') expect(after).toEqual(before);
      if (def.writes && res.ok && me && me.roles.some((r) => r === 'admin' || r === 'secretary')) {
        const added = await db
          .selectFrom('audit_log')
          .select(['action', 'actor_member_id'])
          .where('org_id', '=', org.orgId)
          .where('id', '>', maxAuditId as never)
          .execute();
        expect(added).toContainEqual({ action: name, actor_member_id: me.id });
      }
    });
  });

  describe('对自己、对上级', () => {
    /** 对自己：管理员与书记各自以本人为目标（书记乙在自己的支部里，范围内） */
    const SELF: Array<{ label: string; role: 'admin' | 'secretary'; who: (o: FixtureOrg) => { id: string; openid: string } }> = [
      { label: '管理员对自己', role: 'admin', who: (o) => o.members.admin },
      { label: '书记对自己', role: 'secretary', who: (o) => o.members.secB },
    ];
    /** 对上级：书记乙对本支部里的管理员、对另一位书记（书记甲也在书记乙的支部里过组织生活） */
    const ABOVE: Array<{ label: string; who: (o: FixtureOrg) => { id: string; openid: string } }> = [
      { label: '书记对管理员', who: (o) => o.members.admin },
      { label: '书记对另一位书记', who: (o) => o.members.secA },
    ];
    const selfCases = REGISTRY.flatMap(([name, def]) =>
      SELF.filter((c) => SAMPLES[name]?.onMember?.self?.[c.role]).map((c) => ({
        name,
        def,
        label: c.label,
        who: c.who,
        expected: SAMPLES[name]!.onMember!.self![c.role]!,
        caller: c.who,
      })),
    );
    const aboveCases = REGISTRY.flatMap(([name, def]) =>
      SAMPLES[name]?.onMember?.above
        ? ABOVE.map((c) => ({ name, def, label: c.label, who: c.who, expected: SAMPLES[name]!.onMember!.above!, caller: (o: FixtureOrg) => o.members.secB }))
        : [],
    );

    test('有对自己、对上级的用例', () => {
      expect(selfCases.length).toBeGreaterThanOrEqual(10);
      expect(aboveCases.length).toBeGreaterThanOrEqual(4);
    });

    test.each([...selfCases, ...aboveCases].map((c) => [`${c.name} × ${c.label}`, c] as const))('%s → 拒绝，什么也不改', async (_title, c) => {
      const db = t.db();
      const org = await createFixtureOrg(db);
      const adminClient = client(db);
      // 上级在书记乙的支部里（功能型关系）：范围之内，拒绝只能来自“上级”这条规矩
      await db
        .insertInto('branch_membership')
        .values(
          [org.members.admin.id, org.members.secA.id].map((id) => ({
            org_id: org.orgId,
            member_id: id,
            branch_id: org.branches.B,
            kind: 'functional' as const,
            duty: '党员' as const,
          })),
        )
        .execute();
      const target = { memberId: org.members.cpc.id, branchId: org.branches.B };
      const input = await SAMPLES[c.name]!.onMember!.data({ db, org, target, admin: adminClient }, c.who(org));
      const before = await orgSnapshot(db, org.orgId);
      const [fn, action] = c.name.split('.');
      const res = await functions[fn].handle({ action, data: input }, c.caller(org).openid, adminClient.deps);
      expect(codeOf(res)).toBe(c.expected);
      expect(await orgSnapshot(db, org.orgId)).toEqual(before);
    });
  });

  test('汇总：没有意外放行', () => {
    console.log(`权限矩阵：${tally.cases} 个用例，放行 ${tally.allowed}，拒绝 ${tally.refused}，意外放行 ${tally.unexpectedAllows.length}`);
    expect(tally.cases).toBe(REGISTRY.length * CALLERS.length);
    expect(tally.unexpectedAllows).toEqual([]);
  });
});
