/** 临时党支部从来不是谁的第一组织关系：新增、修改、导入都拒绝，什么也不写。 */
import type { DB } from '../../cloudfunctions/src/db/connect';
import { client, insertTempBranch, orgSnapshot } from '../support/call';
import { useTestDb } from '../support/db';
import { createFixtureOrg } from '../support/fixture-org';
import { uploadFile } from '../support/db';

const t = useTestDb();
let db: DB;
beforeAll(() => {
  db = t.db();
});

test('新增、修改、导入时把临时党支部作为第一组织关系：INVALID_PARAMETER，点名原因，什么也不写', async () => {
  const org = await createFixtureOrg(db);
  const temp = await insertTempBranch(db, org.orgId, org.branches.committeeParty, '全会临时党支部');
  const c = client(db);
  const admin = org.members.admin.openid;
  const before = await orgSnapshot(db, org.orgId);

  const created = await c.call(admin, 'roster', 'create', {
    name: '新党员',
    kind: 'committee_member',
    position: '委员',
    affiliation: '中共党员',
    memberships: [{ branchId: temp, kind: 'primary' }],
  });
  expect(created.ok ? 'OK' : [created.error.code, created.error.message]).toEqual([
    'INVALID_PARAMETER',
    '「组织关系」全会临时党支部是临时党支部，不能作为第一组织关系',
  ]);

  const updated = await c.call(admin, 'roster', 'update', { memberId: org.members.staff.id, memberships: [{ branchId: temp, kind: 'primary' }] });
  expect(updated.ok ? 'OK' : updated.error.code).toBe('INVALID_PARAMETER');

  const file = { fileName: '名单.csv', fileId: uploadFile('姓名,政治面貌,职务,第一组织关系\n导入党员,中共党员,委员,全会临时党支部\n') };
  const imported = await c.ok(admin, 'roster', 'commitImport', file);
  expect(imported).toMatchObject({ created: 0, skipped: 1, errors: [{ line: 2, reasons: ['全会临时党支部是临时党支部，不能作为第一组织关系'] }] });

  // 只有导入那一条审计（0 人），名册与组织关系原样
  const after = await orgSnapshot(db, org.orgId);
  expect({ ...after, audit_log: undefined }).toEqual({ ...before, audit_log: undefined });
  // 作为功能型关系可以
  expect(
    await c.code(admin, 'roster', 'update', {
      memberId: org.members.staff.id,
      memberships: [
        { branchId: org.branches.A, kind: 'primary' },
        { branchId: temp, kind: 'functional' },
      ],
    }),
  ).toBe('OK');
});
