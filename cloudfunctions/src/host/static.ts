import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { promisify } from 'node:util';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};
/** 值得压缩的类型：文字。图片与 woff2 本身已压缩 */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.txt', '.svg', '.ttf']);
/** 文件名里带内容哈希的构建产物（js/app.3bd377c4.js、css/app.3bd…css）：内容变了名字就变，可以永久缓存 */
const HASHED = /[.-][0-9a-f]{8,}\.(js|css)$/;

type Encoding = 'br' | 'gzip' | 'identity';
/**
 * brotli 5 级：比 gzip -9 小约 5%，压一个 200 KB 的包只要几十毫秒；11 级再小 10%，却慢二十倍，
 * 在共用两核的机器上压全部构建产物要半分钟，不值得。
 */
const BROTLI_QUALITY = 5;

interface Variant {
  body: Buffer;
  etag: string;
}

/**
 * 本地宿主的 H5 静态文件：按 Accept-Encoding 给 brotli / gzip（压缩结果按文件与修改时间记在内存里，启动时在后台先压好），
 * 带哈希的构建产物永久缓存（immutable），index.html 每次用 ETag 验证（no-cache），这样新构建立刻生效。
 * 慢网上首页的字节数减到三分之一左右（见 npm run bench 的 ui.h5_first_content_ms）。
 */
export function createStaticFiles(staticDir: string | undefined) {
  const root = staticDir ? resolve(staticDir) : undefined;
  const cache = new Map<string, Promise<Variant>>();

  function variant(file: string, encoding: Encoding): Promise<Variant> {
    const key = `${file}\0${statSync(file).mtimeMs}\0${encoding}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = (async () => {
        const raw = readFileSync(file);
        const body =
          encoding === 'br'
            ? await brotli(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } })
            : encoding === 'gzip'
              ? await gzipAsync(raw, { level: 9 })
              : raw;
        // 弱 ETag：同一内容的各种编码共用一个验证值
        return { body, etag: `W/"${createHash('sha1').update(raw).digest('base64url').slice(0, 20)}"` };
      })();
      cache.set(key, hit);
      hit.catch(() => cache.delete(key));
    }
    return hit;
  }

  /** 启动后在后台先压好 index.html 与它直接引用的入口文件，第一个访问者不用等；其余文件第一次被请求时再压 */
  function warm(): void {
    const index = root && join(root, 'index.html');
    if (!index || !existsSync(index)) return;
    const entries = [...readFileSync(index, 'utf8').matchAll(/(?:src|href)="\/?([^"?#]+)"/g)].map((m) => join(root, m[1]));
    for (const file of [index, ...entries]) {
      if (!existsSync(file) || !COMPRESSIBLE.has(extname(file))) continue;
      void variant(file, 'br').catch(() => undefined);
    }
  }

  async function serve(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (!root || !existsSync(join(root, 'index.html'))) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      return void res.end('前端尚未构建：请运行 npm run build:h5 后重启');
    }
    let file = join(root, 'index.html');
    try {
      file = resolve(join(root, normalize(decodeURIComponent(pathname))));
    } catch {
      // 坏的 %-编码：当作前端路由，回到 index.html
    }
    if (!file.startsWith(root + sep)) file = join(root, 'index.html');
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    const ext = extname(file);
    const encoding = COMPRESSIBLE.has(ext) ? pickEncoding(req.headers['accept-encoding']) : 'identity';
    const { body, etag } = await variant(file, encoding);
    const headers: Record<string, string | number> = {
      'content-type': MIME[ext] ?? 'application/octet-stream',
      'cache-control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      etag,
    };
    if (COMPRESSIBLE.has(ext)) headers.vary = 'Accept-Encoding';
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      return void res.end();
    }
    if (encoding !== 'identity') headers['content-encoding'] = encoding;
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  return { serve, warm };
}

/** 浏览器都支持 br（HTTPS 或 localhost）；老的客户端退回 gzip；q=0 表示不要 */
export function pickEncoding(header: string | string[] | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)).find(Boolean);
    accepted.set(name, q ? Number(q[1]) : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}
