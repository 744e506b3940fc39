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

/** 邀请码等于这个人的身份：签发人须压得住被邀请人将来拥有的权限 */
export interface InviteStanding {
  /** 管理员角色（政协办公室） */
  isAdmin: boolean;
  /** 在某个（未撤销的）支部担任书记、副书记或党务干部 */
  managesBranch: boolean;
}

/**
 * 谁可以为谁签发邀请码：拿到邀请码的人绑定后就拥有那位成员的全部角色。
 * - 政协办公室可以为任何人签发（它本就能直接设管理员，签发并不多给出什么）；
 * - 支部书记只能为普通成员签发：不为管理员，也不为任何支部的书记、副书记、党务干部（与自己同级或更高）签发——
 *   否则一个书记能用自己的第二个微信接管办公室的账号。
 * 绑定时按当时的角色再判一次（“将来拥有”的角色：签发之后才被设为管理员或书记的，书记签的码随之失效）。
 */
export function inviteRefusal(issuer: Pick<InviteStanding, 'isAdmin'>, target: InviteStanding): 'ROSTER.INVITE_ABOVE' | null {
  return issuer.isAdmin || !outranksSecretary(target) ? null : 'ROSTER.INVITE_ABOVE';
}

/** 与书记同级或更高：管理员，或任何支部的书记、副书记、党务干部。书记对这样的人不签码、不改资料（包括自己） */
export const outranksSecretary = (target: InviteStanding) => target.isAdmin || target.managesBranch;
