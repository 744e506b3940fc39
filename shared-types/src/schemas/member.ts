import { emptyInput } from './common';

export const memberSchemas = {
  /** 本人资料、角色与组织关系 */
  me: emptyInput,
};
