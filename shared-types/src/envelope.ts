import { AppError, type AppErrorBody, type ErrorArgs, type ErrorKey } from './errors';

/** 每个云函数收到的事件 */
export interface FunctionEvent<D = unknown> {
  action: string;
  data?: D;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: AppErrorBody };

export function ok<T>(data: T): Envelope<T> {
  return { ok: true, data };
}

/** 失败信封：按目录写出提示（`fail('NOT_FOUND#API')`、`fail('POINTS.YEAR_CLOSED', { year })`） */
export function fail<K extends ErrorKey>(key: K, ...args: ErrorArgs<K>): Envelope<never> {
  return failWith(new AppError(key, ...args));
}

/** 把抛出的 AppError 变成信封；requestId 只随 INTERNAL 发出，便于对照服务器日志 */
export function failWith(err: AppError, requestId?: string): Envelope<never> {
  const error: AppErrorBody = { code: err.code, message: err.message };
  if (requestId) error.requestId = requestId;
  return { ok: false, error };
}
