import { type IncomingMessage, type ServerResponse, createServer, type Server } from 'node:http';
import { z } from 'zod';
import { AppError, type DevIdentity, type Envelope, fail, failWith, ok } from '@tongxin/shared-types';
import type { LocalFileStorage } from '../adapters/storage-local';
import type { Deps } from '../core/action';
import { resolveActorOrUnit } from '../core/actor';
import type { CloudFunction } from '../core/dispatch';
import { actionErrors } from '../core/errors';
import { DEMO_IDENTITIES } from '../seed/demo';
import { createStaticFiles } from './static';
import { devOutbox, devSenders, devTick } from './dev-reminders';

export interface HostOptions {
  deps: Deps;
  functions: Record<string, CloudFunction>;
  /** 本地上传（POST /api/upload）存放处；与 deps.files 是同一个存储 */
  files: LocalFileStorage;
  /** H5 构建目录；没有时只提供接口 */
  staticDir?: string;
}

/** 函数调用只带 JSON（文件走 /api/upload），1 MB 足够 */
const MAX_BODY_BYTES = 1024 * 1024;
/** 本地上传的上限：与 CloudBase 上函数自己检查的上限一致（见 roster/import.ts 的 IMPORT_MAX_BYTES） */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * 本地宿主：把每个云函数暴露为 POST /api/fn/<name>，身份取自请求头 x-dev-openid。
 * 这个请求头和 /api/dev/* 只存在于本地模式；云函数入口只信任 getWXContext()。
 */
export function createHost({ deps, functions, files, staticDir }: HostOptions): Server {
  const statics = createStaticFiles(staticDir);
  void statics.warm();
  return createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      deps.logger.error('host failure', { url: req.url, error: err instanceof Error ? err.stack : String(err) });
      if (!res.headersSent) sendJson(res, 500, fail('INTERNAL'));
      else res.end();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const fnMatch = /^\/api\/fn\/([\w-]+)\/?$/.exec(url.pathname);
    if (fnMatch) {
      if (req.method !== 'POST') return sendJson(res, 405, fail('INVALID_PARAMETER#USE_POST'));
      const fn = Object.hasOwn(functions, fnMatch[1]) ? functions[fnMatch[1]] : undefined;
      if (!fn) return sendJson(res, 200, fail('UNKNOWN_ACTION#FUNCTION', { name: fnMatch[1] }));
      const body = await readJson(req);
      if (!body.ok) return sendJson(res, 200, body.envelope);
      const openid = headerValue(req.headers['x-dev-openid']);
      return sendJson(res, 200, await fn.handle(body.value, openid, deps));
    }
    if (url.pathname === '/api/upload') {
      if (req.method !== 'POST') return sendJson(res, 405, fail('INVALID_PARAMETER#USE_POST'));
      return sendJson(res, 200, await receiveUpload(req, deps, files));
    }
    if (url.pathname === '/api/dev/identities' && req.method === 'GET') return sendJson(res, 200, ok(await listIdentities(deps)));
    if (url.pathname === '/api/dev/contract' && req.method === 'GET') return sendJson(res, 200, ok(describeContract(functions)));
    // 提醒：本地发件箱、按指定时间跑一轮定时器、发送器的测试开关（延迟、拒收、失败）
    if (url.pathname === '/api/dev/outbox' && req.method === 'GET') return sendJson(res, 200, ok(await devOutbox(deps, url.searchParams)));
    if (url.pathname === '/api/dev/tick' && req.method === 'POST') {
      const body = await readJson(req);
      return sendJson(res, 200, body.ok ? await devTick(deps, body.value) : body.envelope);
    }
    if (url.pathname === '/api/dev/senders' && req.method === 'POST') {
      const body = await readJson(req);
      return sendJson(res, 200, body.ok ? devSenders(deps, body.value) : body.envelope);
    }
    if (url.pathname.startsWith('/api/')) return sendJson(res, 404, fail('NOT_FOUND#API'));
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, fail('INVALID_PARAMETER#METHOD'));
    return statics.serve(req, res, url.pathname);
  }
}

/**
 * 本地模式的上传（相当于小程序里的 Taro.cloud.uploadFile）：请求体就是文件内容，交回一个 id，函数再凭 id 取回。
 * 只收已绑定的成员的上传；超过上限的不落盘。
 */
async function receiveUpload(req: IncomingMessage, deps: Deps, files: LocalFileStorage): Promise<Envelope<{ fileId: string }>> {
  const openid = headerValue(req.headers['x-dev-openid']);
  if (!openid) return fail('UNAUTHENTICATED');
  try {
    // 承办单位的工作人员也上传（答复函）
    await resolveActorOrUnit(deps.db, openid);
  } catch (err) {
    if (err instanceof AppError) return failWith(err);
    throw err;
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  const tooLarge = () => fail('FILE.TOO_LARGE', { maxMb: MAX_UPLOAD_BYTES / 1024 / 1024 });
  if (declared > MAX_UPLOAD_BYTES) {
    req.resume();
    return tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_UPLOAD_BYTES) {
      req.resume();
      return tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return fail('FILE.EMPTY');
  return ok({ fileId: files.save(Buffer.concat(chunks)) });
}

async function listIdentities(deps: Deps): Promise<DevIdentity[]> {
  return Promise.all(
    DEMO_IDENTITIES.map(async (d) => {
      const actor = await resolveActorOrUnit(deps.db, d.openid).catch(() => undefined);
      return { openid: d.openid, name: actor?.name ?? d.name, roles: actor?.roles ?? [], description: d.description };
    }),
  );
}

function describeContract(functions: Record<string, CloudFunction>) {
  return Object.values(functions).map((fn) => ({
    name: fn.name,
    actions: Object.entries(fn.actions).map(([action, def]) => ({
      action,
      access: def.access,
      input: z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }),
      errors: actionErrors(def),
    })),
  }));
}

async function readJson(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; envelope: Envelope<never> }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return { ok: false, envelope: fail('INVALID_PARAMETER#BODY_TOO_LARGE') };
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, envelope: fail('INVALID_PARAMETER#NOT_JSON') };
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function headerValue(v: string | string[] | undefined): string | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  return s && s.trim() ? s.trim() : undefined;
}
