import { type IncomingMessage, type ServerResponse, createServer, type Server } from 'node:http';
import { z } from 'zod';
import { type DevIdentity, type Envelope, fail, ok } from '@tongxin/shared-types';
import type { Deps } from '../core/action';
import { resolveActor } from '../core/actor';
import type { CloudFunction } from '../core/dispatch';
import { DEMO_IDENTITIES } from '../seed/demo';
import { createStaticFiles } from './static';

export interface HostOptions {
  deps: Deps;
  functions: Record<string, CloudFunction>;
  /** H5 构建目录；没有时只提供接口 */
  staticDir?: string;
}

const MAX_BODY_BYTES = 20 * 1024 * 1024;

/**
 * 本地宿主：把每个云函数暴露为 POST /api/fn/<name>，身份取自请求头 x-dev-openid。
 * 这个请求头和 /api/dev/* 只存在于本地模式；云函数入口只信任 getWXContext()。
 */
export function createHost({ deps, functions, staticDir }: HostOptions): Server {
  const files = createStaticFiles(staticDir);
  files.warm();
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
      if (req.method !== 'POST') return sendJson(res, 405, fail('INVALID_PARAMETER', '请使用 POST 调用云函数'));
      const fn = Object.hasOwn(functions, fnMatch[1]) ? functions[fnMatch[1]] : undefined;
      if (!fn) return sendJson(res, 200, fail('UNKNOWN_ACTION', `没有名为 ${fnMatch[1]} 的云函数`));
      const body = await readJson(req);
      if (!body.ok) return sendJson(res, 200, body.envelope);
      const openid = headerValue(req.headers['x-dev-openid']);
      return sendJson(res, 200, await fn.handle(body.value, openid, deps));
    }
    if (url.pathname === '/api/dev/identities' && req.method === 'GET') return sendJson(res, 200, ok(await listIdentities(deps)));
    if (url.pathname === '/api/dev/contract' && req.method === 'GET') return sendJson(res, 200, ok(describeContract(functions)));
    if (url.pathname.startsWith('/api/')) return sendJson(res, 404, fail('NOT_FOUND', '接口不存在'));
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, fail('INVALID_PARAMETER', '不支持的请求方法'));
    return files.serve(req, res, url.pathname);
  }
}

async function listIdentities(deps: Deps): Promise<DevIdentity[]> {
  return Promise.all(
    DEMO_IDENTITIES.map(async (d) => {
      const actor = await resolveActor(deps.db, d.openid).catch(() => undefined);
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
    })),
  }));
}

async function readJson(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; envelope: Envelope<never> }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return { ok: false, envelope: fail('INVALID_PARAMETER', '请求内容过大') };
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, envelope: fail('INVALID_PARAMETER', '请求内容不是有效的 JSON') };
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
