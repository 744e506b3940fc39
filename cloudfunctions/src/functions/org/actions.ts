import { AppError, PARTY_ORG_LEVELS, type PartyOrgLevel, contract } from '@tongxin/shared-types';
import { type Transaction, sql } from 'kysely';
import { defineAction } from '../../core/action';
import { recordAudit } from '../../core/audit';
import { FUNCTIONAL_KINDS } from '../../domain/membership';
import { isUniqueViolation } from '../../db/errors';
import type { Database } from '../../db/schema';
import { loadTree } from './tree';

const ADMIN = { roles: ['admin'] } as const;

export const tree = defineAction({
  input: contract.org.tree,
  errors: [],
  access: { roles: ['admin', 'secretary'] },
  handler: async (_input, { deps, actor }) => loadTree(deps.db, actor.orgId),
});

/** 新建党组织：层级须比上级低；党支部须标明类别（临时党支部即在此“开设”） */
export const createUnit = defineAction({
  input: contract.org.createUnit,
  errors: [
    'CONFLICT#ORG_NAME_TAKEN',
    'CONFLICT#PARENT_CLOSED',
    'INVALID_PARAMETER#BRANCH_KIND_ONLY_BRANCH',
    'INVALID_PARAMETER#BRANCH_KIND_REQUIRED',
    'INVALID_PARAMETER#LEVEL_ORDER',
    'NOT_FOUND#PARENT_ORG',
  ],
  access: ADMIN,
  writes: true,
  handler: async (input, ctx) => {
    const { deps, actor } = ctx;
    if ((input.level === '党支部') !== (input.branchKind !== null)) {
      throw new AppError(input.level === '党支部' ? 'INVALID_PARAMETER#BRANCH_KIND_REQUIRED' : 'INVALID_PARAMETER#BRANCH_KIND_ONLY_BRANCH');
    }
    await deps.db.transaction().execute(async (trx) => {
      await assertNewUnit(trx, actor.orgId, input);
      const unit = await trx
        .insertInto('party_org')
        .values({
          org_id: actor.orgId,
          parent_id: input.parentId,
          name: input.name,
          level: input.level,
          branch_kind: input.branchKind,
          created_at: deps.clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'org.createUnit',
        targetKind: 'party_org',
        targetId: unit.id,
        summary: `新建${input.branchKind ?? input.level}：${input.name}`,
      });
    });
    return loadTree(deps.db, actor.orgId);
  },
});

/** 新组织的上级存在、未撤销、层级更高；名称不与未撤销的组织重名（新建与一步开设临时支部共用） */
export async function assertNewUnit(
  trx: Transaction<Database>,
  orgId: string,
  unit: { parentId: string | null; name: string; level: PartyOrgLevel },
): Promise<void> {
  if (unit.parentId) {
    const parent = await trx.selectFrom('party_org').select(['level', 'status']).where('org_id', '=', orgId).where('id', '=', unit.parentId).executeTakeFirst();
    if (!parent) throw new AppError('NOT_FOUND#PARENT_ORG');
    if (parent.status !== 'active') throw new AppError('CONFLICT#PARENT_CLOSED');
    if (PARTY_ORG_LEVELS.indexOf(parent.level) >= PARTY_ORG_LEVELS.indexOf(unit.level)) {
      throw new AppError('INVALID_PARAMETER#LEVEL_ORDER', { level: unit.level, parentLevel: parent.level });
    }
  }
  const sameName = await trx
    .selectFrom('party_org')
    .select('id')
    .where('org_id', '=', orgId)
    .where('name', '=', unit.name)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (sameName) throw new AppError('CONFLICT#ORG_NAME_TAKEN', { name: unit.name });
}

export const updateUnit = defineAction({
  input: contract.org.updateUnit,
  errors: ['CONFLICT#PARENT_CLOSED', 'INVALID_PARAMETER#PARENT_CYCLE', 'INVALID_PARAMETER#PARENT_ORDER', 'NOT_FOUND#ORG', 'NOT_FOUND#PARENT_ORG'],
  access: ADMIN,
  writes: true,
  handler: async (input, ctx) => {
    const { deps, actor } = ctx;
    await deps.db.transaction().execute(async (trx) => {
      const all = await trx.selectFrom('party_org').select(['id', 'parent_id', 'name', 'level', 'status']).where('org_id', '=', actor.orgId).execute();
      const unit = all.find((u) => u.id === input.id);
      if (!unit) throw new AppError('NOT_FOUND#ORG');
      if (input.parentId !== undefined && input.parentId !== null) {
        const parent = all.find((u) => u.id === input.parentId);
        if (!parent) throw new AppError('NOT_FOUND#PARENT_ORG');
        // 与新建一致：不能挂到已撤销的组织之下
        if (parent.status !== 'active') throw new AppError('CONFLICT#PARENT_CLOSED');
        // 不能挂到自己或自己的下级之下
        for (let p: typeof parent | undefined = parent; p; p = all.find((u) => u.id === p!.parent_id)) {
          if (p.id === unit.id) throw new AppError('INVALID_PARAMETER#PARENT_CYCLE');
        }
        if (PARTY_ORG_LEVELS.indexOf(parent.level) >= PARTY_ORG_LEVELS.indexOf(unit.level)) {
          throw new AppError('INVALID_PARAMETER#PARENT_ORDER', { level: unit.level, parentLevel: parent.level });
        }
      }
      await trx
        .updateTable('party_org')
        .set({ name: input.name, parent_id: input.parentId })
        .where('org_id', '=', actor.orgId)
        .where('id', '=', input.id)
        .execute();
      const what = [input.name && input.name !== unit.name ? `改名为 ${input.name}` : '', input.parentId !== undefined ? '调整上级' : '']
        .filter(Boolean)
        .join('，');
      await recordAudit(trx, ctx, { action: 'org.updateUnit', targetKind: 'party_org', targetId: unit.id, summary: `${unit.name}：${what || '无变化'}` });
    });
    return loadTree(deps.db, actor.orgId);
  },
});

/** 撤销一个组织及其仍在的下级（党小组不能挂在已撤销的支部下）；返回一并撤销的下级个数 */
async function closeWithDescendants(trx: Transaction<Database>, orgId: string, id: string, at: Date): Promise<number> {
  const { rows } = await sql<{ id: string }>`
    WITH RECURSIVE sub AS (
      SELECT p.id FROM party_org p WHERE p.org_id = ${orgId} AND p.parent_id = ${id}
      UNION ALL
      SELECT p.id FROM party_org p JOIN sub ON p.org_id = ${orgId} AND p.parent_id = sub.id
    )
    UPDATE party_org SET status = 'closed', closed_at = ${at}
    WHERE org_id = ${orgId} AND (id = ${id} OR (id IN (SELECT id FROM sub) AND status = 'active'))
    RETURNING id`.execute(trx);
  return rows.filter((r) => r.id !== id).length;
}

/** 撤销临时党支部（全会、考察结束后）；成员的组织关系记录保留，支部不再出现在可选列表里 */
export const closeBranch = defineAction({
  input: contract.org.closeBranch,
  errors: ['CONFLICT#ORG_CLOSED', 'NOT_FOUND#BRANCH', 'ORG.NOT_TEMPORARY'],
  access: ADMIN,
  writes: true,
  handler: async ({ id, reason }, ctx) => {
    const { deps, actor } = ctx;
    await deps.db.transaction().execute(async (trx) => {
      const b = await trx
        .selectFrom('party_org')
        .select(['name', 'branch_kind', 'status'])
        .where('org_id', '=', actor.orgId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!b) throw new AppError('NOT_FOUND#BRANCH');
      if (b.branch_kind !== '临时党支部') throw new AppError('ORG.NOT_TEMPORARY');
      if (b.status === 'closed') throw new AppError('CONFLICT#ORG_CLOSED', { name: b.name });
      const groups = await closeWithDescendants(trx, actor.orgId, id, deps.clock.now());
      await recordAudit(trx, ctx, {
        action: 'org.closeBranch',
        targetKind: 'party_org',
        targetId: id,
        summary: `撤销 ${b.name}${groups ? `及其下 ${groups} 个党小组` : ''}：${reason}`,
      });
    });
    return loadTree(deps.db, actor.orgId);
  },
});

/** 合并临时党支部：成员转入目标支部（已在目标支部的不重复），原支部撤销 */
export const mergeBranches = defineAction({
  input: contract.org.mergeBranches,
  errors: ['CONFLICT#MERGE_CLOSED', 'INVALID_PARAMETER#MERGE_SAME', 'INVALID_PARAMETER#MERGE_TARGET_KIND', 'NOT_FOUND#BRANCH', 'ORG.NOT_TEMPORARY#MERGE'],
  access: ADMIN,
  writes: true,
  handler: async ({ sourceId, targetId }, ctx) => {
    const { deps, actor } = ctx;
    if (sourceId === targetId) throw new AppError('INVALID_PARAMETER#MERGE_SAME');
    const moved = await deps.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('party_org')
        .select(['id', 'name', 'branch_kind', 'status'])
        .where('org_id', '=', actor.orgId)
        .where('id', 'in', [sourceId, targetId])
        .forUpdate()
        .execute();
      const source = rows.find((r) => r.id === sourceId);
      const target = rows.find((r) => r.id === targetId);
      if (!source || !target || !source.branch_kind || !target.branch_kind) throw new AppError('NOT_FOUND#BRANCH');
      if (source.branch_kind !== '临时党支部') throw new AppError('ORG.NOT_TEMPORARY#MERGE');
      // 转入的关系是功能型的，只能挂在功能型、临时或界别党支部上（与 checkMemberships 的规则一致）
      if (!FUNCTIONAL_KINDS.includes(target.branch_kind)) throw new AppError('INVALID_PARAMETER#MERGE_TARGET_KIND', { name: target.name });
      if (source.status !== 'active' || target.status !== 'active') throw new AppError('CONFLICT#MERGE_CLOSED');
      const members = await trx
        .selectFrom('branch_membership')
        .select(['member_id', 'duty'])
        .where('org_id', '=', actor.orgId)
        .where('branch_id', '=', sourceId)
        .execute();
      const already = new Set(
        (await trx.selectFrom('branch_membership').select('member_id').where('org_id', '=', actor.orgId).where('branch_id', '=', targetId).execute()).map(
          (r) => r.member_id,
        ),
      );
      const toMove = members.filter((m) => !already.has(m.member_id));
      // 临时支部的关系都是功能型；原职务（书记等）不带入目标支部
      if (toMove.length) {
        await trx
          .insertInto('branch_membership')
          .values(
            toMove.map((m) => ({ org_id: actor.orgId, member_id: m.member_id, branch_id: targetId, kind: 'functional' as const, joined_at: deps.clock.now() })),
          )
          .execute();
      }
      const groups = await closeWithDescendants(trx, actor.orgId, sourceId, deps.clock.now());
      await recordAudit(trx, ctx, {
        action: 'org.mergeBranches',
        targetKind: 'party_org',
        targetId: sourceId,
        summary: `${source.name} 合并入 ${target.name}，转入 ${toMove.length} 人${groups ? `，原支部下 ${groups} 个党小组一并撤销` : ''}`,
        details: { targetId },
      });
      return toMove.length;
    });
    return { ...(await loadTree(deps.db, actor.orgId)), moved };
  },
});

/** 新建或改名专委会、界别 */
export const saveGroup = defineAction({
  input: contract.org.saveGroup,
  errors: ['CONFLICT#GROUP_NAME_TAKEN', 'NOT_FOUND#GROUP'],
  access: ADMIN,
  writes: true,
  handler: async ({ kind, id, name }, ctx) => {
    const { deps, actor } = ctx;
    const label = kind === 'committee' ? '专委会' : '界别';
    await deps.db
      .transaction()
      .execute(async (trx) => {
        if (id) {
          const r = await trx.updateTable(kind).set({ name }).where('org_id', '=', actor.orgId).where('id', '=', id).executeTakeFirst();
          if (Number(r.numUpdatedRows) === 0) throw new AppError('NOT_FOUND#GROUP', { label });
        } else {
          id = (await trx.insertInto(kind).values({ org_id: actor.orgId, name }).returning('id').executeTakeFirstOrThrow()).id;
        }
        await recordAudit(trx, ctx, { action: 'org.saveGroup', targetKind: kind, targetId: id, summary: `${label}：${name}` });
      })
      .catch((err) => {
        throw isUniqueViolation(err) ? new AppError('CONFLICT#GROUP_NAME_TAKEN', { label }) : err;
      });
    return loadTree(deps.db, actor.orgId);
  },
});
