// npm run build:functions：每个云函数打包成一个可单独上传的目录 dist/<name>/（index.js、package.json、config.json）。
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
};

rmSync(outRoot, { recursive: true, force: true });
const names = readdirSync(fnRoot, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(fnRoot, d.name, 'main.ts')))
  .map((d) => d.name);

for (const name of names) {
  const outDir = join(outRoot, name);
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints: [join(fnRoot, name, 'main.ts')],
    outfile: join(outDir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    // wx-server-sdk 由云端安装；pg-native 是 pg 的可选依赖，不用
    external: ['wx-server-sdk', 'pg-native'],
    metafile: true,
    logLevel: 'warning',
  });
  writeFileSync(
    join(outDir, 'package.json'),
    JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': '~3.0.1' } }, null, 2),
  );
  writeFileSync(join(outDir, 'config.json'), JSON.stringify(CONFIG[name] ?? { timeout: 10, permissions: { openapi: [] } }, null, 2));
  const bytes = Object.values(result.metafile.outputs).reduce((s, o) => s + o.bytes, 0);
  console.log(`${name}: ${(bytes / 1024).toFixed(1)} KB → ${join('cloudfunctions/dist', name)}`);
}
