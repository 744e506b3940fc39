import { ERROR_MESSAGES, type ErrorCode, type ErrorKey, wireCode } from '@tongxin/shared-types';
import type { AnyAction } from './action';

export interface ActionErrorInfo {
  /** 线上的错误码 */
  code: ErrorCode;
  /** 目录里的键（含 `#变体`） */
  key: ErrorKey;
  /** 默认提示（`{名字}` 处由服务器填值） */
  message: string;
}

/** 分发器对每个操作都可能给出的码（身份、输入、意外） */
const ALWAYS: ErrorKey[] = ['UNAUTHENTICATED', 'INVALID_PARAMETER#FIELD', 'INTERNAL'];

/** 一个操作可能返回的全部错误：分发器按声明产生的，加上处理器声明的 */
export function actionErrors(def: AnyAction): ActionErrorInfo[] {
  const keys: ErrorKey[] = [...ALWAYS];
  if (def.access !== 'identity') keys.push('NOT_BOUND');
  if (typeof def.access === 'object') {
    keys.push('FORBIDDEN');
    if (def.access.scope)
      keys.push(def.access.scope.kind === 'branch' || def.access.scope.kind === 'branchOf' ? 'FORBIDDEN#OUT_OF_BRANCH' : 'FORBIDDEN#MEMBER_OUT_OF_BRANCH');
  }
  keys.push(...def.errors);
  return [...new Set(keys)].map((key) => ({ code: wireCode(key), key, message: ERROR_MESSAGES[key] }));
}
