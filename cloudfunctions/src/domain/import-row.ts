import {
  AFFILIATIONS,
  type Affiliation,
  BIRTH_MONTH,
  ETHNICITIES,
  GENDERS,
  type Gender,
  MULTILINE_TEXT,
  POSITIONS,
  type Position,
  SINGLE_LINE_TEXT,
} from '@tongxin/shared-types';
import { type BranchInfo, checkMemberships } from './membership';
import { suggestion } from './nearest';

/** 导入文件的列：表头文字 → 字段 */
export const IMPORT_COLUMNS = {
  姓名: 'name',
  手机号: 'phone',
  界别: 'sector',
  专委会: 'committees',
  政治面貌: 'affiliation',
  职务: 'position',
  第一组织关系: 'primaryBranch',
  功能型支部: 'functionalBranches',
  性别: 'gender',
  民族: 'ethnicity',
  出生年月: 'birthMonth',
  工作单位及职务: 'workUnit',
  届次: 'term',
} as const;
/** 模板里示例行的姓名以此开头：忘了删的示例行不会被当成一个人导入 */
export const SAMPLE_NAME_PREFIX = '（示例）';
export type ImportField = (typeof IMPORT_COLUMNS)[keyof typeof IMPORT_COLUMNS];
export const REQUIRED_COLUMNS = ['姓名', '政治面貌', '职务'] as const;

export interface ImportLookups {
  sectors: ReadonlyMap<string, string>;
  committees: ReadonlyMap<string, string>;
  /** 支部名称 → id */
  branchIds: ReadonlyMap<string, string>;
  branches: ReadonlyMap<string, BranchInfo>;
  /** 库里已有的手机号 → 姓名 */
  existingPhones: ReadonlyMap<string, string>;
  /** 库里在册成员的“姓名|界别 id” ——没有手机号的行靠它识别重复导入 */
  existingNameSectors?: ReadonlySet<string>;
}

export interface MemberDraftRow {
  line: number;
  name: string;
  phone: string | null;
  kind: 'committee_member' | 'staff';
  position: Position;
  affiliation: Affiliation;
  sectorId: string | null;
  sectorName: string | null;
  committeeIds: string[];
  memberships: Array<{ branchId: string; kind: 'primary' | 'functional' }>;
  gender: Gender | null;
  ethnicity: string | null;
  birthMonth: string | null;
  workUnit: string | null;
  term: string | null;
}

/**
 * 出生年月的常见写法 → YYYY-MM：1965-03、1965.3、1965/03、1965年3月、196503、Excel 日期（1965-03-01…）。
 * 认不出时返回 null。
 */
export function parseBirthMonth(raw: string): string | null {
  const s = raw.trim();
  // 流式读表不读单元格格式：Excel 里的日期到这里是序列号（1899-12-30 起的天数）
  if (/^\d{5}(\.\d+)?$/.test(s)) {
    const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(s)) * 86_400_000);
    const value = d.toISOString().slice(0, 7);
    return BIRTH_MONTH.test(value) ? value : null;
  }
  const m = /^((?:19|20)\d{2})\s*(?:[-./年]\s*(\d{1,2})\s*(?:月|[-./]\s*\d{1,2}\s*日?)?|(\d{2}))$/.exec(s) ?? /^((?:19|20)\d{2})-(\d{2})-\d{2}T/.exec(s);
  if (!m) return null;
  const month = (m[2] ?? m[3]).padStart(2, '0');
  const value = `${m[1]}-${month}`;
  return BIRTH_MONTH.test(value) ? value : null;
}

const splitList = (s: string) =>
  s
    .split(/[、，,;；/|\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);
/** 常见写法归一：“中共”“共产党员”→ 中共党员，“无党派人士”→ 无党派 */
const AFFILIATION_ALIASES: Record<string, Affiliation> = {
  中共: '中共党员',
  共产党员: '中共党员',
  党员: '中共党员',
  无党派人士: '无党派',
  中国民主同盟: '民盟',
  中国民主建国会: '民建',
  中国民主促进会: '民进',
  中国农工民主党: '农工党',
  中国致公党: '致公党',
  中国国民党革命委员会: '民革',
  台湾民主自治同盟: '台盟',
};

/**
 * 检查导入文件的一行：全部原因一次列出（而不是只报第一个），便于办公室一次改好。
 * phonesInFile：本文件中已出现过的手机号 → 首次出现的行号。
 */
export function checkImportRow(
  line: number,
  record: Partial<Record<ImportField, string>>,
  lookups: ImportLookups,
  phonesInFile: Map<string, number>,
): { ok: true; row: MemberDraftRow } | { ok: false; name: string; reasons: string[] } {
  const reasons: string[] = [];
  // 与表单同一条规矩：控制字符、文字方向控制符一律不收（单元格里的换行只在列表类的列里当分隔符）
  for (const [header, field] of Object.entries(IMPORT_COLUMNS)) {
    const value = record[field] ?? '';
    const ok = field === 'name' ? SINGLE_LINE_TEXT.test(value.trim()) : MULTILINE_TEXT.test(value.replace(/\r/g, ''));
    if (!ok) reasons.push(`${header}含有不可见的控制字符或文字方向控制符`);
  }
  const name = (record.name ?? '').trim();
  if (!name) reasons.push('缺少姓名');
  else if (name.startsWith(SAMPLE_NAME_PREFIX)) reasons.push('这是模板里的示例行，请删除');
  else if (name.length > 40) reasons.push('姓名过长');

  const rawPhone = (record.phone ?? '').replace(/[\s-]/g, '');
  let phone: string | null = null;
  if (rawPhone) {
    if (!/^1[3-9]\d{9}$/.test(rawPhone)) reasons.push(`手机号“${rawPhone}”不是 11 位手机号`);
    else if (lookups.existingPhones.has(rawPhone)) reasons.push(`手机号已登记给 ${lookups.existingPhones.get(rawPhone)}`);
    else if (phonesInFile.has(rawPhone)) reasons.push(`手机号与第 ${phonesInFile.get(rawPhone)} 行重复`);
    else {
      phone = rawPhone;
      phonesInFile.set(rawPhone, line);
    }
  }

  const rawAffiliation = (record.affiliation ?? '').trim();
  const affiliation = (AFFILIATIONS as readonly string[]).includes(rawAffiliation) ? (rawAffiliation as Affiliation) : AFFILIATION_ALIASES[rawAffiliation];
  if (!rawAffiliation) reasons.push('缺少政治面貌');
  else if (!affiliation) reasons.push(`政治面貌“${rawAffiliation}”无法识别${suggestion(rawAffiliation, AFFILIATIONS)}`);

  const rawPosition = (record.position ?? '').trim();
  const position = (POSITIONS as readonly string[]).includes(rawPosition) ? (rawPosition as Position) : undefined;
  if (!rawPosition) reasons.push('缺少职务');
  else if (!position) reasons.push(`职务“${rawPosition}”应为 ${POSITIONS.join('、')} 之一${suggestion(rawPosition, POSITIONS)}`);

  const sectorName = (record.sector ?? '').trim() || null;
  const sectorId = sectorName ? (lookups.sectors.get(sectorName) ?? null) : null;
  if (sectorName && !sectorId) reasons.push(`界别“${sectorName}”不存在${suggestion(sectorName, [...lookups.sectors.keys()])}`);

  const committeeIds: string[] = [];
  for (const c of splitList(record.committees ?? '')) {
    const id = lookups.committees.get(c);
    if (id) committeeIds.push(id);
    else reasons.push(`专委会“${c}”不存在${suggestion(c, [...lookups.committees.keys()])}`);
  }

  const memberships: MemberDraftRow['memberships'] = [];
  const primary = (record.primaryBranch ?? '').trim();
  const functional = splitList(record.functionalBranches ?? '');
  for (const [branchName, kind] of [...(primary ? [[primary, 'primary'] as const] : []), ...functional.map((f) => [f, 'functional'] as const)]) {
    const id = lookups.branchIds.get(branchName);
    if (id) memberships.push({ branchId: id, kind });
    else reasons.push(`支部“${branchName}”不存在${suggestion(branchName, [...lookups.branchIds.keys()])}`);
  }
  if (affiliation) reasons.push(...checkMemberships(affiliation, memberships, lookups.branches).filter((r) => r !== '支部不存在'));

  const rawGender = (record.gender ?? '').trim().replace(/性$/, '');
  const gender = rawGender ? ((GENDERS as readonly string[]).includes(rawGender) ? (rawGender as Gender) : null) : null;
  if (rawGender && !gender) reasons.push(`性别“${rawGender}”应为 男 或 女`);
  const rawEthnicity = (record.ethnicity ?? '').trim();
  // 少写“族”的（“汉”“回”）直接认；其余认不出的给出最接近的
  const ethnicity = !rawEthnicity
    ? null
    : (ETHNICITIES as readonly string[]).includes(rawEthnicity)
      ? rawEthnicity
      : (ETHNICITIES as readonly string[]).includes(`${rawEthnicity}族`)
        ? `${rawEthnicity}族`
        : null;
  if (rawEthnicity && !ethnicity) reasons.push(`民族“${rawEthnicity}”无法识别${suggestion(rawEthnicity, ETHNICITIES)}`);
  const rawBirth = (record.birthMonth ?? '').trim();
  const birthMonth = rawBirth ? parseBirthMonth(rawBirth) : null;
  if (rawBirth && !birthMonth) reasons.push(`出生年月“${rawBirth}”应写成 1965-03 这样的年-月`);
  const workUnit = (record.workUnit ?? '').trim().replace(/\s*\n\s*/g, ' ') || null;
  if (workUnit && workUnit.length > 100) reasons.push('工作单位及职务过长（最多 100 字）');
  const term = (record.term ?? '').trim() || null;
  if (term && term.length > 20) reasons.push('届次过长（最多 20 字）');

  // 没有手机号时，同名同界别视为同一人：防止同一个文件导入两次就多出一批人
  if (!rawPhone && name) {
    const key = `${name}|${sectorId ?? ''}`;
    if (lookups.existingNameSectors?.has(key)) reasons.push(`已有同名同界别的成员“${name}”；如确是另一人，请填写手机号`);
    else if (phonesInFile.has(`name:${key}`)) reasons.push(`与第 ${phonesInFile.get(`name:${key}`)} 行同名同界别且都没有手机号`);
    else phonesInFile.set(`name:${key}`, line);
  }

  if (reasons.length || !affiliation || !position) return { ok: false, name, reasons };
  return {
    ok: true,
    row: {
      line,
      name,
      phone,
      kind: position === '机关干部' ? 'staff' : 'committee_member',
      position,
      affiliation,
      sectorId,
      sectorName,
      committeeIds: [...new Set(committeeIds)],
      memberships,
      gender,
      ethnicity,
      birthMonth,
      workUnit,
      term,
    },
  };
}
