/**
 * 一步开设临时党支部：名称、起止日期、书记、成员（名册筛选或名单），同一事务、一条审计；
 * 名单里有一个不合格的人，整个开设都不发生。
 */
import { sql } from 'kysely';
import type { DB } from '../../cloudfunctions/src/db/connect';
import { nameSortKey } from '../../cloudfunctions/src/domain/name-sort';
import { auditCount, client, codeOf, latestAudit, membershipsOf, orgSnapshot } from '../support/call';
import { useTestDb } from '../support/db';
import { type FixtureOrg, createFixtureOrg } from '../support/fixture-org';

const t = useTestDb();
let db: DB;
beforeAll(() => {
  db = t.db();
});

/** 在库里登记 n 位在册成员（缺省中共党员，带教育界），返回 id */
async function addMembers(org: FixtureOrg, n: number, prefix: string, affiliation: '中共党员' | '民盟' = '中共党员'): Promise<string[]> {
  const rows = Array.from({ length: n }, (_, i) => {
    const name = `${prefix}${String(i + 1).padStart(2, '0')}`;
    return {
      org_id: org.orgId,
      name,
      name_sort: nameSortKey(name),
      kind: 'committee_member' as const,
      position: '委员' as const,
      affiliation,
      sector_id: org.sectors.education,
    };
  });
  return (await db.insertInto('member').values(rows).returning('id').execute()).map((r) => r.id);
}

const opening = (org: FixtureOrg, extra: Record<string, unknown>) => ({
  parentId: org.branches.committeeParty,
  name: '十五届五次全会临时党支部',
  startsOn: '2026-12-01',
  endsOn: '2026-12-05',
  secretaryId: org.members.secA.id,
  ...extra,
});

test('20 名成员 + 书记一次开设：支部带起止日期，成员都是功能型关系，书记带职务；一条审计写明人数', async () => {
  const org = await createFixtureOrg(db);
  const c = client(db);
  const members = await addMembers(org, 20, '代表');
  const audits = await auditCount(db, org.orgId);

  const started = Date.now();
  const res = await c.ok(org.members.admin.openid, 'org', 'openTemporaryBranch', opening(org, { memberIds: members }));
  console.log(`org.openTemporaryBranch：21 人用时 ${Date.now() - started} ms`);

  expect(res.members).toBe(21);
  const unit = res.units.find((u) => u.id === res.branchId)!;
  expect(unit).toMatchObject({
    name: '十五届五次全会临时党支部',
    branchKind: '临时党支部',
    status: 'active',
    memberCount: 21,
    startsOn: '2026-12-01',
    endsOn: '2026-12-05',
  });
  const rows = await db
    .selectFrom('branch_membership')
    .select(['member_id', 'kind', 'duty'])
    .where('org_id', '=', org.orgId)
    .where('branch_id', '=', res.branchId)
    .execute();
  expect(rows).toHaveLength(21);
  expect(rows.every((r) => r.kind === 'functional')).toBe(true);
  expect(rows.filter((r) => r.duty === '书记').map((r) => r.member_id)).toEqual([org.members.secA.id]);
  // 书记甲原来的支部关系不受影响
  expect((await membershipsOf(db, org.orgId, org.members.secA.id)).map((m) => [m.name, m.kind, m.duty])).toEqual([
    ['十五届五次全会临时党支部', 'functional', '书记'],
    ['机关党支部', 'primary', '书记'],
  ]);
  expect(await auditCount(db, org.orgId)).toBe(audits + 1);
  expect((await latestAudit(db, org.orgId))[0]).toMatchObject({
    action: 'org.openTemporaryBranch',
    target_id: res.branchId,
    summary: '开设临时党支部 十五届五次全会临时党支部（2026-12-01 至 2026-12-05），书记 书记甲，成员 21 人',
  });
  // 撤销照旧可行
  expect(await c.code(org.members.admin.openid, 'org', 'closeBranch', { id: res.branchId, reason: '全会结束' })).toBe('OK');
});

test('按名册筛选加入：只取筛出的在册中共党员（民盟委员、已退出的不进），与名单合并去重', async () => {
  const org = await createFixtureOrg(db);
  const c = client(db);
  const party = await addMembers(org, 3, '党员代表');
  await addMembers(org, 2, '民盟代表', '民盟');
  const [gone] = await addMembers(org, 1, '已退出代表');
  await db.updateTable('member').set({ status: 'retired' }).where('id', '=', gone).execute();

  const res = await c.ok(
    org.members.admin.openid,
    'org',
    'openTemporaryBranch',
    opening(org, { filter: { sectorId: org.sectors.education }, memberIds: [party[0]] }),
  );
  const ids = (await db.selectFrom('branch_membership').select('member_id').where('branch_id', '=', res.branchId).execute()).map((r) => r.member_id);
  expect(ids.sort()).toEqual([...party, org.members.secA.id].sort());
  expect(res.members).toBe(4);
});

test('名单里有一个不合格的人：什么也不写（没有支部、没有关系、没有审计），提示点名', async () => {
  const org = await createFixtureOrg(db);
  const c = client(db);
  const members = await addMembers(org, 20, '代表');
  const [nonParty] = await addMembers(org, 1, '民盟委员', '民盟');
  const [retired] = await addMembers(org, 1, '老委员');
  await db.updateTable('member').set({ status: 'retired' }).where('id', '=', retired).execute();
  const admin = org.members.admin.openid;
  const before = await orgSnapshot(db, org.orgId);

  const cases: Array<[Record<string, unknown>, string, string]> = [
    [{ memberIds: [...members, '00000000-0000-4000-8000-000000000000'] }, 'NOT_FOUND', '有 1 位成员不存在，请刷新后重新选择'],
    [{ memberIds: [...members, nonParty] }, 'ORG.TEMP_NOT_PARTY', '民盟委员01 不是中共党员，不能加入临时党支部'],
    [{ memberIds: members, secretaryId: org.members.nonCpc.id }, 'ORG.TEMP_NOT_PARTY', '民盟委员 不是中共党员，不能加入临时党支部'],
    [{ memberIds: [...members, retired] }, 'ORG.TEMP_RETIRED', '老委员01 已退出，不能加入临时党支部'],
    [{ memberIds: members, name: '经济委功能型党支部' }, 'CONFLICT', '已有名为“经济委功能型党支部”的组织'],
    [{ memberIds: members, parentId: org.branches.A }, 'INVALID_PARAMETER', '「层级」党支部不能设在党支部之下'],
    [{ memberIds: members, endsOn: '2026-11-30' }, 'INVALID_PARAMETER', '「结束日期」不能早于开始日期'],
    [{ memberIds: ['not-an-id'] }, 'INVALID_PARAMETER', '「成员」成员格式不正确'],
  ];
  for (const [extra, code, message] of cases) {
    const res = await c.call(admin, 'org', 'openTemporaryBranch', opening(org, extra));
    expect(res.ok ? 'OK' : [res.error.code, res.error.message]).toEqual([code, message]);
  }
  expect(await orgSnapshot(db, org.orgId)).toEqual(before);
});

test('只有办公室能开设；书记、党员得到 FORBIDDEN，什么也不写', async () => {
  const org = await createFixtureOrg(db);
  const c = client(db);
  const before = await orgSnapshot(db, org.orgId);
  for (const who of [org.members.secB, org.members.cpc]) {
    expect(await c.code(who.openid, 'org', 'openTemporaryBranch', opening(org, { memberIds: [org.members.cpc.id] }))).toBe('FORBIDDEN');
  }
  expect(await orgSnapshot(db, org.orgId)).toEqual(before);
});

test('写到一半失败（第 15 条组织关系插入时报错）：支部、关系、审计都不留', async () => {
  const org = await createFixtureOrg(db);
  const c = client(db);
  const members = await addMembers(org, 20, '代表');
  const fn = sql.id(`test_fail_temp_${org.tag}`);
  await sql`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF (SELECT count(*) FROM branch_membership WHERE org_id = NEW.org_id AND branch_id = NEW.branch_id) >= 14 THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`.execute(
    db,
  );
  await sql`CREATE TRIGGER ${fn} BEFORE INSERT ON branch_membership FOR EACH ROW WHEN (NEW.org_id = ${sql.lit(org.orgId)}::uuid) EXECUTE FUNCTION ${fn}()`.execute(
    db,
  );
  try {
    const before = await orgSnapshot(db, org.orgId);
    const res = await c.call(org.members.admin.openid, 'org', 'openTemporaryBranch', opening(org, { memberIds: members }));
    expect(codeOf(res)).toBe('INTERNAL');
    expect(await orgSnapshot(db, org.orgId)).toEqual(before);
  } finally {
    await sql`DROP TRIGGER ${fn} ON branch_membership`.execute(db);
    await sql`DROP FUNCTION ${fn}()`.execute(db);
  }
});

test('名单加筛选超过 1000 人：ORG.TEMP_TOO_MANY 说出人数与上限，支部不开设', async () => {
  const org = await createFixtureOrg(db);
  const c = client(db);
  const listed = await addMembers(org, 600, '名单');
  await addMembers(org, 500, '筛选');
  const before = await orgSnapshot(db, org.orgId);
  const res = await c.call(org.members.admin.openid, 'org', 'openTemporaryBranch', opening(org, { memberIds: listed, filter: { q: '筛选' } }));
  expect(codeOf(res)).toBe('ORG.TEMP_TOO_MANY');
  // 600 + 500 + 书记
  expect(res.ok ? '' : res.error.message).toContain('这次是 1101 人');
  expect(await orgSnapshot(db, org.orgId)).toEqual(before);
});
