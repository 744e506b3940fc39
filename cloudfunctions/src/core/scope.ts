import { AppError, type AppRole } from '@tongxin/shared-types';
import type { Deps, Scope } from './action';
import type { Actor } from './actor';

/** 管理员（且该操作允许管理员）不受范围限制 */
export function isOrgWide(actor: Actor, allowed: readonly AppRole[]): boolean {
  return allowed.includes('admin') && actor.roles.includes('admin');
}

/** 书记只能处理自己支部的成员与支部；越界一律 FORBIDDEN，不透露目标是否存在。 */
export async function assertInScope(deps: Deps, actor: Actor, allowed: readonly AppRole[], scope: Scope, input: unknown): Promise<void> {
  if (isOrgWide(actor, allowed)) return;
  const managed = actor.managedBranchIds;
  if (scope.kind === 'branch') {
    const branchId = scope.branchId(input);
    if (branchId !== undefined && !managed.includes(branchId)) throw new AppError('FORBIDDEN#OUT_OF_BRANCH');
    return;
  }
  if (scope.kind === 'branchOf') {
    const branchId = await scope.lookup(deps, actor.orgId, input);
    if (!branchId || !managed.includes(branchId)) throw new AppError('FORBIDDEN#OUT_OF_BRANCH');
    return;
  }
  const memberId = scope.kind === 'member' ? scope.memberId(input) : await scope.lookup(deps, actor.orgId, input);
  const row =
    managed.length === 0 || !memberId
      ? undefined
      : await deps.db
          .selectFrom('branch_membership')
          .select('member_id')
          .where('org_id', '=', actor.orgId)
          .where('member_id', '=', memberId)
          .where('branch_id', 'in', managed)
          .executeTakeFirst();
  if (!row) throw new AppError('FORBIDDEN#MEMBER_OUT_OF_BRANCH');
}

/** 列表类操作：管理员看全部（null），书记只看自己支部 */
export function visibleBranches(actor: Actor, allowed: readonly AppRole[]): string[] | null {
  return isOrgWide(actor, allowed) ? null : actor.managedBranchIds;
}
