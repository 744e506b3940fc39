import { emptyInput } from './common';

export const homeSchemas = {
  /** 我的待办：最急的在前 */
  todos: emptyInput,
};
