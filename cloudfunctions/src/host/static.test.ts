import { type IncomingMessage, type Server, type ServerResponse, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createStaticFiles, pickEncoding } from './static';

const dir = mkdtempSync(join(tmpdir(), 'tx-static-'));
const appJs = `console.log(${JSON.stringify('同心圆'.repeat(2000))});`;
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>同心圆</title><script src="/js/app.3bd377c4.js"></script>');
mkdirSync(join(dir, 'js'));
writeFileSync(join(dir, 'js/app.3bd377c4.js'), appJs);
writeFileSync(join(dir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));

let server: Server;
let port: number;
beforeAll(async () => {
  const files = createStaticFiles(dir);
  void files.warm();
  server = createServer((req, res) => void files.serve(req, res, new URL(req.url!, 'http://x').pathname));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((ok) => server.close(ok)));

/** 原样取回（不自动解压），好看清头与字节 */
function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((ok, fail) => {
    request({ port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', fail)
      .end();
  });
}

describe('本地宿主的静态文件', () => {
  test('首页直接引用的文件：先给 5 级 brotli，后台换成 11 级之后更小，内容与 ETag 不变', async () => {
    const own = mkdtempSync(join(tmpdir(), 'tx-static-best-'));
    // 足够长、不太规则的脚本，两级压缩才有差别
    const script = Array.from({ length: 4000 }, (_, i) => `function f${i}(a){return a*${(i * 7919) % 1000}+"${i.toString(36)}"}`).join(';');
    writeFileSync(join(own, 'index.html'), '<!doctype html><script src="/js/app.0a1b2c3d.js"></script>');
    mkdirSync(join(own, 'js'));
    writeFileSync(join(own, 'js/app.0a1b2c3d.js'), script);
    const files = createStaticFiles(own);
    const upgraded = files.warm();
    const ownServer = createServer((req, res) => void files.serve(req, res, new URL(req.url!, 'http://x').pathname));
    await new Promise<void>((ok) => ownServer.listen(0, '127.0.0.1', ok));
    const fetchBr = () =>
      new Promise<{ etag: string; body: Buffer }>((ok, fail) => {
        request({ port: (ownServer.address() as AddressInfo).port, path: '/js/app.0a1b2c3d.js', headers: { 'accept-encoding': 'br' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => ok({ etag: String(res.headers.etag), body: Buffer.concat(chunks) }));
        })
          .on('error', fail)
          .end();
      });
    try {
      const first = await fetchBr();
      await upgraded;
      const best = await fetchBr();
      expect(brotliDecompressSync(first.body).toString()).toBe(script);
      expect(brotliDecompressSync(best.body).toString()).toBe(script);
      expect(best.body.length).toBeLessThan(first.body.length);
      expect(best.etag).toBe(first.etag);
      // 11 级的结果存在文件旁边：重启后的宿主直接读回同样的字节
      expect(readFileSync(join(own, 'js/app.0a1b2c3d.js.br')).equals(best.body)).toBe(true);
      const restarted = createStaticFiles(own);
      await restarted.warm();
      const again = await new Promise<Buffer>((ok, fail) => {
        const req = { headers: { 'accept-encoding': 'br' }, method: 'GET' } as unknown as IncomingMessage;
        const chunks: Buffer[] = [];
        const res = {
          writeHead: () => res,
          end: (b?: Buffer) => (b ? ok(Buffer.concat([...chunks, b])) : fail(new Error('empty'))),
        } as unknown as ServerResponse;
        void restarted.serve(req, res, '/js/app.0a1b2c3d.js');
      });
      expect(again.equals(best.body)).toBe(true);
    } finally {
      await new Promise((ok) => ownServer.close(ok));
    }
  });

  test('浏览器接受 br 时给 brotli，只接受 gzip 时给 gzip，都不接受时给原文', async () => {
    const br = await get('/js/app.3bd377c4.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(appJs);
    expect(br.body.length).toBeLessThan(Buffer.byteLength(appJs) / 5);
    const gz = await get('/js/app.3bd377c4.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(appJs);
    const plain = await get('/js/app.3bd377c4.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(appJs);
    for (const res of [br, gz, plain]) expect(res.headers.vary).toBe('Accept-Encoding');
  });

  test('带哈希的构建产物永久缓存；index.html 每次验证，ETag 相同时 304', async () => {
    const js = await get('/js/app.3bd377c4.js');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const html = await get('/', { 'accept-encoding': 'br' });
    expect(html.headers['cache-control']).toBe('no-cache');
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    const again = await get('/', { 'accept-encoding': 'br', 'if-none-match': String(html.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  test('图片不再压缩；前端路由与越界路径都回到 index.html', async () => {
    const png = await get('/logo.png', { 'accept-encoding': 'br' });
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers['content-type']).toBe('image/png');
    for (const path of ['/pages/mine/index', '/..%2f..%2fetc%2fpasswd', '/%E0%A4%A']) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.body.toString()).toContain('<title>同心圆</title>');
    }
  });

  test('Accept-Encoding：q=0 表示不要', () => {
    expect(pickEncoding('gzip, br;q=0')).toBe('gzip');
    expect(pickEncoding('br;q=0.5, gzip')).toBe('br');
    expect(pickEncoding('identity')).toBe('identity');
    expect(pickEncoding(undefined)).toBe('identity');
  });
});
