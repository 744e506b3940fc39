/**
 * 邀请码绑定：签发、核对姓名、一次性、过期、重发作废、输入宽容、失败限流、解绑只能由办公室操作。
 */
import { INVITE_ALPHABET } from '@tongxin/shared-types';
import type { DB } from '../../cloudfunctions/src/db/connect';
import { type Client, CHINESE, auditCount, client, codeOf, latestAudit, orgSnapshot } from '../support/call';
import { uniqueSuffix, useTestDb } from '../support/db';
import { type FixtureOrg, createFixtureOrg } from '../support/fixture-org';

const t = useTestDb();
let db: DB;
let org: FixtureOrg;
let c: Client;
let admin: string;

beforeAll(async () => {
  db = t.db();
  org = await createFixtureOrg(db);
});
beforeEach(() => {
  // 每个测试一个新时钟，推进时间互不影响
  c = client(db);
  admin = org.members.admin.openid;
});

/** 一个全新的微信身份（绑定失败按 openid 计数，各测试互不影响） */
const newOpenid = () => `t_${org.tag}_wx_${uniqueSuffix()}`;

/** 办公室新增一位尚未绑定的成员 */
async function newMember(name: string, extra: Record<string, unknown> = {}) {
  return c.ok(admin, 'roster', 'create', { name, kind: 'committee_member', position: '委员', affiliation: '无党派', ...extra });
}

async function invite(name: string) {
  const m = await newMember(name);
  const issued = await c.ok(admin, 'roster', 'issueInvite', { memberId: m.id });
  return { member: m, code: issued.code, issued };
}

const bind = (openid: string, code: string, name: string) => c.call(openid, 'member', 'bind', { code, name });

describe('签发邀请码', () => {
  test('管理员签发：8 位、不含易混字符、30 天有效；成员显示待绑定；记入审计日志', async () => {
    const { member, issued } = await invite('签发甲');
    expect(issued.code).toMatch(new RegExp(`^[${INVITE_ALPHABET}]{8}$`));
    expect(issued.memberName).toBe('签发甲');
    expect(new Date(issued.expiresAt).getTime() - c.clock.now().getTime()).toBe(30 * 86_400_000);
    const detail = await c.ok(admin, 'roster', 'get', { memberId: member.id });
    expect(detail).toMatchObject({ invitePending: true, bound: false });
    const [entry] = await latestAudit(db, org.orgId);
    expect(entry).toMatchObject({ action: 'roster.issueInvite', target_id: member.id, actor_name: '管理员甲', summary: '签发 签发甲 的邀请码' });
    // 库里只存哈希
    const rows = await db.selectFrom('invite_code').select('code_hash').where('org_id', '=', org.orgId).where('member_id', '=', member.id).execute();
    expect(rows.map((r) => r.code_hash)).not.toContain(issued.code);
  });

  test('书记可为本支部成员签发，不能为其他支部成员签发', async () => {
    const m = await newMember('本支部党员', { affiliation: '中共党员', memberships: [{ branchId: org.branches.B, kind: 'functional' }] });
    const issued = await c.ok(org.members.secB.openid, 'roster', 'issueInvite', { memberId: m.id });
    expect(issued.memberId).toBe(m.id);
    const before = await orgSnapshot(db, org.orgId);
    expect(codeOf(await c.call(org.members.secB.openid, 'roster', 'issueInvite', { memberId: org.members.staff.id }))).toBe('FORBIDDEN');
    expect(await orgSnapshot(db, org.orgId)).toEqual(before);
    expect((await bind(newOpenid(), issued.code, '本支部党员')).ok).toBe(true);
  });

  test('重新签发后旧码作废，新码可用；审计写“重新签发”', async () => {
    const { member, code: oldCode } = await invite('重发甲');
    const again = await c.ok(admin, 'roster', 'issueInvite', { memberId: member.id });
    expect(again.code).not.toBe(oldCode);
    expect((await latestAudit(db, org.orgId))[0].summary).toBe('重新签发 重发甲 的邀请码，作废了 管理员甲 2026-11-26 09:00 签发的邀请码');
    expect(codeOf(await bind(newOpenid(), oldCode, '重发甲'))).toBe('MEMBER.INVITE_USED');
    expect((await bind(newOpenid(), again.code, '重发甲')).ok).toBe(true);
  });

  test('已退出的成员不能签发邀请码，退出前签发的码也不能再用', async () => {
    const { member, code } = await invite('退出甲');
    await c.ok(admin, 'roster', 'retire', { memberId: member.id, reason: '届满退出' });
    expect(codeOf(await c.call(admin, 'roster', 'issueInvite', { memberId: member.id }))).toBe('CONFLICT');
    const res = await bind(newOpenid(), code, '退出甲');
    expect(codeOf(res)).toMatch(/^MEMBER\.INVITE_(USED|INVALID)$/);
    expect(await db.selectFrom('wx_binding').select('openid').where('org_id', '=', org.orgId).where('member_id', '=', member.id).execute()).toHaveLength(0);
  });
});

describe('用邀请码绑定', () => {
  test('姓名不符 → MEMBER.NAME_MISMATCH；姓名正确 → 绑定成功，之后 member.me 可用', async () => {
    const { member, code } = await invite('绑定甲');
    const wx = newOpenid();
    const wrong = await bind(wx, code, '绑定乙');
    expect(wrong).toEqual({ ok: false, error: { code: 'MEMBER.NAME_MISMATCH', message: expect.stringMatching(CHINESE) } });
    const audits = await auditCount(db, org.orgId);
    const res = await bind(wx, code, ' 绑定甲 ');
    expect(res.ok && res.data).toMatchObject({ id: member.id, name: '绑定甲', roles: ['member'], orgId: org.orgId });
    expect(await c.ok(wx, 'member', 'me')).toMatchObject({ id: member.id });
    expect(await auditCount(db, org.orgId)).toBe(audits + 1);
    expect((await latestAudit(db, org.orgId))[0]).toMatchObject({ action: 'member.bind', target_id: member.id, actor_member_id: member.id });
    expect(await c.ok(admin, 'roster', 'get', { memberId: member.id })).toMatchObject({ bound: true, invitePending: false });
  });

  test('邀请码只能用一次：再用 → MEMBER.INVITE_USED', async () => {
    const { code } = await invite('一次甲');
    expect((await bind(newOpenid(), code, '一次甲')).ok).toBe(true);
    const reuse = await bind(newOpenid(), code, '一次甲');
    expect(codeOf(reuse)).toBe('MEMBER.INVITE_USED');
  });

  test('不存在的码 → MEMBER.INVITE_INVALID', async () => {
    expect(codeOf(await bind(newOpenid(), 'ABCDEFGH', '谁'))).toBe('MEMBER.INVITE_INVALID');
  });

  test('过期（31 天后）→ MEMBER.INVITE_EXPIRED；第 29 天仍可用', async () => {
    const late = await invite('过期甲');
    const early = await invite('未过期甲');
    c.clock.advance(29 * 86_400_000);
    expect((await bind(newOpenid(), early.code, '未过期甲')).ok).toBe(true);
    c.clock.advance(2 * 86_400_000);
    expect(codeOf(await bind(newOpenid(), late.code, '过期甲'))).toBe('MEMBER.INVITE_EXPIRED');
    expect(await c.ok(admin, 'roster', 'get', { memberId: late.member.id })).toMatchObject({ invitePending: false, bound: false });
  });

  test('小写、带空格和横线的码也能用', async () => {
    const { code } = await invite('宽容甲');
    const typed = ` ${code.slice(0, 4).toLowerCase()} - ${code.slice(4).toLowerCase()} `;
    expect((await bind(newOpenid(), typed, '宽容甲')).ok).toBe(true);
  });

  test('已绑定的微信再绑 → CONFLICT，且不计失败次数', async () => {
    const { code } = await invite('再绑甲');
    const res = await bind(org.members.cpc.openid, code, '再绑甲');
    expect(codeOf(res)).toBe('CONFLICT');
    expect(await db.selectFrom('bind_attempt').select('id').where('openid', '=', org.members.cpc.openid).execute()).toHaveLength(0);
  });

  test('已绑定的成员不再签发邀请码 → CONFLICT；换手机须先由办公室解绑', async () => {
    const { member, code } = await invite('双绑甲');
    expect((await bind(newOpenid(), code, '双绑甲')).ok).toBe(true);
    const before = await orgSnapshot(db, org.orgId);
    const res = await c.call(admin, 'roster', 'issueInvite', { memberId: member.id });
    expect(res).toEqual({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('解除绑定') } });
    expect(await orgSnapshot(db, org.orgId)).toEqual(before);
  });
});

describe('并发绑定', () => {
  test('两个微信同时用同一个码：一个成功，另一个 MEMBER.INVITE_USED', async () => {
    const { member, code } = await invite('并发甲');
    const results = await Promise.all([bind(newOpenid(), code, '并发甲'), bind(newOpenid(), code, '并发甲')]);
    expect(results.map(codeOf).sort()).toEqual(['MEMBER.INVITE_USED', 'OK']);
    expect(await db.selectFrom('wx_binding').select('openid').where('org_id', '=', org.orgId).where('member_id', '=', member.id).execute()).toHaveLength(1);
  });

  test('同一个微信同时提交两位成员的码：只绑定一位，另一个 CONFLICT（不是 INTERNAL）', async () => {
    const a = await invite('并发乙');
    const b = await invite('并发丙');
    const wx = newOpenid();
    const results = await Promise.all([bind(wx, a.code, '并发乙'), bind(wx, b.code, '并发丙')]);
    expect(results.map(codeOf).sort()).toEqual(['CONFLICT', 'OK']);
    expect(await db.selectFrom('wx_binding').select('member_id').where('openid', '=', wx).execute()).toHaveLength(1);
  });
});

describe('失败限流', () => {
  test('十分钟内失败五次 → RATE_LIMITED（码正确也不行）；十分钟后解锁', async () => {
    const { code } = await invite('限流甲');
    const wx = newOpenid();
    const reasons = [];
    for (let i = 0; i < 5; i++) {
      reasons.push(codeOf(await bind(wx, i % 2 ? 'ABCDEFGH' : code, '别人')));
      c.clock.advance(60_000);
    }
    expect(reasons).toEqual(['MEMBER.NAME_MISMATCH', 'MEMBER.INVITE_INVALID', 'MEMBER.NAME_MISMATCH', 'MEMBER.INVITE_INVALID', 'MEMBER.NAME_MISMATCH']);
    const locked = await bind(wx, code, '限流甲');
    expect(locked).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/请 \d+ 分钟后再试/) } });
    // 另一个微信身份不受影响
    expect(codeOf(await bind(newOpenid(), 'ABCDEFGH', '别人'))).toBe('MEMBER.INVITE_INVALID');
    // 首次失败在 0 分，现在是 5 分：再过 4 分 59 秒仍锁定，满 10 分钟解锁
    c.clock.advance(4 * 60_000 + 59_000);
    expect(codeOf(await bind(wx, code, '限流甲'))).toBe('RATE_LIMITED');
    c.clock.advance(1_000);
    expect((await bind(wx, code, '限流甲')).ok).toBe(true);
  });

  test('锁定期间的尝试不延长锁定', async () => {
    const wx = newOpenid();
    for (let i = 0; i < 5; i++) await bind(wx, 'ABCDEFGH', '别人');
    for (let i = 0; i < 3; i++) expect(codeOf(await bind(wx, 'ABCDEFGH', '别人'))).toBe('RATE_LIMITED');
    c.clock.advance(10 * 60_000);
    expect(codeOf(await bind(wx, 'ABCDEFGH', '别人'))).toBe('MEMBER.INVITE_INVALID');
  });
});

describe('解除绑定', () => {
  test('管理员解绑后 member.me → NOT_BOUND；重新签发后可用新微信绑定', async () => {
    const { member, code } = await invite('解绑甲');
    const oldWx = newOpenid();
    expect((await bind(oldWx, code, '解绑甲')).ok).toBe(true);
    const detail = await c.ok(admin, 'roster', 'unbind', { memberId: member.id, reason: '更换手机' });
    expect(detail.bound).toBe(false);
    expect((await latestAudit(db, org.orgId))[0]).toMatchObject({ action: 'roster.unbind', target_id: member.id, summary: '解除 解绑甲 的微信绑定：更换手机' });
    expect(codeOf(await c.call(oldWx, 'member', 'me'))).toBe('NOT_BOUND');
    expect(codeOf(await c.call(admin, 'roster', 'unbind', { memberId: member.id, reason: '再次解绑' }))).toBe('CONFLICT');
    const again = await c.ok(admin, 'roster', 'issueInvite', { memberId: member.id });
    const newWx = newOpenid();
    expect((await bind(newWx, again.code, '解绑甲')).ok).toBe(true);
    expect(await c.ok(newWx, 'member', 'me')).toMatchObject({ id: member.id });
  });

  test.each([
    ['成员本人', 'cpc'],
    ['本支部书记', 'secB'],
    ['机关干部', 'staff'],
  ] as const)('%s不能调用 roster.unbind → FORBIDDEN，绑定仍在', async (_label, who) => {
    const before = await orgSnapshot(db, org.orgId);
    const res = await c.call(org.members[who].openid, 'roster', 'unbind', { memberId: org.members.cpc.id, reason: '自己解绑' });
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(await orgSnapshot(db, org.orgId)).toEqual(before);
    expect((await c.call(org.members.cpc.openid, 'member', 'me')).ok).toBe(true);
  });
});
