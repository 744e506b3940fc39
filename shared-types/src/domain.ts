/** 组织与成员的领域词汇：客户端与服务端共用。 */

/** 党组织层级：政协党组 → 机关党组 → 机关党委 → 党总支 → 党支部 → 党小组 */
export const PARTY_ORG_LEVELS = ['党组', '机关党组', '机关党委', '党总支', '党支部', '党小组'] as const;
export type PartyOrgLevel = (typeof PARTY_ORG_LEVELS)[number];

/** 党支部类别 */
export const BRANCH_KINDS = ['机关支部', '离退休支部', '功能型党支部', '界别党支部', '临时党支部'] as const;
export type BranchKind = (typeof BRANCH_KINDS)[number];

/** 政治面貌 */
export const AFFILIATIONS = ['中共党员', '民革', '民盟', '民建', '民进', '农工党', '致公党', '九三学社', '台盟', '无党派', '群众'] as const;
export type Affiliation = (typeof AFFILIATIONS)[number];

/** 政协职务（机关干部另列） */
export const POSITIONS = ['主席', '副主席', '秘书长', '常委', '委员', '机关干部'] as const;
export type Position = (typeof POSITIONS)[number];

/** 性别 */
export const GENDERS = ['男', '女'] as const;
export type Gender = (typeof GENDERS)[number];

/** 民族：国家认定的 56 个民族（名册、导入按此核对） */
export const ETHNICITIES = [
  '汉族',
  '蒙古族',
  '回族',
  '藏族',
  '维吾尔族',
  '苗族',
  '彝族',
  '壮族',
  '布依族',
  '朝鲜族',
  '满族',
  '侗族',
  '瑶族',
  '白族',
  '土家族',
  '哈尼族',
  '哈萨克族',
  '傣族',
  '黎族',
  '傈僳族',
  '佤族',
  '畲族',
  '高山族',
  '拉祜族',
  '水族',
  '东乡族',
  '纳西族',
  '景颇族',
  '柯尔克孜族',
  '土族',
  '达斡尔族',
  '仫佬族',
  '羌族',
  '布朗族',
  '撒拉族',
  '毛南族',
  '仡佬族',
  '锡伯族',
  '阿昌族',
  '普米族',
  '塔吉克族',
  '怒族',
  '乌孜别克族',
  '俄罗斯族',
  '鄂温克族',
  '德昂族',
  '保安族',
  '裕固族',
  '京族',
  '塔塔尔族',
  '独龙族',
  '鄂伦春族',
  '赫哲族',
  '门巴族',
  '珞巴族',
  '基诺族',
] as const;
export type Ethnicity = (typeof ETHNICITIES)[number];

/** 出生年月 YYYY-MM（1900–2099 年） */
export const BIRTH_MONTH = /^(19|20)\d{2}-(0[1-9]|1[0-2])$/;

/** 成员类别：委员 / 机关干部 */
export const MEMBER_KINDS = ['committee_member', 'staff'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];

/** 组织关系：primary 所在单位支部（第一组织关系），functional 功能型党支部 */
export const MEMBERSHIP_KINDS = ['primary', 'functional'] as const;
export type MembershipKind = (typeof MEMBERSHIP_KINDS)[number];

/** 支部内职务 */
export const BRANCH_DUTIES = ['书记', '副书记', '支委', '党务干部', '党员'] as const;
export type BranchDuty = (typeof BRANCH_DUTIES)[number];
/** 这些职务可以管理所在支部（支部书记 / 党务干部） */
export const BRANCH_MANAGER_DUTIES: readonly BranchDuty[] = ['书记', '副书记', '党务干部'];

/** 应用角色：决定能调用哪些操作 */
/** handler：承办单位的工作人员（不是委员，只能用承办单位的操作） */
export const APP_ROLES = ['admin', 'secretary', 'member', 'staff', 'handler'] as const;
export type AppRole = (typeof APP_ROLES)[number];
export const APP_ROLE_LABELS: Record<AppRole, string> = {
  admin: '管理员',
  secretary: '支部书记',
  member: '委员',
  staff: '机关干部',
  handler: '承办单位',
};

export interface BranchMembershipView {
  branchId: string;
  branchName: string;
  branchKind: BranchKind | null;
  kind: MembershipKind;
  duty: BranchDuty;
}

export interface NamedRef {
  id: string;
  name: string;
}

/** member.me 的返回：本人资料 */
export interface MemberProfile {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  /** 本人手机号（本人可见完整号码） */
  phone: string | null;
  kind: MemberKind;
  position: Position;
  affiliation: Affiliation;
  sector: NamedRef | null;
  committees: NamedRef[];
  roles: AppRole[];
  branches: BranchMembershipView[];
}

/** 本地模式下的演示身份 */
export interface DevIdentity {
  openid: string;
  name: string;
  roles: AppRole[];
  description: string;
}
