import { sniffImage, sniffLetter, sniffSpreadsheet } from './file-type';

describe('按内容认文件类型', () => {
  test('ZIP 头是 XLSX，不管叫什么名字', () => {
    expect(sniffSpreadsheet(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBe('xlsx');
  });
  test('文本（含中文、制表符、回车换行）是 CSV', () => {
    expect(sniffSpreadsheet(Buffer.from('\uFEFF姓名,手机号\r\n张三,13900000001\r\n'))).toBe('csv');
  });
  test('改名的 .exe（MZ 头，带 NUL）不是表格', () => {
    const exe = Buffer.alloc(512);
    exe.write('MZ', 0);
    expect(sniffSpreadsheet(exe)).toBeNull();
  });
  test('空文件不是表格', () => {
    expect(sniffSpreadsheet(Buffer.alloc(0))).toBeNull();
  });
});

describe('照片与答复函', () => {
  test('看内容不看名字', () => {
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('jpeg');
    expect(sniffImage(Buffer.from('%PDF-1.7'))).toBeNull();
    expect(sniffImage(Buffer.from('MZ\x90\x00 not an image'))).toBeNull();
    expect(sniffLetter(Buffer.from('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffLetter(Buffer.from('plain text'))).toBeNull();
  });
});
