/**
 * 学习的纯规则。国办函〔2026〕12号：这里没有阅读时长、连续天数或排名——读完只看本人是否在文末确认过。
 */

/** 搜索词 → ILIKE 的模式：% _ \ 按字面匹配（搜“100%”不会匹配一切），两个字的词（党史、协商）照样找得到 */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** 任务是否已过期（过期仍可读完、仍算完成，只是页面上标明） */
export function isOverdue(dueAt: Date, now: Date, finished: boolean): boolean {
  return !finished && now.getTime() > dueAt.getTime();
}

/** 完成率（百分比，取整）；没有应完成的人时为 0 */
export function completionRate(finished: number, expected: number): number {
  return expected === 0 ? 0 : Math.round((finished * 100) / expected);
}

/** 附件只收文档：PDF、Word/Excel/PowerPoint（新格式是 ZIP，旧格式是 OLE 复合文档）。看内容不看扩展名 */
export type DocumentKind = 'pdf' | 'office' | 'legacy-office';
export function sniffDocument(content: Buffer): DocumentKind | null {
  const starts = (bytes: number[]) => content.length >= bytes.length && bytes.every((b, i) => content[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (starts([0x50, 0x4b, 0x03, 0x04])) return 'office';
  if (starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'legacy-office';
  return null;
}
