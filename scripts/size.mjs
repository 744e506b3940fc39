// npm run size：打印 weapp 构建里主包与各分包的大小；--max-main-kb N 时主包超限即失败，--max-sub-kb N 时任一分包超限即失败。
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
    if (entry.isDirectory()) {
      walk(p);
      continue;
    }
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

const limitOf = (name) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? null : Number(process.argv[i + 1]);
};

const mainLimit = limitOf('--max-main-kb');
if (mainLimit !== null) {
  const main = sizes.get('主包') / 1024;
  if (main > mainLimit) {
    console.error(`主包 ${main.toFixed(1)} KB 超过上限 ${mainLimit} KB`);
    process.exit(1);
  }
  console.log(`主包在上限 ${mainLimit} KB 以内。`);
}

// 分包同样有预算：共用的组件被复制进各分包的 sub-common，分包一多、组件一大，这里先报出来
const subLimit = limitOf('--max-sub-kb');
if (subLimit !== null) {
  const over = [...sizes].filter(([name, bytes]) => name !== '主包' && bytes / 1024 > subLimit);
  for (const [name, bytes] of over) console.error(`${name} ${(bytes / 1024).toFixed(1)} KB 超过上限 ${subLimit} KB`);
  if (over.length) process.exit(1);
  console.log(`每个分包都在上限 ${subLimit} KB 以内。`);
}
// 微信限制：单个包 ≤ 2 MB，总计 ≤ 30 MB
for (const [name, bytes] of sizes)
  if (bytes > 2 * 1024 * 1024) {
    console.error(`${name} 超过微信 2 MB 的限制`);
    process.exit(1);
  }
