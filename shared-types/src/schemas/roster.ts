import { z } from 'zod';
import { AFFILIATIONS, BIRTH_MONTH, BRANCH_DUTIES, ETHNICITIES, GENDERS, MEMBERSHIP_KINDS, MEMBER_KINDS, POSITIONS } from '../domain';
import { idSchema, multilineText, pageInput, plainText } from './common';

export const phoneSchema = plainText()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '手机号应为 11 位数字，以 1 开头')
  .describe('手机号');

export const membershipInput = z.strictObject({
  branchId: idSchema('支部'),
  kind: z.enum(MEMBERSHIP_KINDS).describe('组织关系类别'),
  duty: z.enum(BRANCH_DUTIES).default('党员').describe('支部职务'),
});

const memberFields = {
  name: plainText().trim().min(1).max(40).describe('姓名'),
  phone: phoneSchema.nullable(),
  kind: z.enum(MEMBER_KINDS).describe('成员类别'),
  position: z.enum(POSITIONS).describe('职务'),
  affiliation: z.enum(AFFILIATIONS).describe('政治面貌'),
  sectorId: idSchema('界别').nullable(),
  committeeIds: z.array(idSchema('专委会')).max(10).describe('专委会'),
  memberships: z.array(membershipInput).max(10).describe('组织关系'),
  // describe 写在里层：create 再包一层 default 之后，报错仍点得出字段名
  gender: z.enum(GENDERS, { error: '应为 男 或 女' }).describe('性别').nullable().describe('性别'),
  ethnicity: z.enum(ETHNICITIES, { error: '应为 56 个民族之一，如“汉族”' }).describe('民族').nullable().describe('民族'),
  birthMonth: plainText().trim().regex(BIRTH_MONTH, '应为 YYYY-MM，如 1965-03').describe('出生年月').nullable().describe('出生年月'),
  workUnit: plainText().trim().max(100).describe('工作单位及职务').nullable().describe('工作单位及职务'),
  term: plainText().trim().max(20).describe('届次').nullable().describe('届次'),
};

const memberId = idSchema('成员');
const fileInput = z.strictObject({
  fileName: plainText()
    .trim()
    .min(1)
    .max(120)
    .regex(/\.(xlsx|csv)$/i, '只支持 .xlsx 或 .csv 文件')
    .describe('文件名'),
  // 客户端先上传（小程序：云存储 fileID；本地：POST /api/upload 交回的 id），函数凭 id 取回文件
  fileId: plainText()
    .trim()
    .max(512)
    .regex(/^(local\/[0-9a-f-]{36}|cloud:\/\/\S+)$/, '不是有效的上传文件')
    .describe('上传的文件'),
});

/** 名册的筛选条件：列表与导出共用 */
const listFilters = {
  q: plainText().trim().max(40).optional().describe('搜索'),
  branchId: idSchema('支部').optional(),
  committeeId: idSchema('专委会').optional(),
  sectorId: idSchema('界别').optional(),
  status: z.enum(['active', 'retired', 'all']).default('active').describe('状态'),
};

export const rosterSchemas = {
  list: z.strictObject({ ...listFilters, ...pageInput }),
  /** 按同样的筛选条件导出名册（XLSX，含手机号等个人信息：只限管理员，记入审计） */
  exportRoster: z.strictObject(listFilters),
  get: z.strictObject({ memberId }),
  create: z.strictObject({
    ...memberFields,
    phone: memberFields.phone.default(null),
    sectorId: memberFields.sectorId.default(null),
    committeeIds: memberFields.committeeIds.default([]),
    memberships: memberFields.memberships.default([]),
    gender: memberFields.gender.default(null),
    ethnicity: memberFields.ethnicity.default(null),
    birthMonth: memberFields.birthMonth.default(null),
    workUnit: memberFields.workUnit.default(null),
    term: memberFields.term.default(null),
  }),
  update: z.strictObject({
    memberId,
    name: memberFields.name.optional(),
    phone: memberFields.phone.optional(),
    kind: memberFields.kind.optional(),
    position: memberFields.position.optional(),
    affiliation: memberFields.affiliation.optional(),
    sectorId: memberFields.sectorId.optional(),
    committeeIds: memberFields.committeeIds.optional(),
    memberships: memberFields.memberships.optional(),
    gender: memberFields.gender.optional(),
    ethnicity: memberFields.ethnicity.optional(),
    birthMonth: memberFields.birthMonth.optional(),
    workUnit: memberFields.workUnit.optional(),
    term: memberFields.term.optional(),
  }),
  retire: z.strictObject({ memberId, reason: multilineText().trim().min(2).max(200).describe('原因') }),
  setAdmin: z.strictObject({ memberId, admin: z.boolean().describe('是否管理员') }),
  issueInvite: z.strictObject({ memberId }),
  /**
   * 批量签发：为筛选出的每一位在册、尚未绑定的成员签发邀请码（同一事务，一条审计）。
   * 已有未过期邀请码的人默认跳过（那张码可能已经发到本人手里）；reissue 为真时作废旧码重新签发。
   */
  issueInvites: z.strictObject({
    q: listFilters.q,
    branchId: listFilters.branchId,
    committeeId: listFilters.committeeId,
    sectorId: listFilters.sectorId,
    reissue: z.boolean().default(false).describe('重新签发已有邀请码的人'),
  }),
  unbind: z.strictObject({ memberId, reason: multilineText().trim().min(2).max(200).describe('原因') }),
  /** 导入模板（XLSX）：表头、一行示例、可填的值 */
  importTemplate: z.strictObject({}).optional().describe('导入模板'),
  previewImport: fileInput,
  commitImport: fileInput,
  cleanupUploads: z.strictObject({}).optional().describe('清理无人引用的上传'),
  /** 审计日志：按操作、人（操作者姓名，或被操作的成员）、日期（北京时间，含首尾）筛选 */
  auditLog: z.strictObject({
    action: plainText().max(60).optional().describe('操作'),
    person: plainText().trim().min(1).max(40).optional().describe('人员'),
    memberId: idSchema('成员').optional(),
    from: z.iso.date('日期格式应为 YYYY-MM-DD').optional().describe('起始日期'),
    to: z.iso.date('日期格式应为 YYYY-MM-DD').optional().describe('截止日期'),
    ...pageInput,
  }),
};
