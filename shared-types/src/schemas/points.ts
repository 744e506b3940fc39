import { z } from 'zod';
import { FIVE_ONE_ITEMS, FORBIDDEN_BASIS_WORDS, POINTS_CATEGORIES, POINTS_TRACKS, RULE_BASES, VISIBILITY_OPTIONS } from '../points';
import { idSchema, multilineText, pageInput, plainText } from './common';

const year = z.number().int().min(2000).max(2100).describe('年度');
const reason = multilineText().trim().min(2, '请写明原因（至少 2 个字）').max(200).describe('原因');
const noForbiddenBasis = (s: string) => !FORBIDDEN_BASIS_WORDS.some((w) => s.includes(w));
const FORBIDDEN_MESSAGE = `不能以${FORBIDDEN_BASIS_WORDS.join('、')}作为积分依据（国办函〔2026〕12号）`;

export const pointsSchemas = {
  /** 我的积分：某年的合计、每条流水的来由、五个一 */
  mine: z.strictObject({ year: year.optional() }).optional(),
  /** 管理员或书记查看某位成员的积分 */
  ledger: z.strictObject({ memberId: idSchema('成员'), year: year.optional() }),
  /** 书记评定品行/考评分（可加可减，必须写原因） */
  adjust: z.strictObject({
    memberId: idSchema('成员'),
    ruleCode: plainText().min(1).max(60).describe('规则'),
    points: z
      .number()
      .int()
      .min(-100)
      .max(100)
      .refine((n) => n !== 0, '分值不能为 0')
      .describe('分值'),
    reason,
    /** 记入哪一年：缺省本年度；年初可补记上一年度（须未关账） */
    year: year.optional(),
  }),
  /** 冲正一条记录（记错了）；关账年度只有管理员可以 */
  reverse: z.strictObject({ entryId: idSchema('积分记录'), reason }),
  appeal: z.strictObject({
    entryId: idSchema('积分记录'),
    reason: multilineText().trim().min(5, '请写明申诉理由（至少 5 个字）').max(500).describe('申诉理由'),
  }),
  myAppeals: z.strictObject({}).optional(),
  listAppeals: z.strictObject({ status: z.enum(['pending', 'accepted', 'rejected', 'all']).default('pending').describe('状态'), ...pageInput }),
  answerAppeal: z.strictObject({
    appealId: idSchema('申诉'),
    accept: z.boolean().describe('是否采纳'),
    answer: multilineText().trim().min(2, '请写明答复（至少 2 个字）').max(500).describe('答复'),
  }),
  rules: z.strictObject({ includeHistory: z.boolean().default(false).describe('含历史版本') }).optional(),
  saveRule: z
    .strictObject({
      code: plainText()
        .trim()
        .regex(/^[a-z][a-z0-9_.]{2,59}$/, '规则代码只能用小写字母、数字、点和下划线')
        .describe('规则代码'),
      name: plainText().trim().min(2).max(40).refine(noForbiddenBasis, FORBIDDEN_MESSAGE).describe('规则名称'),
      track: z.enum(POINTS_TRACKS).describe('积分类别'),
      category: z.enum(POINTS_CATEGORIES).describe('分类'),
      basis: z.enum(RULE_BASES).describe('依据'),
      points: z.number().int().min(-100).max(100).describe('每次分值'),
      minPoints: z.number().int().min(-100).max(100).nullable().default(null).describe('最低分值'),
      maxPoints: z.number().int().min(-100).max(100).nullable().default(null).describe('最高分值'),
      yearlyCap: z.number().int().min(0).max(1000).nullable().default(null).describe('年度上限'),
      /** 每人每年只记一次；不给则沿用现行版本（新规则为否） */
      oncePerYear: z.boolean().optional().describe('每年只记一次'),
      appliesTo: z.enum(['cpc', 'all']).describe('适用对象'),
      active: z.boolean().default(true).describe('启用'),
      description: multilineText().trim().max(200).refine(noForbiddenBasis, FORBIDDEN_MESSAGE).default('').describe('说明'),
    })
    .refine((r) => (r.track === 'party') === (r.category !== '履职'), {
      message: '党员积分的分类是学习、履责、品行、考评；委员履职积分的分类是履职',
      path: ['category'],
    })
    .refine((r) => r.minPoints === null || r.maxPoints === null || r.minPoints <= r.maxPoints, { message: '最低分值不能大于最高分值', path: ['minPoints'] }),
  closeYear: z.strictObject({ year }),
  setVisibility: z.strictObject({ visibility: z.enum(VISIBILITY_OPTIONS).describe('可见范围') }),
  overview: z.strictObject({ year: year.optional() }).optional(),
  /** 记录五个一中没有其他模块产生的事项（如民生实事） */
  recordFiveOne: z.strictObject({
    memberId: idSchema('成员'),
    item: z.enum(FIVE_ONE_ITEMS).describe('事项'),
    title: plainText().trim().min(2).max(60).describe('事项名称'),
    date: z.iso.date('日期格式应为 YYYY-MM-DD').describe('日期'),
  }),
};
