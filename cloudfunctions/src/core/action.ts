import type { z } from 'zod';
import type { AppRole, ErrorKey } from '@tongxin/shared-types';
import type { Clock, CodeRenderer, ContentCheck, FileStorage, Logger, Random, ReminderPorts } from './ports';
import type { DB } from '../db/connect';
import type { Actor } from './actor';

/** 注入到处理器的适配器：云函数与本地宿主只在这里不同。 */
export interface Deps {
  db: DB;
  clock: Clock;
  logger: Logger;
  random: Random;
  codes: CodeRenderer;
  /** 客户端上传的文件（云存储或本地 .data/uploads） */
  files: FileStorage;
  /** 内容安全检查（微信 msgSecCheck，或本地词表） */
  content: ContentCheck;
  /** 服务器密钥（来自配置，从不进仓库） */
  secrets: { checkin: string };
  /** 提醒的发送器与模板配置；不给时用本地发件箱（dev_outbox），见 adapters/senders-local.ts */
  reminders?: ReminderPorts;
}

/**
 * 书记的权限范围（管理员不受此限）：
 * - `member`：目标成员须在调用者担任书记的某个支部里；
 * - `branch`：目标支部须是调用者担任书记的支部（取不到支部 id 时，由处理器按本人支部过滤）。
 */
// 默认参数用 any：Scope<具体输入> 要能放进 Scope[] 的列表里（函数参数逆变，unknown 放不进）
// eslint-disable-next-line @typescript-eslint/no-explicit-any
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
}

/**
 * inlineIdentity 的处理器拿到的上下文：身份由处理器在自己的语句里解析（把 actorSelect 作为 CTE 嵌进去，用 toActor 判定）；
 * 在此之前就要失败时，先调 resolveActor()——未绑定的调用者只会看到 NOT_BOUND，与其他操作一样。
 */
export interface InlineIdentityContext extends IdentityContext {
  resolveActor(): Promise<Actor>;
}

type ContextFor<A extends Access, Inline extends boolean> = A extends 'identity' ? IdentityContext : Inline extends true ? InlineIdentityContext : ActorContext;

export interface ActionDef<S extends z.ZodType, A extends Access, O, Inline extends boolean = false> {
  input: S;
  /**
   * 处理器（含它调用的辅助函数）可能抛出的目录键；身份、权限、输入校验与 INTERNAL 由分发器统一产生，不必列。
   * /api/dev/contract 据此列出每个操作可能的错误码；core/errors.test.ts 核对每个文件里抛出的码都已声明。
   */
  errors: readonly ErrorKey[];
  access: A;
  /** 写操作：管理员与书记的每次写都记入审计日志（矩阵测试据此检查） */
  writes?: boolean;
  /**
   * 热路径用（签到），只用于 access 为 'member' 的操作：分发器不先单独查一次身份，由处理器把身份解析并进它唯一的那条语句，
   * 高峰时每次少一次往返。错误的先后不变：输入不合格、或处理器在解析身份前抛出业务错误时，分发器先核对身份，
   * 未绑定的仍只得到 NOT_BOUND。
   */
  inlineIdentity?: Inline;
  handler: (input: z.output<S>, ctx: ContextFor<A, Inline>) => Promise<O>;
}

/** 声明一个操作：输入 schema、访问规则与处理器放在一起。 */
export function defineAction<S extends z.ZodType, A extends Access, O, Inline extends boolean = false>(
  def: ActionDef<S, A, O, Inline> & (Inline extends true ? { access: 'member' } : unknown),
): ActionDef<S, A, O, Inline> {
  return def;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAction = ActionDef<z.ZodType, Access, any, boolean>;
