import { type AuditEntryView, type PageOf, contract, MEMBER_STATUS_LABELS } from '@tongxin/shared-types';
import { sql } from 'kysely';
import { writeXlsx } from '../../adapters/spreadsheet';
import { defineAction } from '../../core/action';
import { recordAudit } from '../../core/audit';
import { loadMemberDetail, loadMemberDetails } from './detail';
import { filteredMembers } from './filters';

const MANAGERS = ['admin', 'secretary'] as const;

/** 按姓名拼音（排序键只含 ASCII，按字节比较），同名的按 id，翻页不重不漏 */
const byName = sql`m.name_sort COLLATE "C", m.id`;

/** 成员列表：搜索姓名或手机号，按支部/专委会/界别筛选；书记只看到自己支部的成员。 */
export const list = defineAction({
  input: contract.roster.list,
  errors: [],
  access: { roles: MANAGERS, scope: { kind: 'branch', branchId: (i: { branchId?: string }) => i.branchId } },
  handler: async (input, { deps, actor }) => {
    const { db } = deps;
    const query = filteredMembers(db, actor, input);
    if (!query) return { items: [], total: 0, page: input.page, pageSize: input.pageSize };
    const [{ total }, ids] = await Promise.all([
      query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      query
        .select('m.id')
        .orderBy(byName)
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize)
        .execute(),
    ]);
    const items = await loadMemberDetails(
      db,
      actor,
      ids.map((r) => r.id),
      deps.clock.now(),
    );
    return { items, total: Number(total), page: input.page, pageSize: input.pageSize };
  },
});

const EXPORT_LIMIT = 20_000;

/** 导出名册（XLSX）：与列表同样的筛选；含手机号、政治面貌，只限管理员，导出记入审计 */
export const exportRoster = defineAction({
  input: contract.roster.exportRoster,
  errors: [],
  access: { roles: ['admin'] },
  writes: true,
  handler: async (input, ctx) => {
    const { deps, actor } = ctx;
    const query = filteredMembers(deps.db, actor, input)!;
    const ids = (await query.select('m.id').orderBy(byName).limit(EXPORT_LIMIT).execute()).map((r) => r.id);
    const members = ids.length ? await loadMemberDetails(deps.db, actor, ids, deps.clock.now()) : [];
    const file = await writeXlsx(
      '成员名册',
      ['姓名', '手机号', '类别', '职务', '政治面貌', '界别', '专委会', '党组织关系', '性别', '民族', '出生年月', '工作单位及职务', '届次', '微信绑定', '状态'],
      members.map((m) => [
        m.name,
        m.phone ?? '',
        m.kind === 'staff' ? '机关干部' : '政协委员',
        m.position,
        m.affiliation ?? '',
        m.sector?.name ?? '',
        m.committees.map((c) => c.name).join('、'),
        m.branches.map((b) => `${b.branchName}（${b.kind === 'primary' ? '第一组织关系' : '功能型'}${b.duty === '党员' ? '' : `·${b.duty}`}）`).join('；'),
        m.gender ?? '',
        m.ethnicity ?? '',
        m.birthMonth ?? '',
        m.workUnit ?? '',
        m.term ?? '',
        m.bound ? '已绑定' : '未绑定',
        MEMBER_STATUS_LABELS[m.status],
      ]),
    );
    await deps.db
      .transaction()
      .execute((trx) =>
        recordAudit(trx, ctx, { action: 'roster.exportRoster', targetKind: 'export', targetId: null, summary: `导出成员名册（${members.length} 人）` }),
      );
    const date = deps.clock.now().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    return { fileName: `成员名册-${date}.xlsx`, contentBase64: file.toString('base64') };
  },
});

export const get = defineAction({
  input: contract.roster.get,
  errors: ['NOT_FOUND#MEMBER'],
  access: { roles: MANAGERS, scope: { kind: 'member', memberId: (i: { memberId: string }) => i.memberId } },
  handler: async ({ memberId }, { deps, actor }) => loadMemberDetail(deps.db, actor, memberId, deps.clock.now()),
});

/** 审计日志：只有管理员能读 */
export const auditLog = defineAction({
  input: contract.roster.auditLog,
  errors: [],
  access: { roles: ['admin'] },
  handler: async (input, { deps, actor }): Promise<PageOf<AuditEntryView>> => {
    let query = deps.db.selectFrom('audit_log').where('org_id', '=', actor.orgId);
    if (input.action) query = query.where('action', '=', input.action);
    // 人：操作者姓名里含这几个字，或摘要里提到（摘要写的是“谁做了什么”，被操作的人的姓名在里面）
    if (input.person) {
      const like = `%${input.person.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) => eb.or([eb('actor_name', 'like', like), eb('summary', 'like', like)]));
    }
    if (input.memberId) {
      const id = input.memberId;
      query = query.where((eb) => eb.or([eb('actor_member_id', '=', id), eb.and([eb('target_kind', '=', 'member'), eb('target_id', '=', id)])]));
    }
    if (input.from) query = query.where('at', '>=', new Date(`${input.from}T00:00:00+08:00`));
    if (input.to) query = query.where('at', '<', new Date(new Date(`${input.to}T00:00:00+08:00`).getTime() + 86_400_000));
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
      items: rows.map((r) => ({
        id: String(r.id),
        at: new Date(r.at).toISOString(),
        actorName: r.actor_name,
        action: r.action,
        targetKind: r.target_kind,
        targetId: r.target_id,
        summary: r.summary,
      })),
      total: Number(total),
      page: input.page,
      pageSize: input.pageSize,
    };
  },
});
