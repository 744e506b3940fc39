import { AppError, contract } from '@tongxin/shared-types';
import { defineAction } from '../../core/action';
import { recordAudit } from '../../core/audit';
import { filteredMembers } from '../roster/filters';
import { voidPendingInvites } from '../roster/invite';
import { assertNewUnit } from './actions';
import { loadTree } from './tree';

/** 一次最多加入多少人：一次全会的临时党支部几十到一两百人，留足余量 */
export const TEMP_BRANCH_MAX_MEMBERS = 1000;

/** 列出至多五个姓名（“甲、乙、丙 等 8 人”） */
const someNames = (names: readonly string[]) => (names.length <= 5 ? names.join('、') : `${names.slice(0, 5).join('、')} 等 ${names.length} 人`);

/**
 * 一步开设临时党支部：建支部（与 org.createUnit 同样的检查）、写起止日期、加入成员与书记，同一事务、一条审计。
 * 成员的规则与逐个修改组织关系时相同：只收在册的中共党员；关系都是功能型（临时支部从来不是谁的第一组织关系）。
 * 名单里有一个不合格的人（不存在、已退出、不是党员），整个开设都不发生；按筛选加入时只取筛出的在册党员。
 */
export const openTemporaryBranch = defineAction({
  input: contract.org.openTemporaryBranch,
  errors: [
    'CONFLICT#ORG_NAME_TAKEN',
    'CONFLICT#PARENT_CLOSED',
    'INVALID_PARAMETER#LEVEL_ORDER',
    'NOT_FOUND#PARENT_ORG',
    'NOT_FOUND#TEMP_MEMBERS',
    'ORG.TEMP_NOT_PARTY',
    'ORG.TEMP_RETIRED',
    'ORG.TEMP_TOO_MANY',
  ],
  access: { roles: ['admin'] },
  writes: true,
  handler: async (input, ctx) => {
    const { deps, actor } = ctx;
    const orgId = actor.orgId;
    const now = deps.clock.now();
    const result = await deps.db.transaction().execute(async (trx) => {
      // 1. 与新建组织同样的检查：上级、层级、重名
      await assertNewUnit(trx, orgId, { parentId: input.parentId, name: input.name, level: '党支部' });

      // 2. 名单里的人（连同书记）逐个核对：存在、在册、是中共党员
      const listed = [...new Set([input.secretaryId, ...input.memberIds])];
      const people = await trx
        .selectFrom('member')
        .select(['id', 'name', 'status', 'affiliation'])
        .where('org_id', '=', orgId)
        .where('id', 'in', listed)
        .forUpdate()
        .execute();
      if (people.length !== listed.length) throw new AppError('NOT_FOUND#TEMP_MEMBERS', { count: listed.length - people.length });
      const retired = people.filter((p) => p.status !== 'active');
      if (retired.length) throw new AppError('ORG.TEMP_RETIRED', { names: someNames(retired.map((p) => p.name)) });
      const notParty = people.filter((p) => p.affiliation !== '中共党员');
      if (notParty.length) throw new AppError('ORG.TEMP_NOT_PARTY', { names: someNames(notParty.map((p) => p.name)) });

      // 3. 按名册筛选的人：只取在册的中共党员
      const filtered = input.filter
        ? await filteredMembers(trx, actor, { ...input.filter, status: 'active' })!
            .where('m.affiliation', '=', '中共党员')
            .select(['m.id', 'm.name'])
            .execute()
        : [];
      const memberIds = [...new Set([...listed, ...filtered.map((f) => f.id)])];
      if (memberIds.length > TEMP_BRANCH_MAX_MEMBERS) throw new AppError('ORG.TEMP_TOO_MANY', { max: TEMP_BRANCH_MAX_MEMBERS, count: memberIds.length });

      // 4. 建支部、加入成员（书记带职务）
      const branch = await trx
        .insertInto('party_org')
        .values({
          org_id: orgId,
          parent_id: input.parentId,
          name: input.name,
          level: '党支部',
          branch_kind: '临时党支部',
          starts_on: input.startsOn,
          ends_on: input.endsOn,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('branch_membership')
        .values(
          memberIds.map((id) => ({
            org_id: orgId,
            member_id: id,
            branch_id: branch.id,
            kind: 'functional' as const,
            duty: id === input.secretaryId ? ('书记' as const) : ('党员' as const),
            joined_at: now,
          })),
        )
        .execute();
      // 5. 当上书记，书记们先前为他签的邀请码就压不住他了（与修改组织关系时一样作废），记在这一条审计里
      const voided = await voidPendingInvites(trx, ctx, input.secretaryId, now, true);
      const secretary = people.find((p) => p.id === input.secretaryId)!;
      await recordAudit(trx, ctx, {
        action: 'org.openTemporaryBranch',
        targetKind: 'party_org',
        targetId: branch.id,
        summary: `开设临时党支部 ${input.name}（${input.startsOn} 至 ${input.endsOn}），书记 ${secretary.name}，成员 ${memberIds.length} 人${voided.length ? `；作废了 ${secretary.name} 由书记签发的 ${voided.length} 张邀请码` : ''}`,
        details: { count: memberIds.length, secretaryId: input.secretaryId, memberIds, fromFilter: filtered.length, voidedInvites: voided },
      });
      return { branchId: branch.id, members: memberIds.length };
    });
    return { ...(await loadTree(deps.db, orgId)), ...result };
  },
});
