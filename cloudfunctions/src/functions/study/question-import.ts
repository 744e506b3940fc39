import { AppError, QUESTION_KIND_LABELS, type QuestionDraft, type QuestionImportPreview, contract } from '@tongxin/shared-types';
import { type Sheet, SheetTooBigError, UnzippedTooBigError, readSheet, writeWorkbook } from '../../adapters/spreadsheet';
import { type Deps, defineAction } from '../../core/action';
import type { Actor } from '../../core/actor';
import { recordAudit } from '../../core/audit';
import type { Transaction } from 'kysely';
import { withAttemptLock } from '../../db/attempts';
import type { Database } from '../../db/schema';
import { sniffSpreadsheet } from '../../domain/file-type';
import { QUESTION_COLUMNS, REQUIRED_QUESTION_COLUMNS, SAMPLE_STEM_PREFIX, checkQuestionRow, stemKey } from '../../domain/question-row';
import { markUploadUsed, takeUpload } from '../uploads';
import type { Queryable } from './shared';

const OFFICE = { roles: ['admin'] as const };
/** 一次最多导入的题数；表格再大请拆分 */
export const QUESTION_IMPORT_MAX_ROWS = 2_000;
const MAX_COLUMNS = 20;
const MAX_BYTES = 5 * 1024 * 1024;
const LIMITS = { maxRows: QUESTION_IMPORT_MAX_ROWS + 1, maxColumns: MAX_COLUMNS };
const TOO_LARGE = { max: QUESTION_IMPORT_MAX_ROWS, maxColumns: MAX_COLUMNS };

/** 读题目表格共同的错误（取文件、查类型、读表、查表头与行数） */
const SHEET_ERRORS = [
  'FILE.NOT_FOUND',
  'FILE.TOO_LARGE',
  'FILE.EMPTY',
  'FILE.TYPE_NOT_ALLOWED',
  'STUDY.IMPORT_UNREADABLE',
  'STUDY.IMPORT_TOO_LARGE',
  'STUDY.IMPORT_COLUMNS',
  'STUDY.IMPORT_EMPTY',
] as const;

/** 取回上传的文件：只收 XLSX（看内容，不看扩展名），超出上限的表格读到一半就停 */
async function loadSheet(deps: Deps, actor: Actor, fileId: string): Promise<Sheet> {
  const content = await takeUpload(deps, actor, fileId, 'study.importQuestions', MAX_BYTES);
  if (content.length === 0) throw new AppError('FILE.EMPTY');
  if (sniffSpreadsheet(content) !== 'xlsx') throw new AppError('FILE.TYPE_NOT_ALLOWED', { allowed: 'Excel（.xlsx）' });
  let sheet: Sheet;
  try {
    sheet = await readSheet(fileId, content, LIMITS);
  } catch (err) {
    if (err instanceof SheetTooBigError || err instanceof UnzippedTooBigError) throw new AppError('STUDY.IMPORT_TOO_LARGE', TOO_LARGE);
    throw new AppError('STUDY.IMPORT_UNREADABLE');
  }
  const missing = REQUIRED_QUESTION_COLUMNS.filter((c) => !sheet.headers.includes(c));
  if (missing.length) throw new AppError('STUDY.IMPORT_COLUMNS', { missing: missing.join('、'), expected: QUESTION_COLUMNS.join('、') });
  if (sheet.rows.length === 0) throw new AppError('STUDY.IMPORT_EMPTY');
  if (sheet.rows.length > QUESTION_IMPORT_MAX_ROWS) throw new AppError('STUDY.IMPORT_TOO_LARGE', TOO_LARGE);
  return sheet;
}

interface Analysis {
  good: QuestionDraft[];
  errors: QuestionImportPreview['errors'];
  banks: QuestionImportPreview['banks'];
}

/** 这些题库里已有的题（stemKey）：导入与手工加题按同一规则查重 */
export async function existingStemKeys(db: Queryable, orgId: string, banks: string[]): Promise<Set<string>> {
  if (banks.length === 0) return new Set();
  const rows = await db.selectFrom('quiz_question').select(['bank', 'stem']).where('org_id', '=', orgId).where('bank', 'in', banks).execute();
  return new Set(rows.map((r) => stemKey(r.bank, r.stem)));
}

/**
 * 题库的写入排队（事务级咨询锁，按政协）：两份同时提交的表格、同一份连点两次、或导入与手工加题同时，
 * 若都在对方写入前查重，会把同一道题写两遍；排队后后到的看得见先到的题
 */
export function withQuestionBankLock<T>(db: Deps['db'], orgId: string, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return withAttemptLock(db, `quiz-import:${orgId}`, fn);
}

/** 逐行检查（与题库里已有的题比对题干）；不写任何东西 */
async function analyse(db: Queryable, orgId: string, sheet: Sheet): Promise<Analysis> {
  const index = new Map(sheet.headers.map((h, i) => [h, i] as const));
  const banks = [...new Set(sheet.rows.map((r) => r.cells[index.get('题库') ?? -1] ?? '').filter(Boolean))];
  const existing = await existingStemKeys(db, orgId, banks);
  const seen = new Map<string, number>();
  const good: QuestionDraft[] = [];
  const errors: Analysis['errors'] = [];
  for (const { line, cells } of sheet.rows) {
    const cell = (column: string) => {
      const i = index.get(column);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const checked = checkQuestionRow(line, cell, existing, seen);
    if (checked.ok) good.push(checked.question);
    else errors.push({ line, name: checked.stem, reasons: checked.reasons });
  }
  const counts = new Map<string, number>();
  for (const q of good) counts.set(q.bank, (counts.get(q.bank) ?? 0) + 1);
  return { good, errors, banks: [...counts].map(([bank, count]) => ({ bank, count })) };
}

/** 题目导入模板（XLSX）：表头、每种题型一行示例（题干带“（示例）”，忘了删会被指出），第二张表写明各列怎么填 */
export const questionTemplate = defineAction({
  input: contract.study.questionTemplate,
  errors: [],
  access: OFFICE,
  handler: async () => {
    const samples: Array<Record<string, string>> = [
      {
        题库: '政协基础知识',
        题型: '单选',
        题干: `${SAMPLE_STEM_PREFIX}人民政协是什么机构？`,
        选项A: '专门协商机构',
        选项B: '国家权力机关',
        选项C: '行政机关',
        答案: 'A',
        解析: '人民政协是社会主义协商民主的重要渠道和专门协商机构。',
      },
      {
        题库: '政协基础知识',
        题型: '多选',
        题干: `${SAMPLE_STEM_PREFIX}人民政协的主要职能有哪些？`,
        选项A: '政治协商',
        选项B: '民主监督',
        选项C: '参政议政',
        选项D: '审判',
        答案: 'ABC',
        解析: '政治协商、民主监督、参政议政。',
      },
      { 题库: '政协基础知识', 题型: '判断', 题干: `${SAMPLE_STEM_PREFIX}“五一口号”发布于 1948 年。`, 答案: '对', 解析: '1948 年 4 月 30 日发布。' },
    ];
    const notes: Array<[string, string]> = [
      ['题库', '必填，最多 30 字；同一题库的题可放在一起抽题测试'],
      ['题型', `必填：单选、多选或判断（也可写${Object.values(QUESTION_KIND_LABELS).join('、')}）`],
      ['题干', '必填，2 至 500 字；同一题库里题干不能重复'],
      ['选项A～选项F', '单选、多选题从选项A 起连续填写，至少两个，每个最多 100 字；判断题不填（固定为“对、错”）'],
      ['答案', '单选填一个字母，如 B；多选填两个以上字母，如 AC；判断填“对”或“错”'],
      ['解析', '可空，最多 1000 字；交卷后给成员看'],
      ['其他', `示例行的题干以“${SAMPLE_STEM_PREFIX}”开头，导入前请删除；一次最多 ${QUESTION_IMPORT_MAX_ROWS} 道题；有一行有问题就整份不导入`],
    ];
    const file = await writeWorkbook([
      {
        name: '题目',
        rows: [QUESTION_COLUMNS, ...samples.map((s) => QUESTION_COLUMNS.map((h) => s[h] ?? ''))],
        boldRows: [0],
        widths: QUESTION_COLUMNS.map((h) => (h === '题干' || h === '解析' ? 40 : 14)),
      },
      { name: '填写说明', rows: [['列', '怎么填'], ...notes], boldRows: [0], widths: [14, 80] },
    ]);
    return { fileName: '题目导入模板.xlsx', contentBase64: file.toString('base64') };
  },
});

/** 预览：每一行的检查结果（有问题的行号与原因），什么也不写 */
export const previewQuestions = defineAction({
  input: contract.study.previewQuestions,
  errors: [...SHEET_ERRORS],
  access: OFFICE,
  handler: async (file, { deps, actor }): Promise<QuestionImportPreview> => {
    const sheet = await loadSheet(deps, actor, file.fileId);
    const { good, errors, banks } = await analyse(deps.db, actor.orgId, sheet);
    return { total: sheet.rows.length, valid: good.length, errors, banks, sample: good.slice(0, 10) };
  },
});

/** 导入：全部或全无——有一行有问题就拒绝，什么也不写；否则在一个事务里写入全部题目，记一条审计 */
export const importQuestions = defineAction({
  input: contract.study.importQuestions,
  errors: [...SHEET_ERRORS, 'STUDY.IMPORT_HAS_ERRORS'],
  access: OFFICE,
  writes: true,
  handler: async (file, ctx) => {
    const { deps, actor } = ctx;
    const now = deps.clock.now();
    const sheet = await loadSheet(deps, actor, file.fileId);
    // 排队后，后到的一份看得见先到的题，整份以“题干重复”拒绝
    return withQuestionBankLock(deps.db, actor.orgId, async (trx) => {
      const { good, errors, banks } = await analyse(trx, actor.orgId, sheet);
      if (errors.length) throw new AppError('STUDY.IMPORT_HAS_ERRORS', { count: errors.length });
      for (let i = 0; i < good.length; i += 500) {
        await trx
          .insertInto('quiz_question')
          .values(
            good.slice(i, i + 500).map((q) => ({
              org_id: actor.orgId,
              bank: q.bank,
              kind: q.kind,
              stem: q.stem,
              options: JSON.stringify(q.options),
              answer: JSON.stringify(q.answer),
              explanation: q.explanation,
              created_by: actor.memberId,
              created_at: now,
            })),
          )
          .execute();
      }
      await recordAudit(trx, ctx, {
        action: 'study.importQuestions',
        targetKind: 'quiz',
        summary: `从 ${file.fileName} 导入 ${good.length} 道题（${banks.map((b) => `${b.bank} ${b.count} 道`).join('，')}）`,
        details: { fileName: file.fileName, fileId: file.fileId, created: good.length, banks },
      });
      await markUploadUsed(trx, file.fileId, 'study.importQuestions', now);
      return { created: good.length, banks };
    });
  },
});
