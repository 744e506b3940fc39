/**
 * 文件类型看内容的头几个字节，不看文件名：改了扩展名的 .exe 仍是 .exe。
 * XLSX 是 ZIP（PK\x03\x04）；CSV 是文本（没有 NUL 等控制字符）。
 */
export type SpreadsheetKind = 'xlsx' | 'csv';

const ZIP = [0x50, 0x4b, 0x03, 0x04];

export function sniffSpreadsheet(content: Buffer): SpreadsheetKind | null {
  if (content.length >= 4 && ZIP.every((b, i) => content[i] === b)) return 'xlsx';
  // 文本：前 8 KB 里除制表符、换行、回车外没有控制字符（可执行文件、图片、压缩包头部都有）
  const head = content.subarray(0, 8192);
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return null;
  return head.length > 0 ? 'csv' : null;
}
