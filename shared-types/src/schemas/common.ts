import { z } from 'zod';

/** 不接受任何字段的输入（只允许省略或空对象） */
export const emptyInput = z.strictObject({}).optional();

export const idSchema = (label: string) => z.uuid({ error: `${label}格式不正确` }).describe(label);

export const pageInput = {
  page: z.number().int().min(1).default(1).describe('页码'),
  pageSize: z.number().int().min(1).max(100).default(20).describe('每页条数'),
};
