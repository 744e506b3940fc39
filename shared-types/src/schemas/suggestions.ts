import { z } from 'zod';
import { normalizeInviteCode } from '../invite';
import {
  ADOPTION_LEVELS,
  FEEDBACK_KINDS,
  FEEDBACK_SUBJECTS,
  RATINGS,
  SUGGESTION_CATEGORIES,
  SUGGESTION_KINDS,
  SUGGESTION_LIMITS,
  SUGGESTION_STATUSES,
} from '../suggestions';
import { emptyInput, idSchema, multilineText, pageInput, plainText } from './common';

const id = idSchema('建言');
const unitId = idSchema('承办单位');
/** 客户端先上传（云存储 fileID 或本地 id），函数凭 id 取回、自己检查类型与大小 */
const fileId = (label: string) =>
  plainText()
    .trim()
    .max(512)
    .regex(/^(local\/[0-9a-f-]{36}|cloud:\/\/\S+)$/, '不是有效的上传文件')
    .describe(label);
const date = (label: string) => z.iso.date({ error: `${label}应为日期，如 2027-03-01` }).describe(label);
const reason = (label: string) => multilineText().trim().min(2).max(SUGGESTION_LIMITS.note).describe(label);

const draftFields = {
  kind: z.enum(SUGGESTION_KINDS).describe('类型'),
  title: plainText().trim().max(SUGGESTION_LIMITS.title).describe('案由'),
  reasons: multilineText().trim().max(SUGGESTION_LIMITS.reasons).default('').describe('理由'),
  proposals: multilineText().trim().max(SUGGESTION_LIMITS.proposals).default('').describe('建议'),
  category: z.enum(SUGGESTION_CATEGORIES).describe('类别'),
  photos: z.array(fileId('照片')).max(SUGGESTION_LIMITS.photos).default([]).describe('照片'),
};

export const suggestionSchemas = {
  // —— 委员 ——
  /** 新建（不带 id）或修改自己的草稿 */
  saveDraft: z.strictObject({ id: id.optional(), ...draftFields }),
  submit: z.strictObject({ id }),
  /** 提交后、审查前撤回 */
  withdraw: z.strictObject({ id }),
  /** 我的（提出的与被邀请联名的） */
  mine: emptyInput,
  /** 已立案、已采用的（对全体委员公开） */
  published: z.strictObject({ ...pageInput }).optional(),
  get: z.strictObject({ id }),
  /** 看照片、答复函：只给看得到这件建言的人，文件须是这件建言上的 */
  attachment: z.strictObject({ id, fileId: fileId('文件') }),
  /** 联名的候选人：名册里在册的委员，按姓名找 */
  candidates: z.strictObject({ q: plainText().trim().max(20).default('').describe('姓名') }),
  invite: z.strictObject({ id, memberIds: z.array(idSchema('联名人')).min(1).max(20).describe('联名人') }),
  answerInvite: z.strictObject({ id, accept: z.boolean().describe('是否同意联名') }),
  rate: z.strictObject({ id, rating: z.enum(RATINGS).describe('评价') }),

  // —— 政协办公室 ——
  queue: z.strictObject({
    status: z.enum(SUGGESTION_STATUSES).optional().describe('状态'),
    kind: z.enum(SUGGESTION_KINDS).optional().describe('类型'),
    overdue: z.boolean().optional().describe('只看逾期'),
    ...pageInput,
  }),
  file: z.strictObject({ id }),
  reject: z.strictObject({ id, reason: reason('不立案的理由') }),
  convert: z.strictObject({ id, note: multilineText().trim().max(SUGGESTION_LIMITS.note).default('').describe('说明') }),
  assign: z.strictObject({
    id,
    leadUnitId: unitId,
    coUnitIds: z.array(idSchema('协办单位')).max(5).default([]).describe('协办单位'),
    /** 缺省为交办后 3 个月，至多 6 个月 */
    dueOn: date('答复期限').optional(),
  }),
  chase: z.strictObject({ id, note: reason('催办说明') }),
  markKey: z.strictObject({ id }),
  markExcellent: z.strictObject({ id }),
  adopt: z.strictObject({ id, level: z.enum(ADOPTION_LEVELS).describe('采用层级') }),
  archive: z.strictObject({ id, reason: reason('未采用的说明') }),
  instruct: z.strictObject({
    id,
    leader: plainText().trim().min(2).max(30).describe('批示领导'),
    text: multilineText().trim().min(2).max(SUGGESTION_LIMITS.note).describe('批示内容'),
  }),
  exportList: z.strictObject({ year: z.number().int().min(2000).max(2100).describe('年度') }),
  stats: z.strictObject({
    from: date('起始日期'),
    to: date('截止日期'),
    committeeId: idSchema('专委会').optional(),
    sectorId: idSchema('界别').optional(),
    unitId: unitId.optional(),
  }),
  units: emptyInput,
  saveUnit: z.strictObject({ name: plainText().trim().min(2).max(40).describe('单位名称') }),
  addUnitStaff: z.strictObject({ unitId, name: plainText().trim().min(1).max(40).describe('姓名') }),
  issueUnitInvite: z.strictObject({ staffId: idSchema('工作人员') }),

  // —— 承办单位 ——
  /** 承办单位工作人员用邀请码绑定微信 */
  bindUnit: z.strictObject({
    code: plainText()
      .transform(normalizeInviteCode)
      .pipe(z.string().regex(/^[2-9A-HJ-NP-Z]{8}$/, '邀请码应为 8 位字母或数字'))
      .describe('邀请码'),
    name: plainText().trim().min(1).max(40).describe('姓名'),
  }),
  unitMe: emptyInput,
  unitList: emptyInput,
  unitGet: z.strictObject({ id }),
  unitAttachment: z.strictObject({ id, fileId: fileId('文件') }),
  reply: z.strictObject({ id, text: multilineText().trim().min(10).max(SUGGESTION_LIMITS.reply).describe('答复'), letterFileId: fileId('答复函').optional() }),
  meet: z.strictObject({ id, metOn: date('见面日期'), note: multilineText().trim().max(SUGGESTION_LIMITS.note).default('').describe('见面情况') }),

  // —— 投诉建议（人人可用，不记分） ——
  sendFeedback: z.strictObject({
    kind: z.enum(FEEDBACK_KINDS).describe('类别'),
    subject: z.enum(FEEDBACK_SUBJECTS).describe('关于'),
    content: multilineText().trim().min(5).max(2000).describe('内容'),
    anonymous: z.boolean().default(false).describe('匿名'),
  }),
  myFeedback: emptyInput,
  feedbackList: z.strictObject({ ...pageInput }).optional(),
  answerFeedback: z.strictObject({ id: idSchema('投诉建议'), answer: multilineText().trim().min(2).max(2000).describe('答复') }),
};
