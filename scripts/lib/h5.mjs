import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './run.mjs';

const root = new URL('../..', import.meta.url).pathname;
const h5Index = join(root, 'miniprogram/dist/h5/index.html');

/** 源码里最新的修改时间（跳过 node_modules 与构建输出） */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** H5 构建不存在或比源码旧时重新构建（约 30 秒） */
export async function ensureH5Build() {
  const sources = [join(root, 'miniprogram/src'), join(root, 'miniprogram/config'), join(root, 'shared-types/src')];
  const built = existsSync(h5Index) ? statSync(h5Index).mtimeMs : 0;
  const newest = Math.max(...sources.filter(existsSync).map(newestMtime));
  if (built > newest) return;
  console.log(built ? 'H5 前端源码有更新，正在重新构建…' : '首次运行：正在构建 H5 前端（约 30 秒）…');
  await run('npm', ['run', 'build:h5'], { cwd: root });
}
