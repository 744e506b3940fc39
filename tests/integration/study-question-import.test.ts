/**
 * 题目导入（XLSX）：模板能读回来；预览逐行列出问题（行号与原因）且什么也不写；导入全部或全无；只有办公室能用；不是 XLSX 的拒绝。
 */
import ExcelJS from 'exceljs';
import type { DB } from '../../cloudfunctions/src/db/connect';
import { type Client, client, codeOf, latestAudit, orgSnapshot } from '../support/call';
import { uploadFile, useTestDb } from '../support/db';
import { type FixtureOrg, createFixtureOrg } from '../support/fixture-org';

jest.setTimeout(60_000);
const t = useTestDb();
let db: DB;
let c: Client;
let org: FixtureOrg;
let admin: string;

const HEADERS = ['题库', '题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '答案', '解析'];
const GOOD_ROWS = [
  ['导入题库', '单选', '人民政协是什么机构？', '专门协商机构', '权力机关', '行政机关', '', '', '', 'A', '专门协商机构'],
  ['导入题库', '多选题', '政协的主要职能有哪些？', '政治协商', '民主监督', '参政议政', '审判', '', '', 'A、B、C', ''],
  ['导入题库', '判断', '“五一口号”发布于 1948 年。', '', '', '', '', '', '', '对', '1948 年'],
  ['另一题库', '判断', '政协委员任期五年。', '', '', '', '', '', '', '错', ''],
];

/** 用 exceljs 写一份表格并上传，返回导入的输入 */
async function upload(rows: string[][], headers = HEADERS) {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('题目');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return { fileName: '题目.xlsx', fileId: uploadFile(Buffer.from(await wb.xlsx.writeBuffer())) };
}

const bankOf = (bank: string) =>
  db
    .selectFrom('quiz_question')
    .select(['kind', 'stem', 'options', 'answer', 'explanation'])
    .where('org_id', '=', org.orgId)
    .where('bank', '=', bank)
    .execute();

beforeAll(async () => {
  db = t.db();
  c = client(db);
  org = await createFixtureOrg(db);
  admin = org.members.admin.openid;
});

describe('从表格导入题目', () => {
  test('模板：表头与每种题型一行示例；示例题原样导入会被指出', async () => {
    const file = await c.ok(admin, 'study', 'questionTemplate', {});
    expect(file.fileName).toBe('题目导入模板.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['题目', '填写说明']);
    const values = (wb.worksheets[0].getRow(1).values as string[]).slice(1);
    expect(values).toEqual(HEADERS);
    const preview = await c.ok(admin, 'study', 'previewQuestions', { fileName: '模板.xlsx', fileId: uploadFile(Buffer.from(file.contentBase64, 'base64')) });
    expect(preview.total).toBe(3);
    expect(preview.errors.map((e) => [e.line, e.reasons])).toEqual([
      [2, ['这是模板里的示例题，请删除']],
      [3, ['这是模板里的示例题，请删除']],
      [4, ['这是模板里的示例题，请删除']],
    ]);
  });

  test('好的表格：预览列出全部、什么也不写；导入写入全部并记一条审计', async () => {
    const input = await upload(GOOD_ROWS);
    const before = await orgSnapshot(db, org.orgId);
    const preview = await c.ok(admin, 'study', 'previewQuestions', input);
    expect(preview).toMatchObject({
      total: 4,
      valid: 4,
      errors: [],
      banks: [
        { bank: '导入题库', count: 3 },
        { bank: '另一题库', count: 1 },
      ],
    });
    expect(preview.sample[1]).toMatchObject({ line: 3, kind: 'multiple', options: ['政治协商', '民主监督', '参政议政', '审判'], answer: [0, 1, 2] });
    expect(await orgSnapshot(db, org.orgId)).toEqual(before);

    const result = await c.ok(admin, 'study', 'importQuestions', input);
    expect(result.created).toBe(4);
    const imported = await bankOf('导入题库');
    expect(imported).toHaveLength(3);
    expect(imported).toEqual(
      expect.arrayContaining([
        { kind: 'single', stem: '人民政协是什么机构？', options: ['专门协商机构', '权力机关', '行政机关'], answer: [0], explanation: '专门协商机构' },
        { kind: 'multiple', stem: '政协的主要职能有哪些？', options: ['政治协商', '民主监督', '参政议政', '审判'], answer: [0, 1, 2], explanation: '' },
        { kind: 'truefalse', stem: '“五一口号”发布于 1948 年。', options: ['对', '错'], answer: [0], explanation: '1948 年' },
      ]),
    );
    expect(await bankOf('另一题库')).toEqual([{ kind: 'truefalse', stem: '政协委员任期五年。', options: ['对', '错'], answer: [1], explanation: '' }]);
    const [audit] = await latestAudit(db, org.orgId);
    expect(audit).toMatchObject({ action: 'study.importQuestions', summary: '从 题目.xlsx 导入 4 道题（导入题库 3 道，另一题库 1 道）' });

    // 再导入同一份：题干与题库里已有的重复，整份拒绝
    const again = await c.ok(admin, 'study', 'previewQuestions', input);
    expect(again.errors.map((e) => e.reasons)).toEqual([
      ['题库“导入题库”里已有这道题'],
      ['题库“导入题库”里已有这道题'],
      ['题库“导入题库”里已有这道题'],
      ['题库“另一题库”里已有这道题'],
    ]);
  });

  test('有问题的行：预览给出行号与原因；导入整份拒绝，什么也不写', async () => {
    const input = await upload([
      ['坏题库', '单选', '好的一道题？', '甲', '乙', '', '', '', '', 'B', ''], // 2 有效
      ['坏题库', '单选', '', '甲', '乙', '', '', '', '', 'A', ''], // 3 缺题干
      ['坏题库', '单选', '答案没有选项？', '甲', '乙', '', '', '', '', 'D', ''], // 4
      ['坏题库', '判断', '判断题答 A？', '', '', '', '', '', '', 'A', ''], // 5
      ['坏题库', '单选', '好的一道题？', '甲', '乙', '', '', '', '', 'A', ''], // 6 与第 2 行重复
      ['坏题库', '多选', '多选只一个答案？', '甲', '乙', '丙', '', '', '', 'A', ''], // 7
      ['坏题库', '填空', '题型不认识？', '甲', '乙', '', '', '', '', 'A', ''], // 8
      ['坏题库', '单选', '选项跳着填？', '甲', '', '丙', '', '', '', 'A', ''], // 9
      ['坏题库', '单选', '太长的选项？', 'x'.repeat(101), '乙', '', '', '', '', 'A', ''], // 10
    ]);
    const preview = await c.ok(admin, 'study', 'previewQuestions', input);
    expect(preview.total).toBe(9);
    expect(preview.valid).toBe(1);
    expect(preview.errors).toEqual([
      { line: 3, name: '', reasons: ['缺少题干'] },
      { line: 4, name: '答案没有选项？', reasons: ['答案里的 D 没有对应的选项'] },
      { line: 5, name: '判断题答 A？', reasons: ['判断题的答案应为“对”或“错”，不是“A”'] },
      { line: 6, name: '好的一道题？', reasons: ['题干与第 2 行重复'] },
      { line: 7, name: '多选只一个答案？', reasons: ['多选题至少要有两个答案'] },
      { line: 8, name: '题型不认识？', reasons: ['题型“填空”无法识别，应为单选、多选或判断'] },
      { line: 9, name: '选项跳着填？', reasons: ['选项B空着：选项要从 A 起连续填写'] },
      { line: 10, name: '太长的选项？', reasons: ['选项A超过 100 字'] },
    ]);
    const before = await orgSnapshot(db, org.orgId);
    const res = await c.call(admin, 'study', 'importQuestions', input);
    expect(codeOf(res)).toBe('STUDY.IMPORT_HAS_ERRORS');
    expect(!res.ok && res.error.message).toBe('表格里有 8 行有问题，这次没有导入任何题目；请按检查结果改好后重新选择文件');
    expect(await orgSnapshot(db, org.orgId)).toEqual(before);
  });

  test('书记、委员不能下载模板、预览或导入', async () => {
    const input = await upload(GOOD_ROWS);
    for (const who of [org.members.secB.openid, org.members.cpc.openid, org.members.nonCpc.openid]) {
      expect(await c.code(who, 'study', 'questionTemplate', {})).toBe('FORBIDDEN');
      expect(await c.code(who, 'study', 'previewQuestions', input)).toBe('FORBIDDEN');
      expect(await c.code(who, 'study', 'importQuestions', input)).toBe('FORBIDDEN');
    }
  });

  test('不是 XLSX（改了扩展名的文本）、缺列、空表、超过 2000 行：拒绝', async () => {
    const text = { fileName: '题目.xlsx', fileId: uploadFile('题库,题型,题干,答案\n甲,单选,题干,A\n') };
    expect(await c.code(admin, 'study', 'previewQuestions', text)).toBe('FILE.TYPE_NOT_ALLOWED');
    expect(await c.code(admin, 'study', 'importQuestions', text)).toBe('FILE.TYPE_NOT_ALLOWED');
    expect(await c.code(admin, 'study', 'previewQuestions', { fileName: '题目.csv', fileId: text.fileId })).toBe('INVALID_PARAMETER');
    expect(await c.code(admin, 'study', 'previewQuestions', await upload([['甲', '单选', '题干？']], ['题库', '题型', '题干']))).toBe('STUDY.IMPORT_COLUMNS');
    expect(await c.code(admin, 'study', 'previewQuestions', await upload([]))).toBe('STUDY.IMPORT_EMPTY');
    const many = Array.from({ length: 2001 }, (_, i) => ['大题库', '判断', `第 ${i} 题`, '', '', '', '', '', '', '对', '']);
    const before = await orgSnapshot(db, org.orgId);
    expect(await c.code(admin, 'study', 'importQuestions', await upload(many))).toBe('STUDY.IMPORT_TOO_LARGE');
    expect(await orgSnapshot(db, org.orgId)).toEqual(before);
  });

  test('同时提交几次（连点，或几份相同的表）：只导入一次，其余以题干重复整份拒绝', async () => {
    const rows = [
      ['并发题库', '判断', '同时导入的第一道题。', '', '', '', '', '', '', '对', ''],
      ['并发题库', '判断', '同时导入的第二道题。', '', '', '', '', '', '', '错', ''],
    ];
    const inputs = await Promise.all([1, 2, 3, 4].map(() => upload(rows)));
    const results = await Promise.all(inputs.map((input) => c.call(admin, 'study', 'importQuestions', input)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map(codeOf)).toEqual(['STUDY.IMPORT_HAS_ERRORS', 'STUDY.IMPORT_HAS_ERRORS', 'STUDY.IMPORT_HAS_ERRORS']);
    expect(await bankOf('并发题库')).toHaveLength(2);
  });
});
