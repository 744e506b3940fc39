/** 个人敏感信息的展示规则（国办函与个人信息保护：只给需要的人看）。 */

export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

export interface Viewer {
  memberId: string;
  isAdmin: boolean;
  managedBranchIds: readonly string[];
}

/**
 * 手机号与政治面貌：本人、办公室（管理员）、以及此人所在支部的书记可见；其他人看到脱敏号码，看不到政治面貌。
 */
export function canSeeSensitive(viewer: Viewer, targetId: string, targetBranchIds: readonly string[]): boolean {
  if (viewer.isAdmin || viewer.memberId === targetId) return true;
  return targetBranchIds.some((b) => viewer.managedBranchIds.includes(b));
}
