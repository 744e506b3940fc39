import { z } from 'zod';
import { BRANCH_KINDS, PARTY_ORG_LEVELS } from '../domain';
import { emptyInput, idSchema, multilineText, plainText } from './common';

const unitName = plainText().trim().min(2).max(60).describe('名称');

export const orgSchemas = {
  tree: emptyInput,
  createUnit: z.strictObject({
    parentId: idSchema('上级组织').nullable().default(null),
    name: unitName,
    level: z.enum(PARTY_ORG_LEVELS).describe('层级'),
    branchKind: z.enum(BRANCH_KINDS).nullable().default(null).describe('支部类别'),
  }),
  updateUnit: z.strictObject({
    id: idSchema('组织'),
    name: unitName.optional(),
    parentId: idSchema('上级组织').nullable().optional(),
  }),
  /**
   * 一步开设临时党支部（全会、考察）：名称、起止日期、书记，成员来自名册筛选（只取其中在册的中共党员）或成员名单（须都是在册的中共党员），
   * 两者可以同时给；同一事务、一条审计。成员的关系都是功能型：临时支部从来不是谁的第一组织关系。
   */
  openTemporaryBranch: z
    .strictObject({
      parentId: idSchema('上级组织').nullable().default(null),
      name: unitName,
      startsOn: z.iso.date('日期格式应为 YYYY-MM-DD').describe('开始日期'),
      endsOn: z.iso.date('日期格式应为 YYYY-MM-DD').describe('结束日期'),
      secretaryId: idSchema('书记'),
      memberIds: z.array(idSchema('成员')).max(1000).default([]).describe('成员'),
      filter: z
        .strictObject({
          q: plainText().trim().max(40).optional().describe('搜索'),
          branchId: idSchema('支部').optional(),
          committeeId: idSchema('专委会').optional(),
          sectorId: idSchema('界别').optional(),
        })
        .optional()
        .describe('按名册筛选'),
    })
    .refine((i) => i.endsOn >= i.startsOn, { message: '不能早于开始日期', path: ['endsOn'] }),
  closeBranch: z.strictObject({ id: idSchema('支部'), reason: multilineText().trim().min(2).max(200).describe('原因') }),
  mergeBranches: z.strictObject({ sourceId: idSchema('被合并的支部'), targetId: idSchema('合并到的支部') }),
  saveGroup: z.strictObject({
    kind: z.enum(['committee', 'sector']).describe('类别'),
    id: idSchema('编号').optional(),
    name: plainText().trim().min(2).max(40).describe('名称'),
  }),
};
