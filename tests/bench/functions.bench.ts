import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { report } from './stats';

const ROOT = join(__dirname, '../..');
const DIST = join(ROOT, 'cloudfunctions/dist');
const RUNS = Number(process.env.BENCH_LOAD_RUNS ?? 7);

/**
 * 一个新进程 require 打好包的 dist/<name>/index.js 要多久（冷启动时实例在第一次应答前付出的代价）。
 * wx-server-sdk 在云端另装，这里换成一个空桩；计时只含 require 本身，不含 Node 自己启动的时间。
 */
const PROBE = `
const Module = require('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'wx-server-sdk') return { init() {}, DYNAMIC_CURRENT_ENV: 'stub', getWXContext: () => ({}) };
  return load.call(this, request, ...rest);
};
const t0 = performance.now();
require(process.argv[1]);
process.stdout.write(String(performance.now() - t0));
`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** 每个函数：functions.load_ms.<name>（几个新进程的中位数）与 functions.bundle_kb.<name> */
export function benchFunctionLoad(): void {
  const built = spawnSync(process.execPath, [join(ROOT, 'cloudfunctions/build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`云函数构建失败：${built.stderr}`);
  for (const name of readdirSync(DIST).sort()) {
    const entry = join(DIST, name, 'index.js');
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const r = spawnSync(process.execPath, ['-e', PROBE, entry], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
      if (r.status !== 0) throw new Error(`加载 ${name} 失败：${r.stderr}`);
      samples.push(Number(r.stdout));
    }
    report(`functions.load_ms.${name}`, median(samples));
    // 冷启动加载的代码：index.js（加载器）+ main.js；lazy/ 里的大库只在用到的操作里加载，另列
    const kb = (dir: string) =>
      readdirSync(dir, { withFileTypes: true })
        .filter((f) => f.isFile() && f.name.endsWith('.js'))
        .reduce((s, f) => s + statSync(join(dir, f.name)).size, 0) / 1024;
    report(`functions.bundle_kb.${name}`, kb(join(DIST, name)));
    const lazyDir = join(DIST, name, 'lazy');
    report(`functions.lazy_kb.${name}`, existsSync(lazyDir) ? kb(lazyDir) : 0);
  }
}

if (require.main === module) benchFunctionLoad();
