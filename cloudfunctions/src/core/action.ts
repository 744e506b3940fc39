import type { z } from 'zod';
import type { RawBuilder } from 'kysely';
import type { AppRole } from '@tongxin/shared-types';
import type { Clock } from '../adapters/clock';
import type { Logger } from '../adapters/logger';
import type { Random } from '../adapters/random';
import type { CodeRenderer } from '../adapters/codes';
import type { DB } from '../db/connect';
import type { Actor } from './actor';

/** 注入到处理器的适配器：云函数与本地宿主只在这里不同。 */
export interface Deps {
  db: DB;
  clock: Clock;
  logger: Logger;
  random: Random;
  codes: CodeRenderer;
  /** 服务器密钥（来自配置，从不进仓库） */
  secrets: { checkin: string };
}

/**
 * 书记的权限范围（管理员不受此限）：
 * - `member`：目标成员须在调用者担任书记的某个支部里；
 * - `branch`：目标支部须是调用者担任书记的支部（取不到支部 id 时，由处理器按本人支部过滤）。
 */
export type Scope<I = any> =
  | { kind: 'member'; memberId: (input: I) => string }
  /** 目标成员要先查出来（如某条积分记录、某个申诉属于谁）；查不到视为越界 */
  | { kind: 'memberOf'; lookup: (deps: Deps, orgId: string, input: I) => Promise<string | undefined> }
  /** 目标所属的支部要先查出来（如某场活动的主办支部）；查不到或不属于任何支部视为越界 */
  | { kind: 'branchOf'; lookup: (deps: Deps, orgId: string, input: I) => Promise<string | null | undefined> }
  | { kind: 'branch'; branchId: (input: I) => string | undefined };

/**
 * 谁可以调用：
 * - `identity`：只要有微信身份（如绑定邀请码）；
 * - `member`：任何已绑定的成员；
 * - 角色列表：调用者至少有其中一个角色；有 scope 时，非管理员还须在范围内。
 */
export type Access = 'identity' | 'member' | { roles: readonly AppRole[]; scope?: Scope };

export interface IdentityContext {
  deps: Deps;
  openid: string;
  requestId: string;
}

export interface ActorContext extends IdentityContext {
  actor: Actor;
  /** prefetch 取回的数据（没有声明 prefetch 或取不到时为 null） */
  prefetched: unknown;
}

type ContextFor<A extends Access> = A extends 'identity' ? IdentityContext : ActorContext;

export interface ActionDef<S extends z.ZodType, A extends Access, O> {
  input: S;
  access: A;
  /** 写操作：管理员与书记的每次写都记入审计日志（矩阵测试据此检查） */
  writes?: boolean;
  /**
   * 热路径用：与解析身份同一条语句取回处理器要用的一样东西（一条返回单值的子查询，如活动行的 JSON）。
   * 入参是未经校验的原始 data，只能当作 SQL 参数使用；处理器须自行核对取回的东西（如是否属于本政协）。
   */
  prefetch?: (data: unknown) => RawBuilder<unknown> | null;
  handler: (input: z.output<S>, ctx: ContextFor<A>) => Promise<O>;
}

/** 声明一个操作：输入 schema、访问规则与处理器放在一起。 */
export function defineAction<S extends z.ZodType, A extends Access, O>(def: ActionDef<S, A, O>): ActionDef<S, A, O> {
  return def;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAction = ActionDef<z.ZodType, Access, any>;
