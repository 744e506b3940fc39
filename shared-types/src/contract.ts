import type { z } from 'zod';
import { memberSchemas } from './schemas/member';
import type { MemberProfile } from './domain';

/**
 * 所有云函数及其操作的输入 schema。服务端据此校验，本地宿主据此生成 /api/dev/contract。
 */
export const contract = {
  member: memberSchemas,
} as const;

export type Contract = typeof contract;
export type FunctionName = keyof Contract;
export type ActionName<F extends FunctionName> = keyof Contract[F] & string;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Contract[F][A] extends z.ZodType
  ? z.input<Contract[F][A]>
  : never;

/** 各操作的返回类型 */
export interface ActionOutputs {
  member: {
    me: MemberProfile;
  };
}

export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = F extends keyof ActionOutputs
  ? A extends keyof ActionOutputs[F]
    ? ActionOutputs[F][A]
    : unknown
  : unknown;
