import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

/** 弱 ETag：同一内容的各种编码、各级压缩共用一个验证值 */
const etagOf = (raw: Buffer) => `W/"${createHash('sha1').update(raw).digest('base64url').slice(0, 20)}"`;
/**
 * brotli 5 级：比 gzip -9 小约 5%，压一个 200 KB 的包只要几十毫秒；11 级再小约 9%，却慢二十倍，
 * 在共用两核的机器上压全部构建产物要半分钟，不值得。只有首页一打开就要的几个文件（index.html 直接引用的）
 * 值得：启动后先用 5 级压好，再在后台逐个换成 11 级（app.js 约 0.8 秒），首页少下 12 KB 左右。
 */
const BROTLI_QUALITY = 5;
const BROTLI_BEST = 11;

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

  const keyOf = (file: string, encoding: Encoding) => `${file}\0${statSync(file).mtimeMs}\0${encoding}`;

  async function compress(file: string, encoding: Encoding, quality = BROTLI_QUALITY): Promise<Variant> {
    const raw = readFileSync(file);
    const body =
      encoding === 'br'
        ? await brotli(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: quality, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } })
        : encoding === 'gzip'
          ? await gzipAsync(raw, { level: 9 })
          : raw;
    return { body, etag: etagOf(raw) };
  }

  function variant(file: string, encoding: Encoding): Promise<Variant> {
    const key = keyOf(file, encoding);
    let hit = cache.get(key);
    if (!hit) {
      hit = compress(file, encoding);
      cache.set(key, hit);
      hit.catch(() => cache.delete(key));
    }
    return hit;
  }

  /**
   * 启动后在后台先压好 index.html 与它直接引用的文件（入口脚本与首页预加载的块），第一个访问者不用等；
   * 然后逐个换成 11 级（换好之前来的请求拿 5 级的，不等）。其余文件第一次被请求时再压。
   */
  function warm(): Promise<void> {
    const index = root && join(root, 'index.html');
    if (!index || !existsSync(index)) return Promise.resolve();
    const entries = [...readFileSync(index, 'utf8').matchAll(/(?:src|href)="\/?([^"?#]+)"/g)].map((m) => join(root, m[1]));
    const files = [index, ...entries].filter((file) => existsSync(file) && COMPRESSIBLE.has(extname(file)));
    for (const file of files) void variant(file, 'br').catch(() => undefined);
    return (async () => {
      for (const file of files) {
        try {
          const key = keyOf(file, 'br');
          const best = await bestBrotli(file);
          if (keyOf(file, 'br') === key) cache.set(key, Promise.resolve(best));
        } catch {
          // 文件在压的时候被新构建换掉了：照旧按需压
        }
      }
    })();
  }

  /**
   * 11 级的结果存在构建目录里文件旁边（app.3bd377c4.js.br）：同一份构建只压一次，重启宿主（npm start、每个端到端测试）
   * 直接读回，不再每次启动都花一秒多 CPU。比构建还旧的（构建换过了）重压；目录不可写时只放内存。
   */
  async function bestBrotli(file: string): Promise<Variant> {
    const sidecar = `${file}.br`;
    if (existsSync(sidecar) && statSync(sidecar).mtimeMs >= statSync(file).mtimeMs) {
      const raw = readFileSync(file);
      return { body: readFileSync(sidecar), etag: etagOf(raw) };
    }
    const best = await compress(file, 'br', BROTLI_BEST);
    try {
      writeFileSync(sidecar, best.body);
    } catch {
      // 只读目录：下次启动再压
    }
    return best;
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
