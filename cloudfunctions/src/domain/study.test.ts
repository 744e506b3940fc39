import { completionRate, isOverdue, likePattern, sniffDocument } from './study';

describe('学习的纯规则', () => {
  test('搜索词里的 % _ \\ 按字面匹配', () => {
    expect(likePattern('党史')).toBe('%党史%');
    expect(likePattern('100%')).toBe('%100\\%%');
    expect(likePattern('a_b\\c')).toBe('%a\\_b\\\\c%');
  });

  test('过了期限还没读完的才算逾期；读完了不算', () => {
    const due = new Date('2026-12-01T00:00:00Z');
    expect(isOverdue(due, new Date('2026-12-02T00:00:00Z'), false)).toBe(true);
    expect(isOverdue(due, new Date('2026-12-02T00:00:00Z'), true)).toBe(false);
    expect(isOverdue(due, new Date('2026-11-30T00:00:00Z'), false)).toBe(false);
  });

  test('完成率取整；没有应完成的人时为 0', () => {
    expect(completionRate(1, 3)).toBe(33);
    expect(completionRate(2, 3)).toBe(67);
    expect(completionRate(0, 0)).toBe(0);
  });

  test('附件看内容：PDF、新旧 Office 文档收，改了扩展名的可执行文件不收', () => {
    expect(sniffDocument(Buffer.from('%PDF-1.7\n...'))).toBe('pdf');
    expect(sniffDocument(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0]))).toBe('office');
    expect(sniffDocument(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe('legacy-office');
    expect(sniffDocument(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(sniffDocument(Buffer.alloc(0))).toBeNull();
  });
});
