/**
 * 名册字段（性别、民族、出生年月、工作单位及职务、届次）：表单、资料、导入、导出一路贯通；
 * 导入模板是一份 XLSX（表头、示例行、可填的值）；预览逐列列出将写入的值；认不出的值提示最接近的允许值。
 */
import ExcelJS from 'exceljs';
import type { FileDownload } from '@tongxin/shared-types';
import { writeXlsx } from '../../cloudfunctions/src/adapters/spreadsheet';
import type { DB } from '../../cloudfunctions/src/db/connect';
import { client, freshPhone, orgSnapshot } from '../support/call';
import { uploadFile, useTestDb } from '../support/db';
import { createFixtureOrg } from '../support/fixture-org';

const t = useTestDb();
let db: DB;
beforeAll(() => {
  db = t.db();
});

async function workbookOf(file: FileDownload): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as never);
  return wb;
}
const rowsOf = (ws: ExcelJS.Worksheet) => {
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
};
const upload = (fileName: string, content: Buffer) => ({ fileName, fileId: uploadFile(content) });

const FIELDS = { gender: '女', ethnicity: '回族', birthMonth: '1965-03', workUnit: '市第一中学 副校长', term: '第十五届' };

test('新增、修改、资料页：五个名册字段存得下、读得回；改动写进审计的字段名', async () => {
  const org = await createFixtureOrg(db);
  const c = client(db);
  const admin = org.members.admin.openid;
  const created = await c.ok(admin, 'roster', 'create', {
    name: '马丽',
    phone: freshPhone(),
    kind: 'committee_member',
    position: '委员',
    affiliation: '民盟',
    ...FIELDS,
  });
  expect(created).toMatchObject(FIELDS);
  expect(await c.ok(admin, 'roster', 'get', { memberId: created.id })).toMatchObject(FIELDS);

  const updated = await c.ok(admin, 'roster', 'update', { memberId: created.id, workUnit: '市教育局 副局长', term: '第十六届', birthMonth: null });
  expect(updated).toMatchObject({ ...FIELDS, workUnit: '市教育局 副局长', term: '第十六届', birthMonth: null });
  const [audit] = await db.selectFrom('audit_log').select('summary').where('org_id', '=', org.orgId).orderBy('id', 'desc').limit(1).execute();
  expect(audit.summary).toBe('修改了 马丽 的出生年月、工作单位及职务、届次');

  // 没填的都是空
  const plain = await c.ok(admin, 'roster', 'create', { name: '空白', kind: 'committee_member', position: '委员', affiliation: '无党派' });
  expect(plain).toMatchObject({ gender: null, ethnicity: null, birthMonth: null, workUnit: null, term: null });
});

test('表单的错：出生年月格式、民族不在名单里、工作单位含控制字符、没选政治面貌——INVALID_PARAMETER 点名字段，什么也不写', async () => {
  const org = await createFixtureOrg(db);
  const c = client(db);
  const admin = org.members.admin.openid;
  const base = { name: '错例', kind: 'committee_member', position: '委员', affiliation: '民盟' };
  const before = await orgSnapshot(db, org.orgId);
  const cases: Array<[Record<string, unknown>, RegExp]> = [
    [{ ...base, birthMonth: '1965-13' }, /「出生年月」应为 YYYY-MM/],
    [{ ...base, ethnicity: '汉' }, /「民族」应为 56 个民族之一/],
    [{ ...base, workUnit: '单位\u202E职务' }, /「工作单位及职务」.*控制字符/],
    [{ ...base, term: 'x'.repeat(21) }, /「届次」不能超过 20 个字/],
    [{ name: '错例', kind: 'committee_member', position: '委员' }, /「政治面貌」为必填项/],
  ];
  for (const [data, message] of cases) {
    const res = await c.call(admin, 'roster', 'create', data);
    expect(res.ok ? 'OK' : [res.error.code, res.error.message]).toEqual(['INVALID_PARAMETER', expect.stringMatching(message)]);
  }
  // 书记不能改这些字段（只改姓名、手机号）
  expect(await c.code(org.members.secB.openid, 'roster', 'update', { memberId: org.members.cpc.id, term: '第十五届' })).toBe('FORBIDDEN');
  expect(await orgSnapshot(db, org.orgId)).toEqual(before);
});

test('导入模板：表头含全部列、一行示例、第二张表列出本政协的界别与固定的可选值；原样导入时示例行被拒', async () => {
  const org = await createFixtureOrg(db);
  const c = client(db);
  const admin = org.members.admin.openid;
  const template = await c.ok(admin, 'roster', 'importTemplate', {});
  expect(template.fileName).toBe('成员导入模板.xlsx');
  const wb = await workbookOf(template);
  const [headers, sample, ...rest] = rowsOf(wb.getWorksheet('成员名单')!);
  expect(headers).toEqual([
    '姓名',
    '手机号',
    '界别',
    '专委会',
    '政治面貌',
    '职务',
    '第一组织关系',
    '功能型支部',
    '性别',
    '民族',
    '出生年月',
    '工作单位及职务',
    '届次',
  ]);
  expect(sample[0]).toBe('（示例）张三');
  expect(rest).toEqual([]);
  const allowed = rowsOf(wb.getWorksheet('可填的值')!);
  const column = (h: string) =>
    allowed
      .slice(2)
      .map((r) => r[allowed[0].indexOf(h)])
      .filter(Boolean);
  expect(column('界别')).toEqual(expect.arrayContaining(['教育界', '中国共产党']));
  expect(column('政治面貌')).toContain('九三学社');
  expect(column('民族')).toHaveLength(56);
  expect(column('第一组织关系')).toEqual(['机关党支部', '离退休干部党支部']);
  expect(column('功能型支部')).toEqual(['经济委功能型党支部']);

  // 原样上传：示例行不导入，说明原因
  const preview = await c.ok(admin, 'roster', 'previewImport', upload('成员导入模板.xlsx', Buffer.from(template.contentBase64, 'base64')));
  expect(preview).toMatchObject({ total: 1, valid: 0, errors: [{ line: 2, reasons: ['这是模板里的示例行，请删除'] }] });
});

test('预览逐列列出将写入的值（认不得的列单列）；导入写入名册字段；导出带这些列', async () => {
  const org = await createFixtureOrg(db);
  const c = client(db);
  const admin = org.members.admin.openid;
  const headers = ['姓名', '政治面貌', '职务', '界别', '性别', '民族', '出生年月', '工作单位及职务', '届次', '备注'];
  const content = await writeXlsx('名单', headers, [
    ['赵敏', '中共', '委员', '教育界', '女', '回', '1965年3月', '市第一中学 副校长', '第十五届', '随便写'],
    ['钱亮', '民盟', '委员', '教育', '男', '汉族', '', '', '', ''],
  ]);
  const file = upload('名单.xlsx', content);
  const preview = await c.ok(admin, 'roster', 'previewImport', file);
  expect(preview.columns).toEqual(headers.slice(0, 9));
  expect(preview.ignoredColumns).toEqual(['备注']);
  expect(preview.sample).toEqual([
    expect.objectContaining({ line: 2, cells: ['赵敏', '中共党员', '委员', '教育界', '女', '回族', '1965-03', '市第一中学 副校长', '第十五届'] }),
  ]);
  // 认不出的界别：提示最接近的
  expect(preview.errors).toEqual([{ line: 3, name: '钱亮', reasons: ['界别“教育”不存在，是不是“教育界”？'] }]);

  const result = await c.ok(admin, 'roster', 'commitImport', file);
  expect(result.created).toBe(1);
  const row = await db
    .selectFrom('member')
    .select(['gender', 'ethnicity', 'birth_month', 'work_unit', 'term'])
    .where('org_id', '=', org.orgId)
    .where('name', '=', '赵敏')
    .executeTakeFirstOrThrow();
  expect(row).toEqual({ gender: '女', ethnicity: '回族', birth_month: '1965-03', work_unit: '市第一中学 副校长', term: '第十五届' });

  const exported = await c.ok(admin, 'roster', 'exportRoster', { q: '赵敏' });
  const [head, line] = rowsOf((await workbookOf(exported)).getWorksheet('成员名册')!);
  const at = (h: string) => line[head.indexOf(h)];
  expect([at('性别'), at('民族'), at('出生年月'), at('工作单位及职务'), at('届次'), at('状态')]).toEqual([
    '女',
    '回族',
    '1965-03',
    '市第一中学 副校长',
    '第十五届',
    '在册',
  ]);
});

test('导入模板只给管理员', async () => {
  const org = await createFixtureOrg(db);
  const c = client(db);
  expect(await c.code(org.members.secB.openid, 'roster', 'importTemplate', {})).toBe('FORBIDDEN');
  expect(await c.code(org.members.cpc.openid, 'roster', 'importTemplate', {})).toBe('FORBIDDEN');
});
