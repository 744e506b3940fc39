import type { AppErrorBody, ErrorCode } from './errors';
import { defaultMessage } from './errors';

/** 每个云函数收到的事件 */
export interface FunctionEvent<D = unknown> {
  action: string;
  data?: D;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: AppErrorBody };

export function ok<T>(data: T): Envelope<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message?: string, requestId?: string): Envelope<never> {
  const error: AppErrorBody = { code, message: message ?? defaultMessage(code) };
  if (requestId) error.requestId = requestId;
  return { ok: false, error };
}
