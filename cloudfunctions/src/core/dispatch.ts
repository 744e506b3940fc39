import { randomUUID } from 'node:crypto';
import { AppError, type Envelope, describeIssues, failWith, ok } from '@tongxin/shared-types';
import { type Actor, resolveActor, resolveActorOrUnit } from './actor';
import type { AnyAction, Deps } from './action';
import { assertInScope } from './scope';

export interface CloudFunction {
  name: string;
  actions: Record<string, AnyAction>;
  /** 处理一个事件；永远返回信封，不向外抛出。openid 只来自已校验的上下文。 */
  handle(event: unknown, openid: string | undefined | null, deps: Deps): Promise<Envelope<unknown>>;
}

/** 云函数的入口只做分发：action → 处理器。 */
export function createFunction(name: string, actions: Record<string, AnyAction>): CloudFunction {
  return {
    name,
    actions,
    async handle(event, openid, deps) {
      const requestId = randomUUID();
      try {
        return ok(await run(actions, event, openid, deps, requestId));
      } catch (err) {
        if (err instanceof AppError) return failWith(err);
        deps.logger.error('unexpected failure', {
          requestId,
          fn: name,
          action: isRecord(event) ? event.action : undefined,
          error: err instanceof Error ? (err.stack ?? err.message) : String(err),
        });
        return failWith(new AppError('INTERNAL'), requestId);
      }
    },
  };
}

async function run(actions: Record<string, AnyAction>, event: unknown, openid: string | undefined | null, deps: Deps, requestId: string): Promise<unknown> {
  // 1. 事件外形
  if (!isRecord(event) || typeof event.action !== 'string') {
    throw new AppError('INVALID_PARAMETER#NO_ACTION');
  }
  const action = Object.hasOwn(actions, event.action) ? actions[event.action] : undefined;
  if (!action) throw new AppError('UNKNOWN_ACTION#NAMED', { action: event.action.slice(0, 40) });

  // 2. 身份与权限（先于输入校验：未授权者看不到输入规则）
  if (!openid) throw new AppError('UNAUTHENTICATED');
  if (action.inlineIdentity) return runInline(action, event.data, openid, deps, requestId);
  let actor: Actor | undefined;
  if (action.access !== 'identity') {
    // 只有写明允许承办单位（handler）的操作才认承办单位的绑定
    const unitsAllowed = typeof action.access === 'object' && action.access.roles.includes('handler');
    actor = unitsAllowed ? await resolveActorOrUnit(deps.db, openid) : await resolveActor(deps.db, openid);
    if (typeof action.access === 'object' && !action.access.roles.some((r) => actor!.roles.includes(r))) {
      throw new AppError('FORBIDDEN');
    }
  }

  // 3. 输入校验
  const parsed = action.input.safeParse(event.data);
  if (!parsed.success) throw new AppError('INVALID_PARAMETER#FIELD', { detail: describeIssues(action.input, parsed.error.issues, event.data) });

  // 4. 书记的范围（管理员不受限）
  if (actor && typeof action.access === 'object' && action.access.scope) {
    await assertInScope(deps, actor, action.access.roles, action.access.scope, parsed.data);
  }

  // 5. 处理器
  return action.handler(parsed.data, { deps, openid, requestId, actor } as never);
}

/**
 * 身份并进处理器语句的操作（见 ActionDef.inlineIdentity）。正常路径上身份只在处理器那一条语句里解析；
 * 出错时先核对身份（至多一次查询），保证错误的先后与其他操作一样：未绑定 → NOT_BOUND，之后才轮到输入与业务错误。
 */
async function runInline(action: AnyAction, data: unknown, openid: string, deps: Deps, requestId: string): Promise<unknown> {
  let resolved: Promise<Actor> | undefined;
  const ensureActor = () => (resolved ??= resolveActor(deps.db, openid));
  const parsed = action.input.safeParse(data);
  if (!parsed.success) {
    await ensureActor();
    throw new AppError('INVALID_PARAMETER#FIELD', { detail: describeIssues(action.input, parsed.error.issues, data) });
  }
  try {
    return await action.handler(parsed.data, { deps, openid, requestId, resolveActor: ensureActor } as never);
  } catch (err) {
    if (err instanceof AppError && err.code !== 'NOT_BOUND') await ensureActor();
    throw err;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
