import { Readable } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import type ExcelJSType from 'exceljs';
import { sniffSpreadsheet } from '../domain/file-type';

type ExcelJSModule = typeof import('exceljs');
type PapaModule = typeof import('papaparse');
let excelLib: ExcelJSModule | undefined;
let papaLib: PapaModule | undefined;
/**
 * exceljs（约 1 MB）与 papaparse 只在读写表格时加载：云函数冷启动不为它们付钱（build.mjs 把它们打成 lazy/*.js）。
 * 用 require 而不是 import()：打包后的函数由 vm.Script 运行（见 build.mjs 的加载器），那里没有动态 import。
 */
function exceljs(): ExcelJSModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (excelLib ??= require('exceljs') as ExcelJSModule);
}
function papaparse(): PapaModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (papaLib ??= require('papaparse') as PapaModule);
}

export interface SheetRow {
  /** 文件中的行号，表头为第 1 行 */
  line: number;
  cells: string[];
}

export interface Sheet {
  headers: string[];
  rows: SheetRow[];
}

/** 读表的上限：超过即停，不为文件声称的范围分配内存 */
export interface SheetLimits {
  /** 含表头的行数 */
  maxRows: number;
  maxColumns: number;
}

export const DEFAULT_SHEET_LIMITS: SheetLimits = { maxRows: 10_001, maxColumns: 64 };
/** ZIP 里各文件声明的解压后总大小上限：5000 人的名单解压后约 2 MB，留足余量；更大的多半是“压缩炸弹” */
const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;

/** 表格超出上限（声明的范围、实际的行列、或解压后的大小） */
export class SheetTooBigError extends Error {
  constructor(
    readonly rows: number,
    readonly columns: number,
    readonly limits: SheetLimits,
  ) {
    super(`表格范围 ${rows} 行 × ${columns} 列超出上限 ${limits.maxRows} × ${limits.maxColumns}`);
  }
}

/** ZIP 里声明的解压后大小超过上限（多半是“压缩炸弹”） */
export class UnzippedTooBigError extends Error {
  constructor(readonly maxBytes: number) {
    super(`解压后超过 ${maxBytes} 字节`);
  }
}

/**
 * 读 XLSX（第一个工作表）或 CSV（UTF-8，或 Excel 常见的 GB18030 编码）为文本单元格。类型看内容，不看文件名。
 * XLSX 逐行流式读：先查 ZIP 目录里声明的解压大小与工作表声明的范围（<dimension ref="A1:XFD1048576"/>），
 * 读的过程中行号或列号一超上限就停，所以不管文件声称多大，内存都只随真正读到的行（≤ 上限）增长。
 * 读不了时抛出普通 Error，超出上限时抛出 SheetTooBigError 或 UnzippedTooBigError。
 */
export async function readSheet(_fileName: string, content: Buffer, limits: SheetLimits = DEFAULT_SHEET_LIMITS): Promise<Sheet> {
  const kind = sniffSpreadsheet(content);
  if (!kind) throw new Error('不是 XLSX 或 CSV');
  const table = kind === 'csv' ? await readCsv(content, limits) : await readXlsx(content, limits);
  const [header = [], ...body] = table;
  const rows = body.map((cells, i) => ({ line: i + 2, cells: (cells ?? []).map((c) => c.trim()) })).filter((r) => r.cells.some((c) => c !== ''));
  return { headers: header.map((h) => h.replace(/\s+/g, '')), rows };
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** ZIP 中央目录（只读声明，不解压） */
function zipEntries(zip: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('不是完整的 ZIP');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== 0x02014b50) throw new Error('ZIP 目录损坏');
    const nameLength = zip.readUInt16LE(p + 28);
    entries.push({
      method: zip.readUInt16LE(p + 10),
      compressedSize: zip.readUInt32LE(p + 20),
      size: zip.readUInt32LE(p + 24),
      localOffset: zip.readUInt32LE(p + 42),
      name: zip.toString('utf8', p + 46, p + 46 + nameLength),
    });
    p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return entries;
}

/** 工作表开头声明的范围：只解压开头一小段（<dimension> 在 <sheetData> 之前） */
function declaredDimension(zip: Buffer, entry: ZipEntry): { rows: number; columns: number } | null {
  const p = entry.localOffset;
  if (zip.readUInt32LE(p) !== 0x04034b50) return null;
  const start = p + 30 + zip.readUInt16LE(p + 26) + zip.readUInt16LE(p + 28);
  const data = zip.subarray(start, start + Math.min(entry.compressedSize, 4096));
  let head: string;
  try {
    head =
      entry.method === 0
        ? data.toString('utf8')
        : inflateRawSync(data, { finishFlush: 2 /* Z_SYNC_FLUSH：允许截断 */, maxOutputLength: 1 << 20 }).toString('utf8');
  } catch {
    return null;
  }
  const m = /<(?:\w+:)?dimension\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/.exec(head);
  if (!m) return null;
  return { rows: Number(m[4] ?? m[2]), columns: columnNumber(m[3] ?? m[1]) };
}

/** 解压一个条目只为数字节数：超过目录里声明的大小（压缩炸弹常这样骗过大小检查）即停 */
async function assertUnzippedSize(zip: Buffer, entry: ZipEntry): Promise<void> {
  if (entry.method !== 8) return;
  const p = entry.localOffset;
  if (zip.readUInt32LE(p) !== 0x04034b50) throw new Error('ZIP 条目损坏');
  const start = p + 30 + zip.readUInt16LE(p + 26) + zip.readUInt16LE(p + 28);
  const inflate = createInflateRaw();
  let seen = 0;
  await new Promise<void>((resolve, reject) => {
    inflate.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > entry.size) inflate.destroy(new UnzippedTooBigError(MAX_UNZIPPED_BYTES));
    });
    inflate.on('end', resolve);
    inflate.on('error', reject);
    inflate.end(zip.subarray(start, start + entry.compressedSize));
  });
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

async function readXlsx(content: Buffer, limits: SheetLimits): Promise<string[][]> {
  // 1. 先看声明：解压后的总大小、第一个工作表的范围
  const entries = zipEntries(content);
  const unzipped = entries.reduce((s, e) => s + e.size, 0);
  if (unzipped > MAX_UNZIPPED_BYTES) throw new UnzippedTooBigError(MAX_UNZIPPED_BYTES);
  // 目录里的大小可以是假的：逐个解压数一数（输出随即丢弃，内存不随它增长），比声明的大就拒绝
  for (const entry of entries) await assertUnzippedSize(content, entry);
  const sheets = entries.filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)).sort((a, b) => sheetNo(a.name) - sheetNo(b.name));
  if (sheets.length === 0) return [];
  const dim = declaredDimension(content, sheets[0]);
  if (dim && (dim.rows > limits.maxRows || dim.columns > limits.maxColumns)) throw new SheetTooBigError(dim.rows, dim.columns, limits);

  // 2. 逐行流式读第一个工作表；行号或列号超上限立即停（声明可以是假的）
  const reader = new (exceljs().stream.xlsx.WorkbookReader)(Readable.from(content), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  const table: string[][] = [];
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJSType.Row>) {
      const columns = row.cellCount;
      if (row.number > limits.maxRows || columns > limits.maxColumns)
        throw new SheetTooBigError(Math.max(row.number, dim?.rows ?? 0), Math.max(columns, dim?.columns ?? 0), limits);
      const cells: string[] = [];
      for (let c = 1; c <= columns; c++) cells.push(cellText(row.getCell(c)));
      table[row.number - 1] = cells;
    }
    break;
  }
  return Array.from(table, (r) => r ?? []);
}

function sheetNo(name: string): number {
  return Number(/sheet(\d+)\.xml$/.exec(name)?.[1] ?? 0);
}

function cellText(cell: ExcelJSType.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  // 手机号常被 Excel 存成数字
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  // 日期（exceljs 按 UTC 给出）：出生年月等列按 YYYY-MM-DD 读
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'result' in v) return v.result === undefined || v.result === null ? '' : String(v.result);
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return cell.text ?? String(v);
}

async function readCsv(content: Buffer, limits: SheetLimits): Promise<string[][]> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    // 不是 UTF-8 也不是 GB18030 的字节按无法读取处理，而不是当成乱码表头
    text = new TextDecoder('gb18030', { fatal: true }).decode(content);
  }
  // 文本文件里不会有 NUL 等控制字符（制表符、换行除外）：这里找的正是控制字符
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text)) throw new Error('CSV 含有二进制内容');
  const rows: string[][] = [];
  let tooBig: SheetTooBigError | undefined;
  papaparse().parse<string[]>(text.replace(/^\uFEFF/, ''), {
    skipEmptyLines: false,
    step: (result, parser) => {
      if (rows.length >= limits.maxRows || result.data.length > limits.maxColumns) {
        tooBig = new SheetTooBigError(rows.length + 1, result.data.length, limits);
        parser.abort();
        return;
      }
      rows.push(result.data.map((c) => String(c ?? '')));
    },
  });
  if (tooBig) throw tooBig;
  return rows;
}

/** 写一个简单的 XLSX（导出、模板用） */
export async function writeXlsx(sheetName: string, headers: string[], rows: Array<Array<string | number | null>>): Promise<Buffer> {
  const workbook = new (exceljs().Workbook)();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(headers).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  sheet.columns.forEach((col) => {
    col.width = 16;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface WorkbookSheet {
  name: string;
  rows: Array<Array<string | number | null>>;
  /** 加粗的行（从 0 数起）：小标题、表头 */
  boldRows?: readonly number[];
  /** 各列宽度（字符数）；缺省 16 */
  widths?: readonly number[];
}

/** 写一个有几张工作表、带小标题的 XLSX（如会议记录：抬头、名单、请假、发言要点） */
export async function writeWorkbook(sheets: readonly WorkbookSheet[]): Promise<Buffer> {
  const workbook = new (exceljs().Workbook)();
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name);
    s.rows.forEach((r, i) => {
      const row = sheet.addRow(r);
      if (s.boldRows?.includes(i)) row.font = { bold: true };
      row.alignment = { wrapText: true, vertical: 'top' };
    });
    sheet.columns.forEach((col, i) => {
      col.width = s.widths?.[i] ?? 16;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
