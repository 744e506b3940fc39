/**
 * 读表的内存有界：一个几 KB 的 XLSX 声称有上千万个单元格（<dimension> 写得很大，或远处放一个孤零零的单元格），
 * 读表不能按它声称的范围分配内存；超出上限的表格被拒绝，且进程内存增长远小于 100 MB。
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { DEFAULT_SHEET_LIMITS, SheetTooBigError, UnzippedTooBigError, readSheet, writeXlsx } from './spreadsheet';

/** 最小的 ZIP 写入（测试用）：每个条目 deflate 压缩 */
function zip(files: Record<string, Buffer>, declaredSize?: (name: string, size: number) => number): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = deflateRawSync(content);
    const nameBuf = Buffer.from(name);
    const size = declaredSize?.(name, content.length) ?? content.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(content), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(content), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Object.keys(files).length, 8);
  eocd.writeUInt16LE(Object.keys(files).length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** 读出 ZIP 里的各个文件（只认本测试与 exceljs 写出的 deflate 条目） */
function unzip(buf: Buffer): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < buf.readUInt16LE(eocd + 10); i++) {
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    const local = buf.readUInt32LE(p + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + csize);
    out[name] = method === 0 ? Buffer.from(data) : inflateRawSync(data);
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

/** 拿一份正常的名单 XLSX，把工作表换成 sheetXml */
async function withSheet(sheetXml: (original: string) => string): Promise<Buffer> {
  const files = unzip(await writeXlsx('名单', ['姓名', '政治面貌', '职务'], [['张三', '民盟', '委员']]));
  files['xl/worksheets/sheet1.xml'] = Buffer.from(sheetXml(files['xl/worksheets/sheet1.xml'].toString('utf8')));
  return zip(files);
}

/** 读表期间每几毫秒采一次 RSS 与堆，返回相对开始时的最大增长（MB） */
async function peakGrowthMb<T>(work: () => Promise<T>): Promise<{ result: PromiseSettledResult<T>; rssMb: number; heapMb: number }> {
  const base = process.memoryUsage();
  let rss = base.rss;
  let heap = base.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  const timer = setInterval(sample, 2);
  const [result] = await Promise.allSettled([work()]);
  sample();
  clearInterval(timer);
  return { result, rssMb: (rss - base.rss) / 2 ** 20, heapMb: (heap - base.heapUsed) / 2 ** 20 };
}

beforeAll(async () => {
  // 先把表格库加载进来，内存增长只算读表本身
  await readSheet('x.xlsx', await writeXlsx('预热', ['a'], [['b']]));
}, 60_000);

describe('声称巨大的表格被拒绝，内存有界', () => {
  test('<dimension ref="A1:XFD1048576"/>（约 170 亿个单元格）：读之前就拒绝', async () => {
    const file = await withSheet((xml) => xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'));
    expect(file.length).toBeLessThan(10_000);
    const { result, rssMb, heapMb } = await peakGrowthMb(() => readSheet('名单.xlsx', file));
    console.log(`dimension A1:XFD1048576（${file.length} 字节）：RSS 增长 ${rssMb.toFixed(1)} MB，堆增长 ${heapMb.toFixed(1)} MB`);
    expect(result.status).toBe('rejected');
    expect((result as PromiseRejectedResult).reason).toBeInstanceOf(SheetTooBigError);
    expect((result as PromiseRejectedResult).reason).toMatchObject({ rows: 1048576, columns: 16384 });
    expect(Math.max(rssMb, heapMb)).toBeLessThan(100);
  });

  test('声明 A1:P1048576（1600 万个单元格）且远处真有单元格：读之前就拒绝', async () => {
    const file = await withSheet((xml) =>
      xml
        .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:P1048576"/>')
        .replace('</sheetData>', '<row r="1048576"><c r="P1048576" t="inlineStr"><is><t>远</t></is></c></row></sheetData>'),
    );
    const { result, rssMb, heapMb } = await peakGrowthMb(() => readSheet('名单.xlsx', file));
    console.log(`dimension A1:P1048576 + 远处单元格（${file.length} 字节）：RSS 增长 ${rssMb.toFixed(1)} MB，堆增长 ${heapMb.toFixed(1)} MB`);
    expect((result as PromiseRejectedResult).reason).toMatchObject({ rows: 1048576, columns: 16 });
    expect(Math.max(rssMb, heapMb)).toBeLessThan(100);
  });

  test('声明说谎（写 A1:C2），远处放一个 XFD1048576 单元格：流式读到那一行就停', async () => {
    const file = await withSheet((xml) =>
      xml
        .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:C2"/>')
        .replace('</sheetData>', '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>远</t></is></c></row></sheetData>'),
    );
    const { result, rssMb, heapMb } = await peakGrowthMb(() => readSheet('名单.xlsx', file));
    console.log(`说谎的 dimension + XFD1048576（${file.length} 字节）：RSS 增长 ${rssMb.toFixed(1)} MB，堆增长 ${heapMb.toFixed(1)} MB`);
    expect((result as PromiseRejectedResult).reason).toBeInstanceOf(SheetTooBigError);
    expect(Math.max(rssMb, heapMb)).toBeLessThan(100);
  });

  test('没有 <dimension>，行数超过上限：读到上限就停', async () => {
    const rows = Array.from({ length: DEFAULT_SHEET_LIMITS.maxRows + 5 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${i}</v></c></row>`).join('');
    const file = await withSheet((xml) => xml.replace(/<dimension ref="[^"]*"\/>/, '').replace('</sheetData>', `${rows}</sheetData>`));
    await expect(readSheet('名单.xlsx', file)).rejects.toBeInstanceOf(SheetTooBigError);
  });

  test('ZIP 目录里声明解压后很大（压缩炸弹）：不解压就拒绝', async () => {
    const files = unzip(await writeXlsx('名单', ['姓名'], [['张三']]));
    const bomb = zip(files, (name, size) => (name === 'xl/worksheets/sheet1.xml' ? 2_000_000_000 : size));
    await expect(readSheet('名单.xlsx', bomb)).rejects.toBeInstanceOf(UnzippedTooBigError);
  });

  test('目录里把解压大小写小（骗过大小检查）：解压时数出来比声明的大，拒绝', async () => {
    const files = unzip(await writeXlsx('名单', ['姓名'], [['张三']]));
    files['xl/sharedStrings.xml'] = Buffer.from(`<sst>${'<si><t>炸</t></si>'.repeat(200_000)}</sst>`);
    const liar = zip(files, (name, size) => (name === 'xl/sharedStrings.xml' ? 100 : size));
    expect(liar.length).toBeLessThan(100_000);
    const { result, rssMb, heapMb } = await peakGrowthMb(() => readSheet('名单.xlsx', liar));
    expect((result as PromiseRejectedResult).reason).toBeInstanceOf(UnzippedTooBigError);
    expect(Math.max(rssMb, heapMb)).toBeLessThan(100);
  });

  test('正常的名单照常读出', async () => {
    const sheet = await readSheet('名单.xlsx', await withSheet((xml) => xml));
    expect(sheet).toEqual({ headers: ['姓名', '政治面貌', '职务'], rows: [{ line: 2, cells: ['张三', '民盟', '委员'] }] });
  });
});
