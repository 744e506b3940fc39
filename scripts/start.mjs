// npm start：构建缺少的前端，然后启动本地宿主（嵌入式 PostgreSQL + 云函数 + H5）。
import { spawn } from 'node:child_process';
import { ensureH5Build } from './lib/h5.mjs';

const root = new URL('..', import.meta.url).pathname;

try {
  await ensureH5Build();
} catch (err) {
  console.error(err.message);
  process.exit(1);
}

const host = spawn(process.execPath, ['--import', 'tsx', 'cloudfunctions/src/host/main.ts'], { cwd: root, stdio: 'inherit' });
// Ctrl-C 会同时发给子进程；父进程只等它干净退出
const forward = (signal) => () => host.kill(signal);
process.on('SIGINT', () => {});
process.on('SIGTERM', forward('SIGTERM'));
host.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
