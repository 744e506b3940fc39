import type { Affiliation, BranchKind, MembershipKind } from '@tongxin/shared-types';

export interface MembershipDraft {
  branchId: string;
  kind: MembershipKind;
}

export interface BranchInfo {
  name: string;
  branchKind: BranchKind | null;
  status: 'active' | 'closed';
}

/** 功能型关系只能挂在功能型、临时或界别党支部上；第一组织关系不能是功能型支部，也不能是临时党支部 */
export const FUNCTIONAL_KINDS: readonly BranchKind[] = ['功能型党支部', '临时党支部', '界别党支部'];

/**
 * 组织关系的规则：只有中共党员有组织关系；最多一个第一组织关系；同一支部只出现一次；支部须存在且未撤销。
 * 返回中文原因列表，空表示通过。
 */
export function checkMemberships(affiliation: Affiliation, drafts: readonly MembershipDraft[], branches: ReadonlyMap<string, BranchInfo>): string[] {
  const reasons: string[] = [];
  if (drafts.length > 0 && affiliation !== '中共党员') reasons.push('非中共党员不能加入党支部');
  if (drafts.filter((d) => d.kind === 'primary').length > 1) reasons.push('第一组织关系只能有一个');
  const seen = new Set<string>();
  for (const d of drafts) {
    const b = branches.get(d.branchId);
    if (seen.has(d.branchId)) reasons.push('同一个支部不能重复加入');
    seen.add(d.branchId);
    if (!b || !b.branchKind) {
      reasons.push('支部不存在');
      continue;
    }
    if (b.status !== 'active') reasons.push(`${b.name}已撤销`);
    else if (d.kind === 'functional' && !FUNCTIONAL_KINDS.includes(b.branchKind)) reasons.push(`${b.name}不是功能型支部，不能作为功能型组织关系`);
    else if (d.kind === 'primary' && b.branchKind === '功能型党支部') reasons.push(`${b.name}是功能型支部，不能作为第一组织关系`);
    // 临时党支部为一次全会、一次考察而设，结束即撤销：它撤销时谁也不该因此失去第一组织关系
    else if (d.kind === 'primary' && b.branchKind === '临时党支部') reasons.push(`${b.name}是临时党支部，不能作为第一组织关系`);
  }
  return [...new Set(reasons)];
}
