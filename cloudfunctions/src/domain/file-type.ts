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

/** 照片：JPEG、PNG、WebP（看头几个字节） */
export function sniffImage(content: Buffer): 'jpeg' | 'png' | 'webp' | null {
  if (content.length >= 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'jpeg';
  if (content.length >= 8 && content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (content.length >= 12 && content.subarray(0, 4).toString('latin1') === 'RIFF' && content.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  return null;
}

/** 答复函：PDF 或照片（扫描件） */
export function sniffLetter(content: Buffer): 'pdf' | 'jpeg' | 'png' | 'webp' | null {
  if (content.length >= 5 && content.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  return sniffImage(content);
}
