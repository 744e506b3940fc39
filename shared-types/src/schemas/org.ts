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
  closeBranch: z.strictObject({ id: idSchema('支部'), reason: multilineText().trim().min(2).max(200).describe('原因') }),
  mergeBranches: z.strictObject({ sourceId: idSchema('被合并的支部'), targetId: idSchema('合并到的支部') }),
  saveGroup: z.strictObject({
    kind: z.enum(['committee', 'sector']).describe('类别'),
    id: idSchema('编号').optional(),
    name: plainText().trim().min(2).max(40).describe('名称'),
  }),
};
