import { createHash } from 'node:crypto';
import { INVITE_ALPHABET } from '@tongxin/shared-types';

export const INVITE_LENGTH = 8;
export const INVITE_TTL_DAYS = 30;
/** 十分钟内失败五次即锁定，锁定到最早那次失败满十分钟 */
export const BIND_MAX_FAILURES = 5;
export const BIND_WINDOW_MS = 10 * 60 * 1000;

/** 由 [0, alphabet) 的随机整数拼出邀请码 */
export function composeInviteCode(nextInt: (max: number) => number): string {
  let code = '';
  for (let i = 0; i < INVITE_LENGTH; i++) code += INVITE_ALPHABET[nextInt(INVITE_ALPHABET.length)];
  return code;
}

/** 库里只存哈希：泄露数据库也拿不到可用的邀请码 */
export function hashInviteCode(code: string): string {
  return createHash('sha256').update(`tongxin-invite:${code}`).digest('hex');
}

/** 最近的失败时间（已按窗口筛过）；够五次时返回解锁时间，否则 null */
export function bindLockedUntil(recentFailures: readonly Date[], now: Date): Date | null {
  const inWindow = recentFailures.filter((t) => now.getTime() - t.getTime() < BIND_WINDOW_MS).sort((a, b) => a.getTime() - b.getTime());
  if (inWindow.length < BIND_MAX_FAILURES) return null;
  return new Date(inWindow[inWindow.length - BIND_MAX_FAILURES].getTime() + BIND_WINDOW_MS);
}
