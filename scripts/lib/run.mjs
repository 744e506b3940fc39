import { spawn } from 'node:child_process';

/** 运行一个命令，输出直接显示；非零退出码时 reject。 */
export function run(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} 失败（${signal ?? code}）`))));
  });
}
