import { z } from 'zod';
import { normalizeInviteCode } from '../invite';
import { emptyInput, plainText } from './common';

export const memberSchemas = {
  /** 本人资料、角色与组织关系 */
  me: emptyInput,
  /** 用邀请码绑定微信身份（姓名用于核对，防止输错码绑到别人） */
  bind: z.strictObject({
    code: plainText()
      .transform(normalizeInviteCode)
      .pipe(z.string().regex(/^[2-9A-HJ-NP-Z]{8}$/, '邀请码应为 8 位字母或数字'))
      .describe('邀请码'),
    name: plainText().trim().min(1).max(40).describe('姓名'),
  }),
};
