import { AppError, PARTY_ORG_LEVELS, contract } from '@tongxin/shared-types';
import { type Transaction, sql } from 'kysely';
import { defineAction } from '../../core/action';
import { recordAudit } from '../../core/audit';
import { FUNCTIONAL_KINDS } from '../../domain/membership';
import { isUniqueViolation } from '../roster/refs';
import type { Database } from '../../db/schema';
import { loadTree } from './tree';

const ADMIN = { roles: ['admin'] } as const;

export const tree = defineAction({
  input: contract.org.tree,
  access: { roles: ['admin', 'secretary'] },
  handler: async (_input, { deps, actor }) => loadTree(deps.db, actor.orgId),
});

/** 新建党组织：层级须比上级低；党支部须标明类别（临时党支部即在此“开设”） */
export const createUnit = defineAction({
  input: contract.org.createUnit,
  access: ADMIN,
  writes: true,
  handler: async (input, ctx) => {
    const { deps, actor } = ctx;
    if ((input.level === '党支部') !== (input.branchKind !== null)) {
      throw new AppError('INVALID_PARAMETER', input.level === '党支部' ? '「支部类别」党支部须选择类别' : '「支部类别」只有党支部才有类别');
    }
    await deps.db.transaction().execute(async (trx) => {
      if (input.parentId) {
        const parent = await trx.selectFrom('party_org').select(['level', 'status']).where('org_id', '=', actor.orgId).where('id', '=', input.parentId).executeTakeFirst();
        if (!parent) throw new AppError('NOT_FOUND', '上级组织不存在');
        if (parent.status !== 'active') throw new AppError('CONFLICT', '上级组织已撤销');
        if (PARTY_ORG_LEVELS.indexOf(parent.level) >= PARTY_ORG_LEVELS.indexOf(input.level)) {
          throw new AppError('INVALID_PARAMETER', `「层级」${input.level}不能设在${parent.level}之下`);
        }
      }
      const sameName = await trx.selectFrom('party_org').select('id').where('org_id', '=', actor.orgId).where('name', '=', input.name).where('status', '=', 'active').executeTakeFirst();
      if (sameName) throw new AppError('CONFLICT', `已有名为“${input.name}”的组织`);
      const unit = await trx
        .insertInto('party_org')
        .values({ org_id: actor.orgId, parent_id: input.parentId, name: input.name, level: input.level, branch_kind: input.branchKind, created_at: deps.clock.now() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, { action: 'org.createUnit', targetKind: 'party_org', targetId: unit.id, summary: `新建${input.branchKind ?? input.level}：${input.name}` });
    });
    return loadTree(deps.db, actor.orgId);
  },
});

export const updateUnit = defineAction({
  input: contract.org.updateUnit,
  access: ADMIN,
  writes: true,
  handler: async (input, ctx) => {
    const { deps, actor } = ctx;
    await deps.db.transaction().execute(async (trx) => {
      const all = await trx.selectFrom('party_org').select(['id', 'parent_id', 'name', 'level', 'status']).where('org_id', '=', actor.orgId).execute();
      const unit = all.find((u) => u.id === input.id);
      if (!unit) throw new AppError('NOT_FOUND', '组织不存在');
      if (input.parentId !== undefined && input.parentId !== null) {
        const parent = all.find((u) => u.id === input.parentId);
        if (!parent) throw new AppError('NOT_FOUND', '上级组织不存在');
        // 与新建一致：不能挂到已撤销的组织之下
        if (parent.status !== 'active') throw new AppError('CONFLICT', '上级组织已撤销');
        // 不能挂到自己或自己的下级之下
        for (let p: typeof parent | undefined = parent; p; p = all.find((u) => u.id === p!.parent_id)) {
          if (p.id === unit.id) throw new AppError('INVALID_PARAMETER', '「上级组织」不能是它自己或它的下级');
        }
        if (PARTY_ORG_LEVELS.indexOf(parent.level) >= PARTY_ORG_LEVELS.indexOf(unit.level)) {
          throw new AppError('INVALID_PARAMETER', `「上级组织」${unit.level}不能设在${parent.level}之下`);
        }
      }
      await trx.updateTable('party_org').set({ name: input.name, parent_id: input.parentId }).where('org_id', '=', actor.orgId).where('id', '=', input.id).execute();
      const what = [input.name && input.name !== unit.name ? `改名为 ${input.name}` : '', input.parentId !== undefined ? '调整上级' : ''].filter(Boolean).join('，');
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
  access: ADMIN,
  writes: true,
  handler: async ({ id, reason }, ctx) => {
    const { deps, actor } = ctx;
    await deps.db.transaction().execute(async (trx) => {
      const b = await trx.selectFrom('party_org').select(['name', 'branch_kind', 'status']).where('org_id', '=', actor.orgId).where('id', '=', id).forUpdate().executeTakeFirst();
      if (!b) throw new AppError('NOT_FOUND', '支部不存在');
      if (b.branch_kind !== '临时党支部') throw new AppError('ORG.NOT_TEMPORARY', '只有临时党支部可以撤销');
      if (b.status === 'closed') throw new AppError('CONFLICT', `${b.name}已经撤销`);
      const groups = await closeWithDescendants(trx, actor.orgId, id, deps.clock.now());
      await recordAudit(trx, ctx, { action: 'org.closeBranch', targetKind: 'party_org', targetId: id, summary: `撤销 ${b.name}${groups ? `及其下 ${groups} 个党小组` : ''}：${reason}` });
    });
    return loadTree(deps.db, actor.orgId);
  },
});

/** 合并临时党支部：成员转入目标支部（已在目标支部的不重复），原支部撤销 */
export const mergeBranches = defineAction({
  input: contract.org.mergeBranches,
  access: ADMIN,
  writes: true,
  handler: async ({ sourceId, targetId }, ctx) => {
    const { deps, actor } = ctx;
    if (sourceId === targetId) throw new AppError('INVALID_PARAMETER', '「合并到的支部」不能是同一个支部');
    const moved = await deps.db.transaction().execute(async (trx) => {
      const rows = await trx.selectFrom('party_org').select(['id', 'name', 'branch_kind', 'status']).where('org_id', '=', actor.orgId).where('id', 'in', [sourceId, targetId]).forUpdate().execute();
      const source = rows.find((r) => r.id === sourceId);
      const target = rows.find((r) => r.id === targetId);
      if (!source || !target || !source.branch_kind || !target.branch_kind) throw new AppError('NOT_FOUND', '支部不存在');
      if (source.branch_kind !== '临时党支部') throw new AppError('ORG.NOT_TEMPORARY', '只有临时党支部可以被合并');
      // 转入的关系是功能型的，只能挂在功能型、临时或界别党支部上（与 checkMemberships 的规则一致）
      if (!FUNCTIONAL_KINDS.includes(target.branch_kind)) throw new AppError('INVALID_PARAMETER', `「合并到的支部」${target.name}不是功能型、临时或界别党支部`);
      if (source.status !== 'active' || target.status !== 'active') throw new AppError('CONFLICT', '已撤销的支部不能合并');
      const members = await trx.selectFrom('branch_membership').select(['member_id', 'duty']).where('org_id', '=', actor.orgId).where('branch_id', '=', sourceId).execute();
      const already = new Set(
        (await trx.selectFrom('branch_membership').select('member_id').where('org_id', '=', actor.orgId).where('branch_id', '=', targetId).execute()).map((r) => r.member_id),
      );
      const toMove = members.filter((m) => !already.has(m.member_id));
      // 临时支部的关系都是功能型；原职务（书记等）不带入目标支部
      if (toMove.length) {
        await trx.insertInto('branch_membership').values(toMove.map((m) => ({ org_id: actor.orgId, member_id: m.member_id, branch_id: targetId, kind: 'functional' as const, joined_at: deps.clock.now() }))).execute();
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
          if (Number(r.numUpdatedRows) === 0) throw new AppError('NOT_FOUND', `${label}不存在`);
        } else {
          id = (await trx.insertInto(kind).values({ org_id: actor.orgId, name }).returning('id').executeTakeFirstOrThrow()).id;
        }
        await recordAudit(trx, ctx, { action: 'org.saveGroup', targetKind: kind, targetId: id, summary: `${label}：${name}` });
      })
      .catch((err) => {
        throw isUniqueViolation(err) ? new AppError('CONFLICT', `已有同名的${label}`) : err;
      });
    return loadTree(deps.db, actor.orgId);
  },
});
