import { type AuditEntryView, type PageOf, contract } from '@tongxin/shared-types';
import { sql } from 'kysely';
import { defineAction } from '../../core/action';
import { visibleBranches } from '../../core/scope';
import { loadMemberDetail, loadMemberDetails } from './detail';

const MANAGERS = ['admin', 'secretary'] as const;

/** 成员列表：搜索姓名或手机号，按支部/专委会/界别筛选；书记只看到自己支部的成员。 */
export const list = defineAction({
  input: contract.roster.list,
  access: { roles: MANAGERS, scope: { kind: 'branch', branchId: (i: { branchId?: string }) => i.branchId } },
  handler: async (input, { deps, actor }) => {
    const { db } = deps;
    const scope = visibleBranches(actor, MANAGERS);
    let query = db.selectFrom('member as m').where('m.org_id', '=', actor.orgId);
    if (input.status !== 'all') query = query.where('m.status', '=', input.status);
    if (input.q) {
      const like = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) => eb.or([eb('m.name', 'like', like), eb('m.phone', 'like', like)]));
    }
    if (input.sectorId) query = query.where('m.sector_id', '=', input.sectorId);
    if (input.committeeId) {
      const committeeId = input.committeeId;
      query = query.where((eb) =>
        eb.exists(eb.selectFrom('member_committee as mc').select('mc.member_id').whereRef('mc.org_id', '=', 'm.org_id').whereRef('mc.member_id', '=', 'm.id').where('mc.committee_id', '=', committeeId)),
      );
    }
    const branchIds = input.branchId ? [input.branchId] : scope;
    if (branchIds) {
      if (branchIds.length === 0) return { items: [], total: 0, page: input.page, pageSize: input.pageSize };
      query = query.where((eb) =>
        eb.exists(eb.selectFrom('branch_membership as bm').select('bm.member_id').whereRef('bm.org_id', '=', 'm.org_id').whereRef('bm.member_id', '=', 'm.id').where('bm.branch_id', 'in', branchIds)),
      );
    }
    const [{ total }, ids] = await Promise.all([
      query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      query
        .select('m.id')
        // 按姓名拼音（排序键只含 ASCII，按字节比较），同名的按 id，翻页不重不漏
        .orderBy(sql`m.name_sort COLLATE "C"`)
        .orderBy('m.id')
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize)
        .execute(),
    ]);
    const items = await loadMemberDetails(db, actor, ids.map((r) => r.id), deps.clock.now());
    return { items, total: Number(total), page: input.page, pageSize: input.pageSize };
  },
});

export const get = defineAction({
  input: contract.roster.get,
  access: { roles: MANAGERS, scope: { kind: 'member', memberId: (i: { memberId: string }) => i.memberId } },
  handler: async ({ memberId }, { deps, actor }) => loadMemberDetail(deps.db, actor, memberId, deps.clock.now()),
});

/** 审计日志：只有管理员能读 */
export const auditLog = defineAction({
  input: contract.roster.auditLog,
  access: { roles: ['admin'] },
  handler: async (input, { deps, actor }): Promise<PageOf<AuditEntryView>> => {
    let query = deps.db.selectFrom('audit_log').where('org_id', '=', actor.orgId);
    if (input.action) query = query.where('action', '=', input.action);
    const [{ total }, rows] = await Promise.all([
      query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      query
        .select(['id', 'at', 'actor_name', 'action', 'target_kind', 'target_id', 'summary'])
        .orderBy('id', 'desc')
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize)
        .execute(),
    ]);
    return {
      items: rows.map((r) => ({ id: String(r.id), at: new Date(r.at).toISOString(), actorName: r.actor_name, action: r.action, targetKind: r.target_kind, targetId: r.target_id, summary: r.summary })),
      total: Number(total),
      page: input.page,
      pageSize: input.pageSize,
    };
  },
});
