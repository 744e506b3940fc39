/**
 * 邀请码等于身份：书记不为管理员、其他书记签发；签发之后对方才成了管理员或书记的，书记签的码作废；
 * 重新签发作废了谁的码，审计与成员资料里看得到。每个被拒的重放都不改任何东西。
 */
import type { MemberDetail } from '@tongxin/shared-types';
import type { DB } from '../../cloudfunctions/src/db/connect';
import { client, latestAudit, orgSnapshot } from '../support/call';
import { useTestDb } from '../support/db';
import { type FixtureOrg, createFixtureOrg } from '../support/fixture-org';

const t = useTestDb();
let db: DB;
beforeAll(() => {
  db = t.db();
});

/** 办公室在经济委功能型支部（书记乙的支部）里登记一位尚未绑定的党员 */
async function unboundInBranchB(org: FixtureOrg, name: string, duty = '党员'): Promise<MemberDetail> {
  const c = client(db);
  return c.ok(org.members.admin.openid, 'roster', 'create', {
    name,
    kind: 'committee_member',
    position: '委员',
    affiliation: '中共党员',
    memberships: [{ branchId: org.branches.B, kind: 'functional', duty }],
  });
}

async function refused(org: FixtureOrg, code: string, openid: string, fn: 'roster' | 'member', action: string, data: unknown) {
  const c = client(db);
  const before = await orgSnapshot(db, org.orgId);
  expect(await c.code(openid, fn, action, data)).toBe(code);
  expect(await orgSnapshot(db, org.orgId)).toEqual(before);
}

describe('书记签发邀请码的界限', () => {
  test('为本支部里一位尚未绑定的管理员签发：ROSTER.INVITE_ABOVE，办公室签的码仍然有效', async () => {
    const org = await createFixtureOrg(db);
    const c = client(db);
    const newAdmin = await unboundInBranchB(org, '新管理员');
    await c.ok(org.members.admin.openid, 'roster', 'setAdmin', { memberId: newAdmin.id, admin: true });
    const office = await c.ok(org.members.admin.openid, 'roster', 'issueInvite', { memberId: newAdmin.id });
    await refused(org, 'ROSTER.INVITE_ABOVE', org.members.secB.openid, 'roster', 'issueInvite', { memberId: newAdmin.id });
    expect(await c.ok(`second_${org.tag}`, 'member', 'bind', { code: office.code, name: '新管理员' })).toMatchObject({
      roles: expect.arrayContaining(['admin']),
    });
  });

  test('为本支部的另一位书记（副书记）签发：ROSTER.INVITE_ABOVE；为普通党员可以', async () => {
    const org = await createFixtureOrg(db);
    const deputy = await unboundInBranchB(org, '副书记丙', '副书记');
    await refused(org, 'ROSTER.INVITE_ABOVE', org.members.secB.openid, 'roster', 'issueInvite', { memberId: deputy.id });
    const plain = await unboundInBranchB(org, '党员丁');
    expect(await client(db).code(org.members.secB.openid, 'roster', 'issueInvite', { memberId: plain.id })).toBe('OK');
  });

  test('书记签码之后对方被设为管理员：码随之作废（记审计），拿它绑定得到 MEMBER.INVITE_USED', async () => {
    const org = await createFixtureOrg(db);
    const c = client(db);
    const m = await unboundInBranchB(org, '党员戊');
    const bySecretary = await c.ok(org.members.secB.openid, 'roster', 'issueInvite', { memberId: m.id });
    await c.ok(org.members.admin.openid, 'roster', 'setAdmin', { memberId: m.id, admin: true });
    const [setAdmin, voided] = await latestAudit(db, org.orgId, 2);
    expect(setAdmin.action).toBe('roster.setAdmin');
    expect(voided).toMatchObject({ action: 'roster.voidInvite', actor_name: '管理员甲' });
    expect(voided.summary).toMatch(/^党员戊 的角色有变化，作废了 书记乙 \d{4}-\d\d-\d\d \d\d:\d\d 签发的邀请码$/);
    expect(await c.ok(org.members.admin.openid, 'roster', 'get', { memberId: m.id })).toMatchObject({
      invitePending: false,
      lastVoidedInvite: { issuedByName: '书记乙', voidedByName: '管理员甲' },
    });
    await refused(org, 'MEMBER.INVITE_USED', `thief_${org.tag}`, 'member', 'bind', { code: bySecretary.code, name: '党员戊' });
  });

  test('角色不经名册直接变了（如另一个入口），绑定时按当时的角色再判：书记签的码不能绑定管理员', async () => {
    const org = await createFixtureOrg(db);
    const c = client(db);
    const m = await unboundInBranchB(org, '党员己');
    const bySecretary = await c.ok(org.members.secB.openid, 'roster', 'issueInvite', { memberId: m.id });
    await db.insertInto('member_role').values({ org_id: org.orgId, member_id: m.id, role: 'admin' }).execute();
    expect(await c.code(`thief_${org.tag}`, 'member', 'bind', { code: bySecretary.code, name: '党员己' })).toBe('MEMBER.INVITE_USED');
    expect(await db.selectFrom('wx_binding').select('openid').where('org_id', '=', org.orgId).where('member_id', '=', m.id).execute()).toEqual([]);
  });
});

test('书记重新签发盖掉办公室的码：审计写明作废了谁哪天签的码，成员资料里看得到', async () => {
  const org = await createFixtureOrg(db);
  const c = client(db);
  const m = await unboundInBranchB(org, '党员庚');
  await c.ok(org.members.admin.openid, 'roster', 'issueInvite', { memberId: m.id });
  await c.ok(org.members.secB.openid, 'roster', 'issueInvite', { memberId: m.id });
  const [audit] = await latestAudit(db, org.orgId);
  expect(audit).toMatchObject({ action: 'roster.issueInvite', actor_name: '书记乙' });
  expect(audit.summary).toMatch(/^重新签发 党员庚 的邀请码，作废了 管理员甲 2026-11-26 09:00 签发的邀请码$/);
  expect(audit.details).toMatchObject({ voided: [{ issuedBy: org.members.admin.id, issuedByName: '管理员甲' }] });
  const log = await c.ok(org.members.admin.openid, 'roster', 'auditLog', { action: 'roster.issueInvite' });
  expect(log.items[0].summary).toContain('作废了 管理员甲');
  const detail = await c.ok(org.members.admin.openid, 'roster', 'get', { memberId: m.id });
  expect(detail).toMatchObject({
    invitePending: true,
    lastVoidedInvite: { issuedByName: '管理员甲', voidedByName: '书记乙', voidedAt: '2026-11-26T01:00:00.000Z' },
  });
});
