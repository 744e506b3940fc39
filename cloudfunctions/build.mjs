// npm run build:functions：每个云函数打包成一个可单独上传的目录 dist/<name>/（index.js、package.json、config.json）。
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const here = new URL('.', import.meta.url).pathname;
const fnRoot = join(here, 'src/functions');
const outRoot = join(here, 'dist');

/** 各函数的 config.json：超时（默认 3 秒不够导入等操作）、开放接口权限、定时触发器 */
const CONFIG = {
  member: { timeout: 10, permissions: { openapi: [] } },
  // 导入 5000 行约需 1–2 秒，留足余量
  roster: { timeout: 60, permissions: { openapi: [] } },
  org: { timeout: 10, permissions: { openapi: [] } },
  points: { timeout: 10, permissions: { openapi: [] } },
  // 签到大屏每次换码调用 wxacode.getUnlimited 画小程序码；函数须设置环境变量 CHECKIN_SECRET
  event: { timeout: 20, permissions: { openapi: ['wxacode.getUnlimited'] } },
  // 首页待办：只读，几条查询
  home: { timeout: 10, permissions: { openapi: [] } },
  // 建言：提交前调用内容安全检查；导出清单用 exceljs（lazy）
  suggestions: { timeout: 20, permissions: { openapi: ['security.msgSecCheck'] } },
  // 学习：发布时渲染并清洗正文、取回附件检查类型；导出完成情况
  study: { timeout: 20, permissions: { openapi: [] } },
  // 提醒：每 5 分钟一轮（7 段 cron，UTC+8），一轮至多 60 秒（50 秒后不再领新的活）；发订阅消息要 subscribeMessage.send 权限
  reminders: {
    timeout: 60,
    permissions: { openapi: ['subscribeMessage.send'] },
    triggers: [{ name: 'reminders-tick', type: 'timer', config: '0 */5 * * * * *' }],
  },
};

/**
 * 只有个别操作用到的大库（表格、拼音词典、二维码）不进 index.js：各自打成 lazy/<库>.js，随函数目录一起上传，
 * 第一次用到时才 require。冷启动的实例只加载 index.js（每个函数都要的 zod、kysely、pg 与处理器），签到路径不碰这些库。
 * 源码里须在用到的地方动态加载它们（await import('exceljs')、函数内的 require('pinyin-pro')），顶层静态 import 会让懒加载落空。
 */
const LAZY = ['exceljs', 'papaparse', 'pinyin-pro', 'qrcode', 'markdown-it', 'sanitize-html', 'tencentcloud-sdk-nodejs-sms'];
const lazyPath = (pkg) => `./lazy/${pkg}.js`;
const lazyLibs = {
  name: 'lazy-libs',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${LAZY.join('|')})$`) }, (args) => ({ path: lazyPath(args.path), external: true }));
  },
};
/**
 * zod 4 的 `z` 命名空间带着 `z.locales`：四十多种语言的报错文案（约 300 KB，占 main.js 的四成），esbuild 摇不掉整个命名空间。
 * 我们的报错文案来自自己的错误目录，从不用 z.locales；zod 默认的英文文案由 config(en()) 直接引入 locales/en.js，不经这里。
 * 所以把 zod 内部对 locales/index.js 的引用换成空模块：冷启动少加载、少编译这 300 KB。
 */
const zodWithoutLocales = {
  name: 'zod-without-locales',
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-without-locales' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-without-locales' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};
/**
 * pg 加载时判断自己是不是在 Cloudflare Workers 里：Node 20 没有 navigator，于是去 new Response()，
 * 这一下让 Node 现加载整个 undici（fetch 的实现，冷启动约 20 ms）。云函数只跑在 Node 上，构建时直接用 Node 的套接字。
 * pg 升级后这一行若变了，就原样打包（只是慢一点），行为不变。
 */
const pgNodeSockets = {
  name: 'pg-node-sockets',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]pg[\\/]lib[\\/]stream\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const line = 'const { getStream, getSecureStream } = getStreamFuncs()';
      if (!source.includes(line)) return undefined;
      return { contents: source.replace(line, 'const { getStream, getSecureStream } = getNodejsStreamFuncs()'), loader: 'js' };
    });
  },
};
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, sourcemap: false, legalComments: 'none', logLevel: 'warning' };

/**
 * index.js 是一个几行的加载器：用构建时生成的 V8 代码缓存（main.jsc）运行 main.js，冷启动省去编译约 0.7 MB 代码的时间。
 * 缓存与 Node/V8 版本绑定：云端版本不同则 V8 拒绝缓存，照常编译（只是慢一些），行为不变。
 */
const LOADER = `// 冷启动加载器（build.mjs 生成）：用 main.jsc 里的 V8 代码缓存运行 main.js；缓存不适用时照常编译
const fs = require('fs'), path = require('path'), vm = require('vm'), Module = require('module');
const file = path.join(__dirname, 'main.js');
let cachedData;
try { cachedData = fs.readFileSync(path.join(__dirname, 'main.jsc')); } catch {}
const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
const mod = { exports: {}, filename: file, id: file, loaded: false };
script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, __dirname);
module.exports = mod.exports;
`;

/** 在子进程里按加载器的方式运行一次 main.js（wx-server-sdk 换成桩），把编译结果存成 main.jsc */
const CACHE_WRITER = `
const fs = require('fs'), path = require('path'), vm = require('vm'), Module = require('module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'wx-server-sdk') return { init() {}, DYNAMIC_CURRENT_ENV: 'stub', getWXContext: () => ({}) };
  return load.call(this, request, ...rest);
};
const file = process.argv[1];
const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file });
const mod = { exports: {}, filename: file, id: file, loaded: false };
script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
fs.writeFileSync(path.join(path.dirname(file), 'main.jsc'), script.createCachedData());
`;

rmSync(outRoot, { recursive: true, force: true });
const names = readdirSync(fnRoot, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(fnRoot, d.name, 'main.ts')))
  .map((d) => d.name);

for (const name of names) {
  const outDir = join(outRoot, name);
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    ...common,
    entryPoints: [join(fnRoot, name, 'main.ts')],
    outfile: join(outDir, 'main.js'),
    // wx-server-sdk 由云端安装；pg-native 是 pg 的可选依赖，不用
    external: ['wx-server-sdk', 'pg-native'],
    plugins: [lazyLibs, zodWithoutLocales, pgNodeSockets],
    metafile: true,
  });
  // 这个函数真正引用到的懒加载库，各打一个文件
  const used = LAZY.filter((pkg) => Object.values(result.metafile.outputs).some((o) => o.imports.some((i) => i.path === lazyPath(pkg))));
  for (const pkg of used) {
    const lazy = await build({
      ...common,
      stdin: { contents: `module.exports = require(${JSON.stringify(pkg)});`, resolveDir: here },
      outfile: join(outDir, lazyPath(pkg)),
      metafile: true,
    });
    for (const o of Object.values(lazy.metafile.outputs)) result.metafile.outputs[pkg] = o;
  }
  writeFileSync(join(outDir, 'index.js'), LOADER);
  const cache = spawnSync(process.execPath, ['-e', CACHE_WRITER, join(outDir, 'main.js')], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  if (cache.status !== 0) throw new Error(`${name}: 生成代码缓存失败：${cache.stderr}`);
  writeFileSync(
    join(outDir, 'package.json'),
    JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': '~3.0.1' } }, null, 2),
  );
  writeFileSync(join(outDir, 'config.json'), JSON.stringify(CONFIG[name] ?? { timeout: 10, permissions: { openapi: [] } }, null, 2));
  const bytes = Object.values(result.metafile.outputs).reduce((s, o) => s + o.bytes, 0);
  const main = Object.values(result.metafile.outputs)[0].bytes;
  const cacheKb = statSync(join(outDir, 'main.jsc')).size / 1024;
  console.log(
    `${name}: ${(bytes / 1024).toFixed(1)} KB（main.js ${(main / 1024).toFixed(1)} KB，代码缓存 ${cacheKb.toFixed(0)} KB${used.length ? `，懒加载：${used.join('、')}` : ''}）→ ${join('cloudfunctions/dist', name)}`,
  );
}
