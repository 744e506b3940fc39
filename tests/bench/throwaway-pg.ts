import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../cloudfunctions/src/db/embedded';

/**
 * 基准测试用的一次性 PostgreSQL：用本机的 PostgreSQL 程序在临时目录里建库、启动，结束后删除。
 * 以 root 运行时（CI），改由 postgres 用户执行（initdb 拒绝 root）。
 */
export async function startThrowawayPostgres(): Promise<{ connectionString: string; stop(): void }> {
  const base = '/usr/lib/postgresql';
  const version = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a))[0] : undefined;
  if (!version) throw new Error('没有找到 PostgreSQL（/usr/lib/postgresql）：请安装 Debian 的 postgresql，或设置 DATABASE_URL');
  const bin = join(base, version, 'bin');
  const dir = mkdtempSync(join(tmpdir(), 'tx-bench-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const full = asRoot ? (['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] as const) : ([join(bin, cmd), args] as const);
    const r = spawnSync(full[0], full[1], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} 失败：${r.stderr || r.stdout}`);
  };
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale']);
  const port = await freePort();
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200`,
    'start',
  ]);
  return {
    // 走 TCP（回环），与云函数经网络连 CloudBase PostgreSQL、与 CI 的 DATABASE_URL 一致；套接字目录只给 pg_ctl 用
    connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        // smart：等客户端自己断开（连接池关闭时各连接的 Terminate 还在路上），不把它们当成“连接被服务器掐断”的错误；
        // 五秒内没断开的再快速停止
        try {
          run('pg_ctl', ['-D', data, '-m', 'smart', '-t', '5', '-w', 'stop']);
        } catch {
          run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
