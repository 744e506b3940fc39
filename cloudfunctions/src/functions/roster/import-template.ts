import { AFFILIATIONS, ETHNICITIES, GENDERS, POSITIONS, contract } from '@tongxin/shared-types';
import { writeWorkbook } from '../../adapters/spreadsheet';
import { defineAction } from '../../core/action';
import { IMPORT_COLUMNS, SAMPLE_NAME_PREFIX } from '../../domain/import-row';
import { FUNCTIONAL_KINDS } from '../../domain/membership';

/**
 * 导入模板（XLSX）：第一张表是表头与一行示例（姓名带“（示例）”，忘了删也不会被导入），
 * 第二张表列出每一列可填的值——界别、专委会、支部取本政协现有的，政治面貌、职务、性别、民族取固定的。
 */
export const importTemplate = defineAction({
  input: contract.roster.importTemplate,
  errors: [],
  access: { roles: ['admin'] },
  handler: async (_input, { deps, actor }) => {
    const orgId = actor.orgId;
    const [sectors, committees, branches] = await Promise.all([
      deps.db.selectFrom('sector').select('name').where('org_id', '=', orgId).orderBy('sort_order').orderBy('name').execute(),
      deps.db.selectFrom('committee').select('name').where('org_id', '=', orgId).orderBy('sort_order').orderBy('name').execute(),
      deps.db
        .selectFrom('party_org')
        .select(['name', 'branch_kind'])
        .where('org_id', '=', orgId)
        .where('level', '=', '党支部')
        .where('status', '=', 'active')
        .orderBy('sort_order')
        .orderBy('name')
        .execute(),
    ]);
    const primaryBranches = branches.filter((b) => b.branch_kind && !FUNCTIONAL_KINDS.includes(b.branch_kind)).map((b) => b.name);
    const functionalBranches = branches.filter((b) => b.branch_kind && FUNCTIONAL_KINDS.includes(b.branch_kind)).map((b) => b.name);
    const headers = Object.keys(IMPORT_COLUMNS);
    const sample: Record<string, string> = {
      姓名: `${SAMPLE_NAME_PREFIX}张三`,
      手机号: '13900000000',
      界别: sectors[0]?.name ?? '',
      专委会: committees[0]?.name ?? '',
      政治面貌: '中共党员',
      职务: '委员',
      第一组织关系: primaryBranches[0] ?? '',
      功能型支部: functionalBranches[0] ?? '',
      性别: '男',
      民族: '汉族',
      出生年月: '1965-03',
      工作单位及职务: '市第一中学 校长',
      届次: '第十五届',
    };
    const allowed: Array<[string, readonly string[], string]> = [
      ['界别', sectors.map((s) => s.name), '可空'],
      ['专委会', committees.map((c) => c.name), '可填多个，用顿号“、”隔开；可空'],
      ['政治面貌', AFFILIATIONS, '必填'],
      ['职务', POSITIONS, '必填'],
      ['第一组织关系', primaryBranches, '只有中共党员填写；可空'],
      ['功能型支部', functionalBranches, '只有中共党员填写，可填多个，用顿号隔开；可空'],
      ['性别', GENDERS, '可空'],
      ['民族', ETHNICITIES, '可空'],
      ['出生年月', ['1965-03 这样的年-月'], '可空'],
      ['工作单位及职务', ['如“市第一中学 校长”，最多 100 字'], '可空'],
      ['届次', ['如“第十五届”，最多 20 字'], '可空'],
      ['手机号', ['11 位手机号'], '可空；与已登记的号码重复的行不导入'],
    ];
    const longest = Math.max(...allowed.map(([, values]) => values.length));
    const file = await writeWorkbook([
      { name: '成员名单', rows: [headers, headers.map((h) => sample[h] ?? '')], boldRows: [0] },
      {
        name: '可填的值',
        rows: [
          allowed.map(([h]) => h),
          allowed.map(([, , note]) => note),
          ...Array.from({ length: longest }, (_, i) => allowed.map(([, values]) => values[i] ?? '')),
        ],
        boldRows: [0],
        widths: allowed.map(() => 20),
      },
    ]);
    return { fileName: '成员导入模板.xlsx', contentBase64: file.toString('base64') };
  },
});
