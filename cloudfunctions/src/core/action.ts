import type { z } from 'zod';
import type { AppRole } from '@tongxin/shared-types';
import type { Clock } from '../adapters/clock';
import type { Logger } from '../adapters/logger';
import type { DB } from '../db/connect';
import type { Actor } from './actor';

/** 注入到处理器的适配器：云函数与本地宿主只在这里不同。 */
export interface Deps {
  db: DB;
  clock: Clock;
  logger: Logger;
}

/**
 * 谁可以调用：
 * - `identity`：只要有微信身份（如绑定邀请码）；
 * - `member`：任何已绑定的成员；
 * - 角色列表：调用者至少有其中一个角色。
 */
export type Access = 'identity' | 'member' | { roles: readonly AppRole[] };

export interface IdentityContext {
  deps: Deps;
  openid: string;
  requestId: string;
}

export interface ActorContext extends IdentityContext {
  actor: Actor;
}

type ContextFor<A extends Access> = A extends 'identity' ? IdentityContext : ActorContext;

export interface ActionDef<S extends z.ZodType, A extends Access, O> {
  input: S;
  access: A;
  handler: (input: z.output<S>, ctx: ContextFor<A>) => Promise<O>;
}

/** 声明一个操作：输入 schema、访问规则与处理器放在一起。 */
export function defineAction<S extends z.ZodType, A extends Access, O>(def: ActionDef<S, A, O>): ActionDef<S, A, O> {
  return def;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAction = ActionDef<z.ZodType, Access, any>;
