import type { BranchInfo } from './membership';
import { type ImportField, type ImportLookups, checkImportRow, parseBirthMonth } from './import-row';

const branches = new Map<string, BranchInfo>([
  ['b-office', { name: '机关党支部', branchKind: '机关支部', status: 'active' }],
  ['b-retired', { name: '离退休干部党支部', branchKind: '离退休支部', status: 'active' }],
  ['b-economy', { name: '经济委功能型党支部', branchKind: '功能型党支部', status: 'active' }],
  ['b-temp', { name: '全会临时党支部', branchKind: '临时党支部', status: 'active' }],
]);
const lookups: ImportLookups = {
  sectors: new Map([['教育界', 's-edu']]),
  committees: new Map([
    ['经济委员会', 'c-eco'],
    ['经济委', 'c-eco'],
    ['提案委员会', 'c-prop'],
  ]),
  branchIds: new Map([...branches].map(([id, b]) => [b.name, id])),
  branches,
  existingPhones: new Map([['13800000001', '管理员甲']]),
};

type Row = Partial<Record<ImportField, string>>;
const base: Row = { name: '张三', affiliation: '民盟', position: '委员' };
const check = (row: Row, seen = new Map<string, number>(), line = 2) => checkImportRow(line, { ...base, ...row }, lookups, seen);
const reasonsOf = (row: Row) => {
  const r = check(row);
  return r.ok ? [] : r.reasons;
};

describe('导入的一行', () => {
  test('完整的党员行：界别、专委会（去重）、第一组织关系与多个功能型支部', () => {
    const r = check({
      phone: '139 0000-0002',
      sector: '教育界',
      committees: '经济委员会、提案委员会，经济委',
      affiliation: '中共党员',
      position: '常委',
      primaryBranch: '离退休干部党支部',
      functionalBranches: '经济委功能型党支部/全会临时党支部',
    });
    expect(r).toEqual({
      ok: true,
      row: {
        line: 2,
        name: '张三',
        phone: '13900000002',
        kind: 'committee_member',
        position: '常委',
        affiliation: '中共党员',
        sectorId: 's-edu',
        sectorName: '教育界',
        committeeIds: ['c-eco', 'c-prop'],
        gender: null,
        ethnicity: null,
        birthMonth: null,
        workUnit: null,
        term: null,
        memberships: [
          { branchId: 'b-retired', kind: 'primary' },
          { branchId: 'b-economy', kind: 'functional' },
          { branchId: 'b-temp', kind: 'functional' },
        ],
      },
    });
  });

  test('姓名里有方向控制符、其他列里有 NUL：不导入，原因点名列', () => {
    expect(reasonsOf({ name: '张\u202E三' })).toEqual(['姓名含有不可见的控制字符或文字方向控制符']);
    expect(reasonsOf({ sector: '教育界\u0000' })).toContain('界别含有不可见的控制字符或文字方向控制符');
  });

  test('临时党支部不能作为第一组织关系', () => {
    expect(reasonsOf({ affiliation: '中共党员', primaryBranch: '全会临时党支部' })).toEqual(['全会临时党支部是临时党支部，不能作为第一组织关系']);
  });

  test('只有必填项的行', () => {
    expect(check({})).toMatchObject({ ok: true, row: { phone: null, sectorId: null, committeeIds: [], memberships: [] } });
  });

  test('职务“机关干部”即机关干部类别', () => {
    expect(check({ position: '机关干部' })).toMatchObject({ ok: true, row: { kind: 'staff' } });
  });

  test.each([
    ['中共', '中共党员'],
    ['共产党员', '中共党员'],
    ['无党派人士', '无党派'],
    ['中国民主同盟', '民盟'],
    ['九三学社', '九三学社'],
  ])('政治面貌的常见写法“%s”归一为 %s', (raw, normal) => {
    expect(check({ affiliation: raw })).toMatchObject({ ok: true, row: { affiliation: normal } });
  });

  test.each([
    [{ name: '  ' }, ['缺少姓名']],
    [{ name: '张'.repeat(41) }, ['姓名过长']],
    [{ phone: '1380000000' }, ['手机号“1380000000”不是 11 位手机号']],
    [{ phone: '23800000000' }, ['手机号“23800000000”不是 11 位手机号']],
    [{ phone: '13800000001' }, ['手机号已登记给 管理员甲']],
    [{ affiliation: '' }, ['缺少政治面貌']],
    [{ affiliation: '外星人' }, ['政治面貌“外星人”无法识别']],
    [{ position: '' }, ['缺少职务']],
    [{ position: '主任' }, ['职务“主任”应为 主席、副主席、秘书长、常委、委员、机关干部 之一']],
    [{ sector: '不存在界' }, ['界别“不存在界”不存在']],
    [{ committees: '经济委员会、不存在委员会' }, ['专委会“不存在委员会”不存在']],
    [{ affiliation: '中共党员', primaryBranch: '不存在支部' }, ['支部“不存在支部”不存在']],
    [{ primaryBranch: '机关党支部' }, ['非中共党员不能加入党支部']],
    [{ affiliation: '中共党员', primaryBranch: '经济委功能型党支部' }, ['经济委功能型党支部是功能型支部，不能作为第一组织关系']],
    [{ affiliation: '中共党员', functionalBranches: '机关党支部' }, ['机关党支部不是功能型支部，不能作为功能型组织关系']],
  ] as Array<[Row, string[]]>)('有问题的行 %p → %p', (row, reasons) => {
    expect(reasonsOf(row)).toEqual(reasons);
  });

  test('一行里的所有问题一次列出，并带上姓名', () => {
    const r = check({ name: '李四', phone: '123', affiliation: '外星人', position: '', sector: '无' });
    expect(r).toEqual({ ok: false, name: '李四', reasons: ['手机号“123”不是 11 位手机号', '政治面貌“外星人”无法识别', '缺少职务', '界别“无”不存在'] });
  });

  test('同一文件里重复的手机号指出首次出现的行', () => {
    const seen = new Map<string, number>();
    expect(check({ phone: '13900000009' }, seen, 3).ok).toBe(true);
    expect(check({ name: '王五', phone: '139-0000-0009' }, seen, 7)).toEqual({ ok: false, name: '王五', reasons: ['手机号与第 3 行重复'] });
    expect(seen.get('13900000009')).toBe(3);
  });
});

describe('名册字段与认不出的值', () => {
  test('性别、民族（少写“族”也认）、出生年月的各种写法、工作单位及职务、届次', () => {
    const r = check({ gender: '女', ethnicity: '回', birthMonth: '1965年3月', workUnit: '市第一中学 副校长', term: '第十五届' });
    expect(r.ok && { gender: r.row.gender, ethnicity: r.row.ethnicity, birthMonth: r.row.birthMonth, workUnit: r.row.workUnit, term: r.row.term }).toEqual({
      gender: '女',
      ethnicity: '回族',
      birthMonth: '1965-03',
      workUnit: '市第一中学 副校长',
      term: '第十五届',
    });
  });
  test.each([
    ['1965-03', '1965-03'],
    ['1965.3', '1965-03'],
    ['1965/03/15', '1965-03'],
    ['196503', '1965-03'],
    ['1965-03-01', '1965-03'],
    ['23803', '1965-03'],
  ])('出生年月 %s → %s', (raw, month) => {
    expect(parseBirthMonth(raw)).toBe(month);
  });
  test('认不出的出生年月、性别：写明应怎么填', () => {
    expect(reasonsOf({ birthMonth: '1965-13', gender: '未知' })).toEqual(['性别“未知”应为 男 或 女', '出生年月“1965-13”应写成 1965-03 这样的年-月']);
  });
  test('名册字段都不填：都是 null', () => {
    const r = check({});
    expect(r.ok && [r.row.gender, r.row.ethnicity, r.row.birthMonth, r.row.workUnit, r.row.term]).toEqual([null, null, null, null, null]);
  });
  test('认不出的界别、专委会、政治面貌、民族、支部：提示最接近的允许值', () => {
    expect(reasonsOf({ sector: '教育', committees: '提案委', affiliation: '民盟市委', ethnicity: '哈萨克人' })).toEqual([
      '政治面貌“民盟市委”无法识别，是不是“民盟”？',
      '界别“教育”不存在，是不是“教育界”？',
      '专委会“提案委”不存在，是不是“提案委员会”？',
      '民族“哈萨克人”无法识别，是不是“哈萨克族”？',
    ]);
    expect(reasonsOf({ affiliation: '中共党员', primaryBranch: '机关支部' })).toEqual(['支部“机关支部”不存在，是不是“机关党支部”？']);
  });
  test('模板里的示例行没删：不导入，说明原因', () => {
    expect(reasonsOf({ name: '（示例）张三' })).toEqual(['这是模板里的示例行，请删除']);
  });
});
