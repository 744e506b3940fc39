import ExcelJS from 'exceljs';
import Papa from 'papaparse';

export interface SheetRow {
  /** 文件中的行号，表头为第 1 行 */
  line: number;
  cells: string[];
}

export interface Sheet {
  headers: string[];
  rows: SheetRow[];
}

/** 读 XLSX（第一个工作表）或 CSV（UTF-8，或 Excel 常见的 GB18030 编码）为文本单元格。 */
export async function readSheet(fileName: string, content: Buffer): Promise<Sheet> {
  const table = /\.csv$/i.test(fileName) ? readCsv(content) : await readXlsx(content);
  const [header = [], ...body] = table;
  const rows = body
    .map((cells, i) => ({ line: i + 2, cells: cells.map((c) => c.trim()) }))
    .filter((r) => r.cells.some((c) => c !== ''));
  return { headers: header.map((h) => h.replace(/\s+/g, '')), rows };
}

async function readXlsx(content: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const table: string[][] = [];
  // columnCount 每次调用都会遍历全部行：只取一次，否则 5000 行要十秒
  const columns = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= columns; c++) cells.push(cellText(row.getCell(c)));
    table[rowNumber - 1] = cells;
  });
  return Array.from(table, (r) => r ?? []);
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  // 手机号常被 Excel 存成数字
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  return cell.text ?? String(v);
}

function readCsv(content: Buffer): string[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    // 不是 UTF-8 也不是 GB18030 的字节（如改了扩展名的 xlsx、随机数据）按无法读取处理，而不是当成乱码表头
    text = new TextDecoder('gb18030', { fatal: true }).decode(content);
  }
  // 文本文件里不会有 NUL 等控制字符（制表符、换行除外）
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text)) throw new Error('CSV 含有二进制内容');
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  return parsed.data.map((r) => r.map((c) => String(c ?? '')));
}

/** 写一个简单的 XLSX（导出、模板用） */
export async function writeXlsx(sheetName: string, headers: string[], rows: Array<Array<string | number | null>>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
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
  const workbook = new ExcelJS.Workbook();
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
