/**
 * 批量签发邀请码：一次操作、一个事务、一条审计（写明张数）；交回一张能读的分发表；
 * 书记的批次只含本支部里他压得住的人；中途失败什么也不留。
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { BatchInvitesIssued } from '@tongxin/shared-types';
import type { DB } from '../../cloudfunctions/src/db/connect';
import { nameSortKey } from '../../cloudfunctions/src/domain/name-sort';
import { auditCount, client, codeOf, latestAudit, orgSnapshot } from '../support/call';
import { useTestDb } from '../support/db';
import { type FixtureOrg, createFixtureOrg } from '../support/fixture-org';

const t = useTestDb();
let db: DB;
beforeAll(() => {
  db = t.db();
});

/** 直接在库里登记 n 位尚未绑定的成员（在某个支部里，带界别），返回 id */
async function addUnbound(
  org: FixtureOrg,
  n: number,
  opts: { branchId?: string; prefix?: string; duty?: '党员' | '副书记'; admin?: boolean } = {},
): Promise<string[]> {
  const rows = Array.from({ length: n }, (_, i) => {
    const name = `${opts.prefix ?? '委员'}${String(i + 1).padStart(2, '0')}`;
    return {
      org_id: org.orgId,
      name,
      name_sort: nameSortKey(name),
      kind: 'committee_member' as const,
      position: '委员' as const,
      affiliation: '中共党员' as const,
      sector_id: org.sectors.education,
    };
  });
  const ids = (await db.insertInto('member').values(rows).returning('id').execute()).map((r) => r.id);
  if (opts.branchId) {
    await db
      .insertInto('branch_membership')
      .values(ids.map((id) => ({ org_id: org.orgId, member_id: id, branch_id: opts.branchId!, kind: 'functional' as const, duty: opts.duty ?? '党员' })))
      .execute();
  }
  if (opts.admin)
    await db
      .insertInto('member_role')
      .values(ids.map((id) => ({ org_id: org.orgId, member_id: id, role: 'admin' as const })))
      .execute();
  return ids;
}

/** 读回分发表：表头与各行 */
async function readSheet(res: BatchInvitesIssued): Promise<string[][]> {
  expect(res.file).not.toBeNull();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(res.file!.contentBase64, 'base64') as never);
  const ws = wb.getWorksheet('邀请码')!;
  const rows: string[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

test('办公室一次为 60 位未绑定成员签发：一个操作、一条审计写明 60 张，表格读得出每人的码，码能绑定', async () => {
  const org = await createFixtureOrg(db);
  const c = client(db);
  const ids = await addUnbound(org, 60, { branchId: org.branches.B });
  const auditsBefore = await auditCount(db, org.orgId);

  const started = Date.now();
  const res = await c.ok(org.members.admin.openid, 'roster', 'issueInvites', { branchId: org.branches.B });
  const ms = Date.now() - started;
  console.log(`roster.issueInvites：60 张用时 ${ms} ms`);

  expect(res.invites).toHaveLength(60);
  expect(new Set(res.invites.map((v) => v.memberId))).toEqual(new Set(ids));
  expect(new Set(res.invites.map((v) => v.code)).size).toBe(60);
  expect(res.skipped).toEqual({ above: 0, pending: 0 });
  // 一条审计，写明张数；审计里没有明文邀请码
  expect(await auditCount(db, org.orgId)).toBe(auditsBefore + 1);
  const [audit] = await latestAudit(db, org.orgId);
  expect(audit).toMatchObject({ action: 'roster.issueInvites', summary: '批量签发 60 张邀请码', details: expect.objectContaining({ count: 60 }) });
  expect(JSON.stringify(audit)).not.toContain(res.invites[0].code);
  const stored = await db.selectFrom('invite_code').select('member_id').where('org_id', '=', org.orgId).where('revoked_at', 'is', null).execute();
  expect(stored).toHaveLength(60);

  // 表格：表头 + 60 行，每行与返回的邀请码一致
  const rows = await readSheet(res);
  expect(rows[0]).toEqual(['姓名', '支部', '界别', '邀请码', '有效期至']);
  expect(rows).toHaveLength(61);
  const byName = new Map(res.invites.map((v) => [v.memberName, v]));
  for (const [name, branch, sector, code, until] of rows.slice(1)) {
    expect(byName.get(name)?.code).toBe(code);
    expect(branch).toBe('经济委功能型党支部');
    expect(sector).toBe('教育界');
    expect(until).toBe('2026-12-26');
  }
  expect(res.file!.fileName).toBe('邀请码-2026-11-26-60人.xlsx');

  // 拿表里的一张码绑定
  const first = res.invites[0];
  expect(await c.code(`t_${org.tag}_new`, 'member', 'bind', { code: first.code, name: first.memberName })).toBe('OK');
});

test('再签一次：已有邀请码的人默认跳过，不写任何东西；选“重新签发”作废旧码、签新码，仍是一条审计', async () => {
  const org = await createFixtureOrg(db);
  const c = client(db);
  await addUnbound(org, 5, { branchId: org.branches.B });
  const first = await c.ok(org.members.admin.openid, 'roster', 'issueInvites', { branchId: org.branches.B });
  expect(first.invites).toHaveLength(5);

  const before = await orgSnapshot(db, org.orgId);
  const again = await c.ok(org.members.admin.openid, 'roster', 'issueInvites', { branchId: org.branches.B });
  expect(again).toEqual({ invites: [], skipped: { above: 0, pending: 5 }, file: null });
  expect(await orgSnapshot(db, org.orgId)).toEqual(before);

  const audits = await auditCount(db, org.orgId);
  const reissued = await c.ok(org.members.admin.openid, 'roster', 'issueInvites', { branchId: org.branches.B, reissue: true });
  expect(reissued.invites).toHaveLength(5);
  expect(await auditCount(db, org.orgId)).toBe(audits + 1);
  expect((await latestAudit(db, org.orgId))[0].summary).toBe('批量签发 5 张邀请码，作废了 5 张未用的旧码');
  // 旧码不能再用
  expect(await c.code(`t_${org.tag}_old`, 'member', 'bind', { code: first.invites[0].code, name: first.invites[0].memberName })).toBe('MEMBER.INVITE_USED');
});

test('书记的批次：只含本支部里他压得住的人——不含他支部的人、管理员、副书记、已绑定的人、已退出的人', async () => {
  const org = await createFixtureOrg(db);
  const c = client(db);
  const mine = await addUnbound(org, 3, { branchId: org.branches.B, prefix: '本支部' });
  await addUnbound(org, 2, { branchId: org.branches.A, prefix: '他支部' });
  await addUnbound(org, 2, { prefix: '无支部' });
  await addUnbound(org, 1, { branchId: org.branches.B, prefix: '副书记', duty: '副书记' });
  await addUnbound(org, 1, { branchId: org.branches.B, prefix: '管理员', admin: true });
  const [retired] = await addUnbound(org, 1, { branchId: org.branches.B, prefix: '已退出' });
  await db.updateTable('member').set({ status: 'retired' }).where('id', '=', retired).execute();

  const res = await c.ok(org.members.secB.openid, 'roster', 'issueInvites', {});
  expect(res.invites.map((v) => v.memberId).sort()).toEqual([...mine].sort());
  expect(res.skipped).toEqual({ above: 2, pending: 0 });
  const issuedTo = await db.selectFrom('invite_code').select('member_id').where('org_id', '=', org.orgId).execute();
  expect(issuedTo.map((r) => r.member_id).sort()).toEqual([...mine].sort());
  expect((await latestAudit(db, org.orgId))[0].summary).toBe('批量签发 3 张邀请码；2 位管理员或支部书记未签发');

  // 办公室签同一支部：管理员、副书记也在内
  const office = await c.ok(org.members.admin.openid, 'roster', 'issueInvites', { branchId: org.branches.B, reissue: true });
  expect(office.invites).toHaveLength(5);
});

test('书记指定他支部：FORBIDDEN，什么也不写；输入不合格：INVALID_PARAMETER 点名字段；成员无权', async () => {
  const org = await createFixtureOrg(db);
  const c = client(db);
  await addUnbound(org, 2, { branchId: org.branches.A });
  const before = await orgSnapshot(db, org.orgId);
  const out = await c.call(org.members.secB.openid, 'roster', 'issueInvites', { branchId: org.branches.A });
  expect(out.ok ? 'OK' : [out.error.code, out.error.message]).toEqual(['FORBIDDEN', expect.stringMatching(/支部/)]);
  const bad = await c.call(org.members.admin.openid, 'roster', 'issueInvites', { branchId: 'B' });
  expect(bad.ok ? 'OK' : [bad.error.code, bad.error.message]).toEqual(['INVALID_PARAMETER', expect.stringContaining('支部格式不正确')]);
  expect(await c.code(org.members.cpc.openid, 'roster', 'issueInvites', {})).toBe('FORBIDDEN');
  expect(await orgSnapshot(db, org.orgId)).toEqual(before);
});

test('写到一半失败（第 40 张邀请码插入时报错）：一张也不留，旧码不作废，没有审计', async () => {
  const org = await createFixtureOrg(db);
  const c = client(db);
  await addUnbound(org, 3, { branchId: org.branches.B, prefix: '已有码' });
  await c.ok(org.members.admin.openid, 'roster', 'issueInvites', { branchId: org.branches.B });
  await addUnbound(org, 57, { branchId: org.branches.B });
  const fn = sql.id(`test_fail_invites_${org.tag}`);
  await sql`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF (SELECT count(*) FROM invite_code WHERE org_id = NEW.org_id AND revoked_at IS NULL) >= 40 THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`.execute(
    db,
  );
  await sql`CREATE TRIGGER ${fn} BEFORE INSERT ON invite_code FOR EACH ROW WHEN (NEW.org_id = ${sql.lit(org.orgId)}::uuid) EXECUTE FUNCTION ${fn}()`.execute(
    db,
  );
  try {
    const before = await orgSnapshot(db, org.orgId);
    const res = await c.call(org.members.admin.openid, 'roster', 'issueInvites', { branchId: org.branches.B, reissue: true });
    expect(codeOf(res)).toBe('INTERNAL');
    expect(await orgSnapshot(db, org.orgId)).toEqual(before);
  } finally {
    await sql`DROP TRIGGER ${fn} ON invite_code`.execute(db);
    await sql`DROP FUNCTION ${fn}()`.execute(db);
  }
});

test('一次超过 1000 张：ROSTER.BATCH_TOO_MANY 说出人数与上限，什么也不写', async () => {
  const org = await createFixtureOrg(db);
  const c = client(db);
  await addUnbound(org, 1001, { prefix: '超额' });
  const before = await orgSnapshot(db, org.orgId);
  const res = await c.call(org.members.admin.openid, 'roster', 'issueInvites', { q: '超额' });
  expect(codeOf(res)).toBe('ROSTER.BATCH_TOO_MANY');
  expect(res.ok ? '' : res.error.message).toContain('1001');
  expect(await orgSnapshot(db, org.orgId)).toEqual(before);
});
