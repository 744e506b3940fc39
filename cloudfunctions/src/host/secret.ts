import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * 本地模式的签到密钥：优先用环境变量 CHECKIN_SECRET；否则首次启动时随机生成并存在 .data/ 里（不进仓库），
 * 重启后沿用，正在投影的签到码不会因重启失效。
 */
export function loadLocalSecret(dataRoot: string): string {
  if (process.env.CHECKIN_SECRET) return process.env.CHECKIN_SECRET;
  const file = join(dataRoot, 'checkin-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataRoot, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
