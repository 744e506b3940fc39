/**
 * 导入名单：XLSX 与 CSV（UTF-8 带 BOM、GB18030）；预览逐行列出问题且什么也不写；导入只写有效行，全部或全无；5000 行的耗时。
 */
import { encode as encodeGb18030 } from 'iconv-lite';
import { sql } from 'kysely';
import { randomBytes } from 'node:crypto';
import { utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanupUploads } from '../../cloudfunctions/src/functions/uploads';
import type { ImportRowError } from '@tongxin/shared-types';
import { writeXlsx } from '../../cloudfunctions/src/adapters/spreadsheet';
import type { DB } from '../../cloudfunctions/src/db/connect';
import { CHINESE, type Client, client, codeOf, latestAudit, membershipsOf, orgSnapshot } from '../support/call';
import { TEST_FILES, uploadFile, useTestDb } from '../support/db';
import { type FixtureOrg, createFixtureOrg } from '../support/fixture-org';

const t = useTestDb();
let db: DB;
let c: Client;
beforeAll(async () => {
  db = t.db();
  c = client(db);
  // 表格库在第一次读写表格时才加载（云函数冷启动不为它付钱）；在 jest 里加载要几秒，放在计时的测试之外
  await writeXlsx('预热', ['姓名'], [['张三']]);
}, 30_000);

const HEADERS = ['姓名', '手机号', '界别', '专委会', '政治面貌', '职务', '第一组织关系', '功能型支部'];
/** 第 n 项是文件的第 n+2 行（第 1 行是表头）；空行也占行号 */
const ROWS: Array<Array<string | number>> = [
  ['张三', 13900000001, '教育界', '经济委员会', '民盟', '委员', '', ''], // 2 有效（Excel 里手机号是数字）
  ['李四', '139-0000-0002', '中国共产党', '经济委', '中共党员', '常委', '离退休干部党支部', '经济委功能型党支部'], // 3 有效
  ['王五', '', '', '', '群众', '机关干部', '', ''], // 4 有效（机关干部）
  ['', '13900000003', '', '', '民盟', '委员', '', ''], // 5
  ['赵六', '12345', '', '', '民盟', '委员', '', ''], // 6
  ['钱七', '13900000001', '', '', '民盟', '委员', '', ''], // 7
  ['孙八', '13800000001', '', '', '民盟', '委员', '', ''], // 8
  ['周九', '', '不存在界', '', '民盟', '委员', '', ''], // 9
  ['吴十', '', '', '不存在委员会', '民盟', '委员', '', ''], // 10
  ['郑十一', '', '', '', '中共党员', '委员', '不存在支部', ''], // 11
  ['冯十二', '', '', '', '民进', '委员', '机关党支部', ''], // 12
  ['陈十三', '', '', '', '外星人', '委员', '', ''], // 13
  ['卫十四', '12345', '不存在界', '', '外星人', '', '', ''], // 14 多个问题一次列出
  ['', '', '', '', '', '', '', ''], // 15 空行，跳过
  ['蒋十六', '', '', '', '中共', '委员', '', '经济委功能型党支部'], // 16 有效（“中共”归一为中共党员）
];
const EXPECTED_ERRORS: ImportRowError[] = [
  { line: 5, name: '', reasons: ['缺少姓名'] },
  { line: 6, name: '赵六', reasons: ['手机号“12345”不是 11 位手机号'] },
  { line: 7, name: '钱七', reasons: ['手机号与第 2 行重复'] },
  { line: 8, name: '孙八', reasons: ['手机号已登记给 管理员甲'] },
  { line: 9, name: '周九', reasons: ['界别“不存在界”不存在'] },
  { line: 10, name: '吴十', reasons: ['专委会“不存在委员会”不存在'] },
  { line: 11, name: '郑十一', reasons: ['支部“不存在支部”不存在'] },
  { line: 12, name: '冯十二', reasons: ['非中共党员不能加入党支部'] },
  { line: 13, name: '陈十三', reasons: ['政治面貌“外星人”无法识别'] },
  { line: 14, name: '卫十四', reasons: ['手机号“12345”不是 11 位手机号', '政治面貌“外星人”无法识别', '缺少职务', '界别“不存在界”不存在'] },
];
const GOOD = ['张三', '李四', '王五', '蒋十六'];

const csvText = (rows: Array<Array<string | number>>, headers = HEADERS) => [headers, ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n';
/** 相当于客户端先上传文件、再把 id 交给函数 */
const file = (fileName: string, content: Buffer) => ({ fileName, fileId: uploadFile(content) });

const FORMATS: Array<[string, () => Promise<{ fileName: string; fileId: string }>]> = [
  ['XLSX', async () => file('委员名单.xlsx', await writeXlsx('名单', HEADERS, ROWS))],
  ['CSV（UTF-8 带 BOM）', async () => file('委员名单.csv', Buffer.from('\uFEFF' + csvText(ROWS), 'utf8'))],
  ['CSV（GB18030，Excel 中文版的默认编码）', async () => file('委员名单.csv', encodeGb18030(csvText(ROWS), 'gb18030'))],
];

async function memberNames(orgId: string): Promise<string[]> {
  return (await db.selectFrom('member').select('name').where('org_id', '=', orgId).execute()).map((r) => r.name).sort();
}

describe.each(FORMATS)('%s', (_label, build) => {
  test('预览逐行列出每个问题（行号与原因），什么也不写', async () => {
    const org = await createFixtureOrg(db);
    const before = await orgSnapshot(db, org.orgId);
    const preview = await c.ok(org.members.admin.openid, 'roster', 'previewImport', await build());
    expect(preview.total).toBe(14);
    expect(preview.valid).toBe(4);
    expect(preview.errors).toEqual(EXPECTED_ERRORS);
    expect(preview.sample.map((s) => [s.line, s.name, s.phone, s.sector, s.affiliation, s.position])).toEqual([
      [2, '张三', '13900000001', '教育界', '民盟', '委员'],
      [3, '李四', '13900000002', '中国共产党', '中共党员', '常委'],
      [4, '王五', null, null, '群众', '机关干部'],
      [16, '蒋十六', null, null, '中共党员', '委员'],
    ]);
    expect(await orgSnapshot(db, org.orgId)).toEqual(before);
  });

  test('导入只写有效行（含专委会与组织关系），并记入审计日志', async () => {
    const org = await createFixtureOrg(db);
    const f = await build();
    const result = await c.ok(org.members.admin.openid, 'roster', 'commitImport', f);
    expect(result).toEqual({ created: 4, skipped: 10, errors: EXPECTED_ERRORS });
    expect(await memberNames(org.orgId)).toEqual(['书记乙', '书记甲', '党员委员', '机关干部乙', '民盟委员', '管理员甲', ...GOOD].sort());
    const rows = await db.selectFrom('member').selectAll().where('org_id', '=', org.orgId).where('name', 'in', GOOD).execute();
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName['张三']).toMatchObject({ phone: '13900000001', affiliation: '民盟', kind: 'committee_member', sector_id: org.sectors.education });
    expect(byName['王五']).toMatchObject({ phone: null, kind: 'staff', position: '机关干部' });
    const committees = await db
      .selectFrom('member_committee')
      .select('committee_id')
      .where('org_id', '=', org.orgId)
      .where('member_id', '=', byName['李四'].id)
      .execute();
    expect(committees).toEqual([{ committee_id: org.committees.economy }]);
    expect((await membershipsOf(db, org.orgId, byName['李四'].id)).map((m) => [m.name, m.kind, m.duty])).toEqual([
      ['离退休干部党支部', 'primary', '党员'],
      ['经济委功能型党支部', 'functional', '党员'],
    ]);
    expect((await membershipsOf(db, org.orgId, byName['蒋十六'].id)).map((m) => [m.name, m.kind])).toEqual([['经济委功能型党支部', 'functional']]);
    expect((await latestAudit(db, org.orgId))[0]).toMatchObject({
      action: 'roster.commitImport',
      target_kind: 'import',
      actor_name: '管理员甲',
      summary: `从 ${f.fileName} 导入 4 名成员，跳过 10 行`,
    });
    // 再导一次同一个文件：一行也不会重复写入（有手机号的按手机号，没有的按同名同界别识别）
    const again = await c.ok(org.members.admin.openid, 'roster', 'previewImport', f);
    expect(again.valid).toBe(0);
    expect(again.errors.find((e) => e.line === 2)?.reasons).toEqual(['手机号已登记给 张三']);
    expect(again.errors.find((e) => e.line === 4)?.reasons).toEqual([expect.stringContaining('已有同名同界别的成员“王五”')]);
  });
});

describe('无法导入的文件', () => {
  let org: FixtureOrg;
  beforeAll(async () => {
    org = await createFixtureOrg(db);
  });

  async function expectRefused(f: { fileName: string; fileId: string }, code: string, mention?: RegExp) {
    const before = await orgSnapshot(db, org.orgId);
    for (const action of ['previewImport', 'commitImport'] as const) {
      const res = await c.call(org.members.admin.openid, 'roster', action, f);
      expect(codeOf(res)).toBe(code);
      if (!res.ok) expect(res.error.message).toMatch(mention ?? CHINESE);
    }
    expect(await orgSnapshot(db, org.orgId)).toEqual(before);
  }

  test('缺少必需的表头 → ROSTER.IMPORT_COLUMNS，点名缺少的列', async () => {
    await expectRefused(file('名单.csv', Buffer.from(csvText([['张三', '13900000001']], ['姓名', '手机号']))), 'ROSTER.IMPORT_COLUMNS', /缺少：政治面貌、职务/);
  });

  test('表头里的空格不影响识别', async () => {
    const res = await c.ok(
      org.members.admin.openid,
      'roster',
      'previewImport',
      file('名单.csv', Buffer.from(csvText([['张三', '民盟', '委员']], [' 姓 名', '政治面貌 ', '职　务']))),
    );
    expect(res).toMatchObject({ total: 1, valid: 1 });
  });

  test.each([
    ['随机字节冒充 .xlsx', '名单.xlsx'],
    ['随机字节冒充 .csv', '名单.csv'],
  ])('%s → FILE.TYPE_NOT_ALLOWED（看内容，不看扩展名）', async (_label, fileName) => {
    // 随机字节里几乎必有控制字符；第一个字节定为 0，免得偶然像文本
    const bytes = randomBytes(4096);
    bytes[0] = 0;
    await expectRefused(file(fileName, bytes), 'FILE.TYPE_NOT_ALLOWED', /Excel（\.xlsx）或 CSV/);
  });

  test('改名为 .xlsx 的 .exe → FILE.TYPE_NOT_ALLOWED', async () => {
    const exe = Buffer.alloc(64 * 1024);
    exe.write('MZ', 0);
    exe.write('This program cannot be run in DOS mode.', 78);
    await expectRefused(file('名单.xlsx', exe), 'FILE.TYPE_NOT_ALLOWED', /改了扩展名/);
  });

  test('20 MB 的文件 → FILE.TOO_LARGE，不读内容', async () => {
    await expectRefused(file('名单.xlsx', Buffer.alloc(20 * 1024 * 1024, 0x41)), 'FILE.TOO_LARGE', /不能超过 10 MB/);
  });

  test('ZIP 头但内容坏了 → ROSTER.IMPORT_UNREADABLE', async () => {
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(4096)]);
    await expectRefused(file('名单.xlsx', broken), 'ROSTER.IMPORT_UNREADABLE');
  });

  test('把 xlsx 改名为 .csv：按内容照常读出', async () => {
    const res = await c.ok(org.members.admin.openid, 'roster', 'previewImport', file('名单.csv', await writeXlsx('名单', HEADERS, ROWS)));
    expect(res).toMatchObject({ total: 14, valid: 4 });
  });

  test('不存在的上传、别的政协的上传 → FILE.NOT_FOUND', async () => {
    await expectRefused({ fileName: '名单.csv', fileId: 'local/00000000-0000-4000-8000-000000000000' }, 'FILE.NOT_FOUND');
    const other = await createFixtureOrg(db);
    const theirs = file('名单.csv', Buffer.from(csvText(ROWS), 'utf8'));
    await c.ok(other.members.admin.openid, 'roster', 'previewImport', theirs);
    await expectRefused(theirs, 'FILE.NOT_FOUND');
  });

  test('只有表头 → ROSTER.IMPORT_EMPTY', async () => {
    await expectRefused(file('名单.xlsx', await writeXlsx('名单', HEADERS, [])), 'ROSTER.IMPORT_EMPTY');
  });
});

/** 5000 行：党员与民盟各半，党员有第一组织关系与功能型支部 */
function bigRows(n: number, lastName?: string): Array<Array<string | number>> {
  return Array.from({ length: n }, (_, i) => {
    const cpc = i % 2 === 0;
    const name = i === n - 1 && lastName ? lastName : `委员${String(i).padStart(4, '0')}`;
    return [name, 13700000000 + i, '教育界', '经济委员会', cpc ? '中共党员' : '民盟', '委员', cpc ? '离退休干部党支部' : '', cpc ? '经济委功能型党支部' : ''];
  });
}

describe('大文件', () => {
  // 速度不在这里判定（见 npm run bench 的 roster.*）；超时只防卡死，给足负载高的机器
  test('5000 行的 XLSX：预览与导入全部正确', async () => {
    const org = await createFixtureOrg(db);
    const f = file('五千人.xlsx', await writeXlsx('名单', HEADERS, bigRows(5000)));
    const t0 = Date.now();
    const preview = await c.ok(org.members.admin.openid, 'roster', 'previewImport', f);
    const t1 = Date.now();
    const result = await c.ok(org.members.admin.openid, 'roster', 'commitImport', f);
    const t2 = Date.now();
    console.log(`导入 5000 行 XLSX（${process.env.TEST_DATABASE_KIND}）：预览 ${t1 - t0} ms，导入 ${t2 - t1} ms`);
    expect(preview).toMatchObject({ total: 5000, valid: 5000, errors: [] });
    expect(result).toMatchObject({ created: 5000, skipped: 0 });
    const count = async (table: 'member' | 'branch_membership' | 'member_committee') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('org_id', '=', org.orgId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('member')).toBe(5006);
    expect(await count('member_committee')).toBe(5000 + 3);
    expect(await count('branch_membership')).toBe(5000 + 6);
  }, 60_000);

  test('写入中途数据库出错：一行也不写（全部或全无）', async () => {
    const org = await createFixtureOrg(db);
    // 只对这个测试政协的最后一行报错的触发器：前两千多行已经插入之后才失败
    const fn = sql.id(`test_fail_import_${org.tag}`);
    await sql`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$`.execute(db);
    await sql`CREATE TRIGGER ${fn} BEFORE INSERT ON member FOR EACH ROW WHEN (NEW.org_id = ${sql.lit(org.orgId)}::uuid AND NEW.name = '最后一行') EXECUTE FUNCTION ${fn}()`.execute(
      db,
    );
    try {
      const before = await orgSnapshot(db, org.orgId);
      const res = await c.call(
        org.members.admin.openid,
        'roster',
        'commitImport',
        file('名单.xlsx', await writeXlsx('名单', HEADERS, bigRows(2500, '最后一行'))),
      );
      expect(codeOf(res)).toBe('INTERNAL');
      expect(await orgSnapshot(db, org.orgId)).toEqual(before);
    } finally {
      await sql`DROP TRIGGER ${fn} ON member`.execute(db);
      await sql`DROP FUNCTION ${fn}()`.execute(db);
    }
  }, 60_000);
});

describe('上传文件的清理', () => {
  test('一天后：只预览过的删掉，导入过的（审计日志引用它）留着，从没交给函数的旧文件也删掉', async () => {
    const org = await createFixtureOrg(db);
    const admin = org.members.admin.openid;
    const previewed = file('名单.csv', Buffer.from('\uFEFF' + csvText(ROWS), 'utf8'));
    const committed = file('名单.csv', Buffer.from('\uFEFF' + csvText(ROWS.slice(0, 1)), 'utf8'));
    await c.ok(admin, 'roster', 'previewImport', previewed);
    await c.ok(admin, 'roster', 'commitImport', committed);
    const orphan = uploadFile('从没交给函数的文件');
    const orphanPath = join(tmpdir(), 'tongxin-test-uploads', orphan.slice('local/'.length));
    utimesSync(orphanPath, new Date('2026-11-01'), new Date('2026-11-01'));
    const exists = async (id: string) =>
      TEST_FILES.read(id, 1 << 20).then(
        () => true,
        () => false,
      );

    // 不到一天：什么也不删
    expect(await c.ok(admin, 'roster', 'cleanupUploads', {})).toEqual({ removed: 0 });
    expect(await exists(previewed.fileId)).toBe(true);

    c.clock.advance(25 * 60 * 60 * 1000);
    try {
      expect(await c.ok(admin, 'roster', 'cleanupUploads', {})).toEqual({ removed: 1 });
      expect(await exists(previewed.fileId)).toBe(false);
      expect(await exists(committed.fileId)).toBe(true);
      // 全局清理（本地宿主每小时一次）另删目录里从没登记过的旧文件
      await cleanupUploads(c.deps);
      expect(await exists(orphan)).toBe(false);
      expect(await exists(committed.fileId)).toBe(true);
      expect(codeOf(await c.call(admin, 'roster', 'previewImport', previewed))).toBe('FILE.NOT_FOUND');
    } finally {
      c.clock.advance(-25 * 60 * 60 * 1000);
    }
  });
});
