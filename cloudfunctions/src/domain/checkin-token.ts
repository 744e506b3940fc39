import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * 签到令牌：`短代码(8) + 时间步(7 位 36 进制) + HMAC(16 位 base64url)`，共 31 个字符，
 * 放得进小程序码的 scene（≤ 32）。HMAC 用服务器密钥对“活动 + 时间步”签名，伪造不了，也不能挪到别的活动用。
 */
const TOKEN_PATTERN = /^([A-Za-z0-9]{8})([0-9a-z]{7})([A-Za-z0-9_-]{16})$/;

export interface ParsedToken {
  shortCode: string;
  step: number;
  mac: string;
}

export const stepOf = (at: Date, rotateSeconds: number) => Math.floor(at.getTime() / 1000 / rotateSeconds);

function mac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url').slice(0, 16);
}

export function makeToken(secret: string, shortCode: string, step: number): string {
  return `${shortCode}${step.toString(36).padStart(7, '0')}${mac(secret, `${shortCode}:${step}`)}`;
}

export function parseToken(token: string): ParsedToken | null {
  const m = TOKEN_PATTERN.exec(token);
  if (!m) return null;
  return { shortCode: m[1], step: parseInt(m[2], 36), mac: m[3] };
}

export function verifyToken(secret: string, t: ParsedToken): boolean {
  const expected = Buffer.from(mac(secret, `${t.shortCode}:${t.step}`));
  const given = Buffer.from(t.mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** 当前步与前一步有效（扫码那一刻正好换码也能签上）；更早的过期；将来的视为伪造 */
export function judgeStep(tokenStep: number, referenceStep: number): 'valid' | 'expired' | 'future' {
  if (tokenStep > referenceStep) return 'future';
  return referenceStep - tokenStep <= 1 ? 'valid' : 'expired';
}

/**
 * 六位数字码：给扫不了码的会场用。老人输入六位数要时间，所以它按令牌的 4 倍间隔换，
 * 当前与前一个都有效（至少一分钟）；输错次数另有限制。
 */
export const CODE_STEP_FACTOR = 4;
export function fallbackCode(secret: string, shortCode: string, codeStep: number): string {
  const digest = createHmac('sha256', secret).update(`${shortCode}:${codeStep}:code`).digest();
  return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

export function codeMatches(secret: string, shortCode: string, code: string, at: Date, rotateSeconds: number): boolean {
  const step = stepOf(at, rotateSeconds * CODE_STEP_FACTOR);
  return [step, step - 1].some((s) => {
    const a = Buffer.from(fallbackCode(secret, shortCode, s));
    const b = Buffer.from(code);
    return a.length === b.length && timingSafeEqual(a, b);
  });
}

/** 离线补交的宽限：扫码后 10 分钟内送达的都认；扫码时间不能晚于服务器时间 1 分钟以上 */
export const OFFLINE_GRACE_MS = 10 * 60 * 1000;
export const CLOCK_SKEW_MS = 60 * 1000;
