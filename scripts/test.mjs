// npm test：类型检查 → 代码规范 → 单元、数据库（PGlite）、页面测试 → 设置了 DATABASE_URL 时数据库测试再跑一遍 → 浏览器端到端测试。
import { existsSync } from 'node:fs';
import { ensureH5Build } from './lib/h5.mjs';
import { run } from './lib/run.mjs';

const root = new URL('..', import.meta.url).pathname;
const jest = ['node_modules/.bin/jest'];
const env = { ...process.env };
delete env.TEST_DATABASE_URL;

const steps = [
  ['类型检查', () => run('npm', ['run', 'typecheck', '--silent'], { cwd: root })],
  ['代码规范（ESLint 与 Prettier）', () => run('npm', ['run', 'lint', '--silent'], { cwd: root })],
  ['单元与页面测试', () => run(jest[0], ['--ci', '--selectProjects', 'unit', 'miniprogram'], { cwd: root, env })],
  // PGlite 只有一个会话：数据库测试在一个进程里依次运行（见 EMBEDDED_POOL_SIZE）
  ['数据库测试（嵌入式 PGlite）', () => run(jest[0], ['--ci', '--selectProjects', 'db', '--runInBand'], { cwd: root, env })],
];
if (process.env.DATABASE_URL) {
  steps.push([
    '数据库测试（DATABASE_URL 指向的 PostgreSQL）',
    () =>
      run(jest[0], ['--ci', '--selectProjects', 'db'], {
        cwd: root,
        env: { ...env, TEST_DATABASE_URL: process.env.DATABASE_URL, TEST_DATABASE_KIND: 'postgres' },
      }),
  ]);
} else {
  console.log('未设置 DATABASE_URL：数据库测试只在 PGlite 上运行。');
}
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(chromium)) {
  steps.push([
    '端到端（H5 + 无头 Chromium）',
    async () => {
      await ensureH5Build();
      await run(jest[0], ['--ci', '-c', 'tests/e2e/jest.config.js'], { cwd: root, env });
    },
  ]);
} else {
  console.log(`跳过端到端测试：没有找到 Chromium（${chromium}）。安装 Debian 的 chromium 与 fonts-noto-cjk 后即可运行。`);
}

for (const [name, step] of steps) {
  console.log(`\n=== ${name} ===`);
  try {
    await step();
  } catch (err) {
    console.error(`\n✗ ${name}：${err.message}`);
    process.exit(1);
  }
}
console.log('\n全部测试通过。');
