import { AppError, type ImportPreview, type ImportRowError, contract } from '@tongxin/shared-types';
import type { Transaction } from 'kysely';
import { defineAction } from '../../core/action';
import type { Actor } from '../../core/actor';
import { recordAudit } from '../../core/audit';
import { DEFAULT_SHEET_LIMITS, type Sheet, SheetTooBigError, UnzippedTooBigError, readSheet } from '../../adapters/spreadsheet';
import type { Deps } from '../../core/action';
import { sniffSpreadsheet } from '../../domain/file-type';
import { cleanupUploads, markUploadUsed, takeUpload } from '../uploads';
import type { Database } from '../../db/schema';
import { IMPORT_COLUMNS, type ImportField, type MemberDraftRow, REQUIRED_COLUMNS, checkImportRow } from '../../domain/import-row';
import { loadBranchInfo } from './refs';
import { nameSortKey } from '../../domain/name-sort';

const MAX_ROWS = 10_000;
const CHUNK = 1_000;
/** 服务器上的上限：文件大小（客户端的检查不算数）；行列上限见 readSheet */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
const LIMITS = { maxRows: MAX_ROWS + 1, maxColumns: DEFAULT_SHEET_LIMITS.maxColumns };

/**
 * 取回上传的文件，查大小与类型（看内容的头几个字节，不看扩展名），读成表格。
 * 超出上限的表格在读的过程中就停下，不为文件声称的范围分配内存。
 */
async function loadSheet(deps: Deps, actor: Actor, fileId: string): Promise<Sheet> {
  const content = await takeUpload(deps, actor, fileId, 'roster.import', IMPORT_MAX_BYTES);
  if (content.length === 0) throw new AppError('FILE.EMPTY');
  if (!sniffSpreadsheet(content)) throw new AppError('FILE.TYPE_NOT_ALLOWED', { allowed: 'Excel（.xlsx）或 CSV' });
  try {
    return await readSheet(fileId, content, LIMITS);
  } catch (err) {
    if (err instanceof UnzippedTooBigError) throw new AppError('ROSTER.IMPORT_UNZIPPED_TOO_BIG', { maxMb: Math.round(err.maxBytes / 1024 / 1024) });
    if (err instanceof SheetTooBigError) {
      if (err.columns <= LIMITS.maxColumns) throw new AppError('ROSTER.IMPORT_TOO_LARGE', { max: MAX_ROWS });
      throw new AppError('ROSTER.IMPORT_SHEET_TOO_BIG', { rows: err.rows, columns: err.columns, maxRows: MAX_ROWS, maxColumns: LIMITS.maxColumns });
    }
    throw new AppError('ROSTER.IMPORT_UNREADABLE');
  }
}

interface Analysis {
  total: number;
  good: MemberDraftRow[];
  errors: ImportRowError[];
  /** 文件里认得、会写入的列（按文件里的顺序），与认不得、不会写入的列 */
  columns: string[];
  ignoredColumns: string[];
  /** 有效行写入时各列的值（与 columns 对齐；专委会、支部写成名称） */
  cellsOf: (row: MemberDraftRow) => string[];
}

/** 解析文件并逐行检查；不写任何东西 */
async function analyse(trx: Transaction<Database>, actor: Actor, sheet: Sheet): Promise<Analysis> {
  const missing = REQUIRED_COLUMNS.filter((c) => !sheet.headers.includes(c));
  if (missing.length) throw new AppError('ROSTER.IMPORT_COLUMNS', { missing: missing.join('、'), expected: Object.keys(IMPORT_COLUMNS).join('、') });
  if (sheet.rows.length === 0) throw new AppError('ROSTER.IMPORT_EMPTY');
  if (sheet.rows.length > MAX_ROWS) throw new AppError('ROSTER.IMPORT_TOO_LARGE', { max: MAX_ROWS });

  const orgId = actor.orgId;
  const [sectors, committees, branches, phones] = await Promise.all([
    trx.selectFrom('sector').select(['id', 'name']).where('org_id', '=', orgId).execute(),
    trx.selectFrom('committee').select(['id', 'name']).where('org_id', '=', orgId).execute(),
    loadBranchInfo(trx, orgId),
    // 手机号的唯一约束也包括已退出的成员
    trx.selectFrom('member').select(['phone', 'name', 'sector_id', 'status']).where('org_id', '=', orgId).execute(),
  ]);
  const lookups = {
    sectors: new Map(sectors.map((s) => [s.name, s.id])),
    committees: new Map(committees.flatMap((c) => [[c.name, c.id] as const, [c.name.replace('委员会', '委'), c.id] as const])),
    branchIds: new Map([...branches].filter(([, b]) => b.status === 'active').map(([id, b]) => [b.name, id])),
    branches,
    existingPhones: new Map(phones.filter((p) => p.phone).map((p) => [p.phone!, p.name])),
    existingNameSectors: new Set(phones.filter((p) => p.status === 'active').map((p) => `${p.name}|${p.sector_id ?? ''}`)),
  };
  const columnIndex = Object.entries(IMPORT_COLUMNS).map(([header, field]) => [field, sheet.headers.indexOf(header)] as const);
  const phonesInFile = new Map<string, number>();
  const good: MemberDraftRow[] = [];
  const errors: ImportRowError[] = [];
  for (const { line, cells } of sheet.rows) {
    const record: Partial<Record<ImportField, string>> = {};
    for (const [field, idx] of columnIndex) if (idx >= 0) record[field] = cells[idx] ?? '';
    const checked = checkImportRow(line, record, lookups, phonesInFile);
    if (checked.ok) good.push(checked.row);
    else errors.push({ line, name: checked.name, reasons: checked.reasons });
  }
  const committeeName = new Map(committees.map((c) => [c.id, c.name]));
  const columns = sheet.headers.filter((h) => h in IMPORT_COLUMNS);
  const ignoredColumns = sheet.headers.filter((h) => h && !(h in IMPORT_COLUMNS));
  const cellsOf = (row: MemberDraftRow) => columns.map((h) => writtenValue(row, IMPORT_COLUMNS[h as keyof typeof IMPORT_COLUMNS], committeeName, branches));
  return { total: sheet.rows.length, good, errors, columns, ignoredColumns, cellsOf };
}

/** 一个有效行在某一列上写入的值（预览逐列显示） */
function writtenValue(
  row: MemberDraftRow,
  field: ImportField,
  committeeName: ReadonlyMap<string, string>,
  branches: ReadonlyMap<string, { name: string }>,
): string {
  const branchNames = (kind: 'primary' | 'functional') =>
    row.memberships
      .filter((m) => m.kind === kind)
      .map((m) => branches.get(m.branchId)?.name ?? '')
      .join('、');
  switch (field) {
    case 'name':
      return row.name;
    case 'phone':
      return row.phone ?? '';
    case 'sector':
      return row.sectorName ?? '';
    case 'committees':
      return row.committeeIds.map((id) => committeeName.get(id) ?? '').join('、');
    case 'affiliation':
      return row.affiliation;
    case 'position':
      return row.position;
    case 'primaryBranch':
      return branchNames('primary');
    case 'functionalBranches':
      return branchNames('functional');
    default:
      return row[field] ?? '';
  }
}

/** 预览：列出每一条有问题的行（行号与原因），什么也不写 */
export const previewImport = defineAction({
  input: contract.roster.previewImport,
  errors: [
    'FILE.NOT_FOUND',
    'FILE.TOO_LARGE',
    'FILE.EMPTY',
    'FILE.TYPE_NOT_ALLOWED',
    'ROSTER.IMPORT_UNREADABLE',
    'ROSTER.IMPORT_UNZIPPED_TOO_BIG',
    'ROSTER.IMPORT_SHEET_TOO_BIG',
    'ROSTER.IMPORT_COLUMNS',
    'ROSTER.IMPORT_EMPTY',
    'ROSTER.IMPORT_TOO_LARGE',
  ],
  access: { roles: ['admin'] },
  handler: async (file, { deps, actor }): Promise<ImportPreview> => {
    const sheet = await loadSheet(deps, actor, file.fileId);
    const result = await deps.db.transaction().execute((trx) => analyse(trx, actor, sheet));
    return {
      total: result.total,
      valid: result.good.length,
      errors: result.errors,
      sample: result.good.slice(0, 10).map((r) => ({
        line: r.line,
        name: r.name,
        phone: r.phone,
        sector: r.sectorName,
        affiliation: r.affiliation,
        position: r.position,
        cells: result.cellsOf(r),
      })),
      columns: result.columns,
      ignoredColumns: result.ignoredColumns,
    };
  },
});

/** 导入：在一个事务里写入全部有效行；任何一步失败则什么也不写 */
export const commitImport = defineAction({
  input: contract.roster.commitImport,
  errors: [
    'FILE.NOT_FOUND',
    'FILE.TOO_LARGE',
    'FILE.EMPTY',
    'FILE.TYPE_NOT_ALLOWED',
    'ROSTER.IMPORT_UNREADABLE',
    'ROSTER.IMPORT_UNZIPPED_TOO_BIG',
    'ROSTER.IMPORT_SHEET_TOO_BIG',
    'ROSTER.IMPORT_COLUMNS',
    'ROSTER.IMPORT_EMPTY',
    'ROSTER.IMPORT_TOO_LARGE',
  ],
  access: { roles: ['admin'] },
  writes: true,
  handler: async (file, ctx) => {
    const { deps, actor } = ctx;
    const now = deps.clock.now();
    const orgId = actor.orgId;
    const sheet = await loadSheet(deps, actor, file.fileId);
    return deps.db.transaction().execute(async (trx) => {
      const { good, errors } = await analyse(trx, actor, sheet);
      for (let i = 0; i < good.length; i += CHUNK) {
        const chunk = good.slice(i, i + CHUNK);
        const ids = await trx
          .insertInto('member')
          .values(
            chunk.map((r) => ({
              org_id: orgId,
              name: r.name,
              name_sort: nameSortKey(r.name),
              phone: r.phone,
              kind: r.kind,
              position: r.position,
              affiliation: r.affiliation,
              sector_id: r.sectorId,
              gender: r.gender,
              ethnicity: r.ethnicity,
              birth_month: r.birthMonth,
              work_unit: r.workUnit,
              term: r.term,
              created_at: now,
              updated_at: now,
            })),
          )
          .returning('id')
          .execute();
        const committees = chunk.flatMap((r, j) => r.committeeIds.map((c) => ({ org_id: orgId, member_id: ids[j].id, committee_id: c })));
        const memberships = chunk.flatMap((r, j) =>
          r.memberships.map((b) => ({ org_id: orgId, member_id: ids[j].id, branch_id: b.branchId, kind: b.kind, joined_at: now })),
        );
        if (committees.length) await trx.insertInto('member_committee').values(committees).execute();
        if (memberships.length) await trx.insertInto('branch_membership').values(memberships).execute();
      }
      await recordAudit(trx, ctx, {
        action: 'roster.commitImport',
        targetKind: 'import',
        summary: `从 ${file.fileName} 导入 ${good.length} 名成员，跳过 ${errors.length} 行`,
        details: { fileName: file.fileName, fileId: file.fileId, created: good.length, skippedLines: errors.map((e) => e.line) },
      });
      // 审计日志引用了这份文件（谁在何时导入了什么），它就不再被清理
      await markUploadUsed(trx, file.fileId, 'roster.commitImport', now);
      return { created: good.length, skipped: errors.length, errors };
    });
  },
});

/** 清理本政协一天前上传、至今没有记录引用的文件（本地宿主另有每小时一次的全局清理） */
export const cleanupImportUploads = defineAction({
  input: contract.roster.cleanupUploads,
  errors: [],
  access: { roles: ['admin'] },
  handler: async (_input, { deps, actor }) => cleanupUploads(deps, actor.orgId),
});
