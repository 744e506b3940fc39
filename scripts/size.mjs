// npm run size：打印 weapp 构建里主包与各分包的大小；--max-main-kb N 时主包超限即失败。
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const project = JSON.parse(readFileSync(join(root, 'project.config.json'), 'utf8'));
const dist = join(root, project.miniprogramRoot);
if (!existsSync(join(dist, 'app.json'))) {
  console.error(`没有找到 weapp 构建（${relative(root, dist)}）：请先运行 npm run build:weapp`);
  process.exit(1);
}
const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8'));
const subRoots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));

const sizes = new Map([['主包', 0], ...subRoots.map((r) => [`分包 ${r}`, 0])]);
(function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) { walk(p); continue; }
    if (entry.name.endsWith('.map')) continue;
    const rel = relative(dist, p);
    const sub = subRoots.find((r) => rel === r || rel.startsWith(`${r}/`));
    const key = sub ? `分包 ${sub}` : '主包';
    sizes.set(key, sizes.get(key) + statSync(p).size);
  }
})(dist);

let total = 0;
for (const [name, bytes] of sizes) {
  total += bytes;
  console.log(`${name}: ${(bytes / 1024).toFixed(1)} KB`);
}
console.log(`合计: ${(total / 1024).toFixed(1)} KB`);

const flag = process.argv.indexOf('--max-main-kb');
if (flag !== -1) {
  const limit = Number(process.argv[flag + 1]);
  const main = sizes.get('主包') / 1024;
  if (main > limit) {
    console.error(`主包 ${main.toFixed(1)} KB 超过上限 ${limit} KB`);
    process.exit(1);
  }
  console.log(`主包在上限 ${limit} KB 以内。`);
}
// 微信限制：单个包 ≤ 2 MB，总计 ≤ 30 MB
for (const [name, bytes] of sizes) if (bytes > 2 * 1024 * 1024) { console.error(`${name} 超过微信 2 MB 的限制`); process.exit(1); }
