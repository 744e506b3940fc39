import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../../cloudfunctions/src/db/embedded';

const repoRoot = resolve(__dirname, '../../..');

export interface RunningHost {
  url: string;
  dataDir: string;
  output: () => string;
  /** 像用户按 Ctrl-C 一样停止，返回退出码 */
  stop(): Promise<number | null>;
}

export const newDataDir = () => mkdtempSync(join(tmpdir(), 'tx-e2e-data-'));

/** 以 npm start 同样的入口启动本地宿主（嵌入式数据库在 dataDir 里），等它打印出地址 */
export async function startHost(dataDir: string): Promise<RunningHost> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'cloudfunctions/src/host/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`本地宿主 60 秒内没有启动：\n${out}`)), 60_000);
    const check = () => {
      if (out.includes('同心圆已启动')) {
        clearTimeout(timer);
        ok();
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`本地宿主退出（${code}）：\n${out}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    output: () => out,
    stop: () =>
      new Promise((ok) => {
        if (child.exitCode !== null) return ok(child.exitCode);
        child.once('exit', (code) => ok(code));
        child.kill('SIGINT');
      }),
  };
}

export async function callFn(host: RunningHost, fn: string, body: unknown, openid?: string) {
  const res = await fetch(`${host.url}/api/fn/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; data?: any; error?: { code: string; message: string } } };
}
