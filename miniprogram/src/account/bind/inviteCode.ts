/**
 * 邀请码的输入规则（与 shared-types 的 normalizeInviteCode 相同；那个文件连带 zod，不进小程序包）：
 * 8 位，不含易混的 0/O/1/I；输入时忽略空格、横线与大小写。
 */
export const normalizeInviteCode = (raw: string) => raw.replace(/[\s-]/g, '').toUpperCase()
const INVITE_RE = /^[2-9A-HJ-NP-Z]{8}$/

/** 提交前的检查：返回中文问题，没问题返回 null */
export function checkBindInput(code: string, name: string): string | null {
  const c = normalizeInviteCode(code)
  if (!c) return '请输入邀请码'
  if (!INVITE_RE.test(c)) return c.length !== 8 ? `邀请码应为 8 位，您输入了 ${c.length} 位` : '邀请码里有不会出现的字符（邀请码不含 0、O、1、I），请核对'
  if (!name.trim()) return '请输入您的姓名'
  return null
}
