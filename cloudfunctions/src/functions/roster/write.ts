import { AppError, type BranchDuty, type Gender, contract } from '@tongxin/shared-types';
import { type ActorContext, defineAction } from '../../core/action';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { recordAudit } from '../../core/audit';
import { isOrgWide } from '../../core/scope';
import { loadMemberDetail } from './detail';
import { isUniqueViolation } from '../../db/errors';
import { assertMemberRefs } from './refs';
import { nameSortKey } from '../../domain/name-sort';
import { outranksSecretary } from '../../domain/invite';
import { inviteStandingOf, voidOutrankedInvites } from './invite';

const byMember = { kind: 'member' as const, memberId: (i: { memberId: string }) => i.memberId };

export const create = defineAction({
  input: contract.roster.create,
  errors: [
    'CONFLICT#PHONE_TAKEN',
    'INVALID_PARAMETER#COMMITTEE_UNKNOWN',
    'INVALID_PARAMETER#MEMBERSHIP',
    'INVALID_PARAMETER#SECTOR_UNKNOWN',
    'NOT_FOUND#MEMBER',
  ],
  access: { roles: ['admin'] },
  writes: true,
  handler: async (input, ctx) => {
    const { deps, actor } = ctx;
    const now = deps.clock.now();
    const id = await deps.db.transaction().execute(async (trx) => {
      await assertMemberRefs(trx, actor.orgId, input);
      const m = await trx
        .insertInto('member')
        .values({
          org_id: actor.orgId,
          name: input.name,
          name_sort: nameSortKey(input.name),
          phone: input.phone,
          kind: input.kind,
          position: input.position,
          affiliation: input.affiliation,
          sector_id: input.sectorId,
          ...rosterFieldValues(input),
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
        .catch((err) => {
          throw isUniqueViolation(err) ? new AppError('CONFLICT#PHONE_TAKEN') : err;
        });
      if (input.committeeIds.length) {
        await trx
          .insertInto('member_committee')
          .values(input.committeeIds.map((c) => ({ org_id: actor.orgId, member_id: m.id, committee_id: c })))
          .execute();
      }
      if (input.memberships.length) {
        await trx
          .insertInto('branch_membership')
          .values(input.memberships.map((b) => ({ org_id: actor.orgId, member_id: m.id, branch_id: b.branchId, kind: b.kind, duty: b.duty, joined_at: now })))
          .execute();
      }
      await recordAudit(trx, ctx, { action: 'roster.create', targetKind: 'member', targetId: m.id, summary: `新增成员 ${input.name}` });
      return m.id;
    });
    return loadMemberDetail(deps.db, actor, id, now);
  },
});

/** 书记只能改本支部成员的姓名与手机号；其余字段（政治面貌、组织关系等）由政协办公室维护。 */
const SECRETARY_FIELDS = new Set(['memberId', 'name', 'phone']);

export const update = defineAction({
  input: contract.roster.update,
  errors: [
    'CONFLICT#PHONE_TAKEN',
    'FORBIDDEN#SECRETARY_FIELDS',
    'INVALID_PARAMETER#COMMITTEE_UNKNOWN',
    'INVALID_PARAMETER#MEMBERSHIP',
    'INVALID_PARAMETER#SECTOR_UNKNOWN',
    'NOT_FOUND#MEMBER',
    'ROSTER.MEMBER_ABOVE',
  ],
  access: { roles: ['admin', 'secretary'], scope: byMember },
  writes: true,
  handler: async (input, ctx) => {
    const { deps, actor } = ctx;
    if (!isOrgWide(actor, ['admin'])) {
      const extra = Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined && !SECRETARY_FIELDS.has(k));
      if (extra.length) throw new AppError('FORBIDDEN#SECRETARY_FIELDS');
    }
    const now = deps.clock.now();
    await deps.db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('member')
        .selectAll()
        .where('org_id', '=', actor.orgId)
        .where('id', '=', input.memberId)
        .forUpdate()
        .executeTakeFirst();
      if (!before) throw new AppError('NOT_FOUND#MEMBER');
      // 书记只改普通成员：管理员、书记与党务干部（包括他自己）的资料由办公室改
      if (!isOrgWide(actor, ['admin']) && outranksSecretary(await inviteStandingOf(trx, actor.orgId, input.memberId)))
        throw new AppError('ROSTER.MEMBER_ABOVE');
      const affiliation = input.affiliation ?? before.affiliation;
      // 已撤销的临时支部里的记录是历史：不核对、不改也不删（表单把它们原样带回来时同样视为历史），
      // 不应让这位成员从此无法编辑
      const existing = await currentMemberships(trx, actor.orgId, input.memberId);
      const history = new Set(existing.filter((e) => e.status !== 'active').map((e) => e.branch_id));
      const wanted = input.memberships?.filter((m) => !history.has(m.branchId));
      const memberships = wanted ?? existing.filter((e) => e.status === 'active').map((e) => ({ branchId: e.branch_id, kind: e.kind }));
      await assertMemberRefs(trx, actor.orgId, {
        affiliation,
        sectorId: input.sectorId === undefined ? null : input.sectorId,
        committeeIds: input.committeeIds ?? [],
        memberships,
      });
      const changes = {
        name: input.name,
        phone: input.phone,
        kind: input.kind,
        position: input.position,
        affiliation: input.affiliation,
        sector_id: input.sectorId,
        ...rosterFieldValues(input),
      };
      const changed = Object.entries(changes).filter(([k, v]) => v !== undefined && v !== before[k as keyof typeof before]);
      await trx
        .updateTable('member')
        .set({ ...changes, ...(input.name !== undefined ? { name_sort: nameSortKey(input.name) } : {}), updated_at: now })
        .where('org_id', '=', actor.orgId)
        .where('id', '=', input.memberId)
        .execute()
        .catch((err) => {
          throw isUniqueViolation(err) ? new AppError('CONFLICT#PHONE_TAKEN') : err;
        });
      if (input.committeeIds) {
        await trx.deleteFrom('member_committee').where('org_id', '=', actor.orgId).where('member_id', '=', input.memberId).execute();
        if (input.committeeIds.length)
          await trx
            .insertInto('member_committee')
            .values(input.committeeIds.map((c) => ({ org_id: actor.orgId, member_id: input.memberId, committee_id: c })))
            .execute();
      }
      if (wanted) {
        await replaceMemberships(trx, actor.orgId, input.memberId, existing, wanted, now);
        // 新担任支部职务：书记先前为他签的码压不住了
        await voidOutrankedInvites(trx, ctx, input.memberId, input.name ?? before.name, now);
      }
      const fields = [...changed.map(([k]) => FIELD_LABELS[k] ?? k), ...(input.committeeIds ? ['专委会'] : []), ...(input.memberships ? ['组织关系'] : [])];
      await recordAudit(trx, ctx, {
        action: 'roster.update',
        targetKind: 'member',
        targetId: input.memberId,
        summary: `修改了 ${before.name} 的${fields.length ? fields.join('、') : '资料（无变化）'}`,
        // 审计只记字段名与非敏感的新值，不把手机号写进日志
        details: { fields: changed.map(([k]) => k) },
      });
    });
    return loadMemberDetail(deps.db, actor, input.memberId, now);
  },
});

const FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  phone: '手机号',
  kind: '类别',
  position: '职务',
  affiliation: '政治面貌',
  sector_id: '界别',
  gender: '性别',
  ethnicity: '民族',
  birth_month: '出生年月',
  work_unit: '工作单位及职务',
  term: '届次',
};

/** 名册字段（性别、民族、出生年月、工作单位及职务、届次）→ 列；空串按未填；没给的（undefined）不改 */
export function rosterFieldValues(input: {
  gender?: Gender | null;
  ethnicity?: string | null;
  birthMonth?: string | null;
  workUnit?: string | null;
  term?: string | null;
}) {
  const blankToNull = <T extends string>(v: T | null | undefined) => (v === '' ? null : v);
  return {
    gender: input.gender,
    ethnicity: blankToNull(input.ethnicity),
    birth_month: blankToNull(input.birthMonth),
    work_unit: blankToNull(input.workUnit),
    term: blankToNull(input.term),
  };
}

/**
 * 在一个事务里锁住并取出一位成员（不存在即 NOT_FOUND），做完改动（含审计）后返回最新详情。
 * 退出、管理员角色、解除绑定都是这个形状。
 */
async function changeMember(
  ctx: ActorContext,
  memberId: string,
  change: (trx: Transaction<Database>, member: { name: string; status: 'active' | 'retired' }, now: Date) => Promise<void>,
) {
  const { deps, actor } = ctx;
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const m = await trx
      .selectFrom('member')
      .select(['name', 'status'])
      .where('org_id', '=', actor.orgId)
      .where('id', '=', memberId)
      .forUpdate()
      .executeTakeFirst();
    if (!m) throw new AppError('NOT_FOUND#MEMBER');
    await change(trx, m, now);
  });
  return loadMemberDetail(deps.db, actor, memberId, now);
}

/** 退出：保留全部历史，只是不再在册；同时解除微信绑定、作废未用的邀请码。 */
export const retire = defineAction({
  input: contract.roster.retire,
  errors: ['CONFLICT#ALREADY_RETIRED', 'CONFLICT#RETIRE_SELF', 'NOT_FOUND#MEMBER'],
  access: { roles: ['admin'] },
  writes: true,
  handler: async ({ memberId, reason }, ctx) => {
    const orgId = ctx.actor.orgId;
    if (memberId === ctx.actor.memberId) throw new AppError('CONFLICT#RETIRE_SELF');
    return changeMember(ctx, memberId, async (trx, m, now) => {
      if (m.status === 'retired') throw new AppError('CONFLICT#ALREADY_RETIRED', { name: m.name });
      await trx
        .updateTable('member')
        .set({ status: 'retired', retired_at: now, retire_reason: reason, updated_at: now })
        .where('org_id', '=', orgId)
        .where('id', '=', memberId)
        .execute();
      await trx.deleteFrom('wx_binding').where('org_id', '=', orgId).where('member_id', '=', memberId).execute();
      await trx
        .updateTable('invite_code')
        .set({ revoked_at: now, revoked_by: ctx.actor.memberId })
        .where('org_id', '=', orgId)
        .where('member_id', '=', memberId)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .execute();
      await recordAudit(trx, ctx, { action: 'roster.retire', targetKind: 'member', targetId: memberId, summary: `${m.name} 退出：${reason}` });
    });
  },
});

export const setAdmin = defineAction({
  input: contract.roster.setAdmin,
  errors: ['CONFLICT#ADMIN_RETIRED', 'CONFLICT#ADMIN_SELF', 'NOT_FOUND#MEMBER'],
  access: { roles: ['admin'] },
  writes: true,
  handler: async ({ memberId, admin }, ctx) => {
    const orgId = ctx.actor.orgId;
    if (!admin && memberId === ctx.actor.memberId) throw new AppError('CONFLICT#ADMIN_SELF');
    return changeMember(ctx, memberId, async (trx, m, now) => {
      if (admin) {
        if (m.status !== 'active') throw new AppError('CONFLICT#ADMIN_RETIRED');
        await trx
          .insertInto('member_role')
          .values({ org_id: orgId, member_id: memberId, role: 'admin' })
          .onConflict((oc) => oc.doNothing())
          .execute();
        // 书记先前为他签的码不能再用来绑定一个管理员账号
        await voidOutrankedInvites(trx, ctx, memberId, m.name, now);
      } else {
        await trx.deleteFrom('member_role').where('org_id', '=', orgId).where('member_id', '=', memberId).where('role', '=', 'admin').execute();
      }
      await recordAudit(trx, ctx, {
        action: 'roster.setAdmin',
        targetKind: 'member',
        targetId: memberId,
        summary: admin ? `设 ${m.name} 为管理员` : `撤销 ${m.name} 的管理员角色`,
      });
    });
  },
});

/** 解除微信绑定（换手机等）：只能由政协办公室操作 */
export const unbind = defineAction({
  input: contract.roster.unbind,
  errors: ['CONFLICT#NOT_BOUND', 'NOT_FOUND#MEMBER'],
  access: { roles: ['admin'] },
  writes: true,
  handler: async ({ memberId, reason }, ctx) =>
    changeMember(ctx, memberId, async (trx, m) => {
      const removed = await trx.deleteFrom('wx_binding').where('org_id', '=', ctx.actor.orgId).where('member_id', '=', memberId).executeTakeFirst();
      if (Number(removed.numDeletedRows) === 0) throw new AppError('CONFLICT#NOT_BOUND', { name: m.name });
      await recordAudit(trx, ctx, { action: 'roster.unbind', targetKind: 'binding', targetId: memberId, summary: `解除 ${m.name} 的微信绑定：${reason}` });
    }),
});

export { byMember };

/** 这位成员现有的组织关系（含已撤销支部里的历史记录），带支部状态 */
function currentMemberships(trx: Transaction<Database>, orgId: string, memberId: string) {
  return trx
    .selectFrom('branch_membership as bm')
    .innerJoin('party_org as p', (j) => j.onRef('p.org_id', '=', 'bm.org_id').onRef('p.id', '=', 'bm.branch_id'))
    .select(['bm.branch_id', 'bm.kind', 'bm.duty', 'p.status'])
    .where('bm.org_id', '=', orgId)
    .where('bm.member_id', '=', memberId)
    .execute();
}

/**
 * 改组织关系：按支部逐条比对，而不是删了重建。
 * - 仍在的关系保留加入时间，只改类别与职务；新加的关系从现在算起；
 * - 已撤销支部里的关系是历史（双重组织生活的导出、当时的名单要用），表单里看不到，也不删；
 * - 先删、再把主关系降为功能型、再升新的主关系、最后新增：每一步都守“只有一个第一组织关系”的唯一约束。
 */
async function replaceMemberships(
  trx: Transaction<Database>,
  orgId: string,
  memberId: string,
  existing: Awaited<ReturnType<typeof currentMemberships>>,
  wanted: ReadonlyArray<{ branchId: string; kind: 'primary' | 'functional'; duty: BranchDuty }>,
  now: Date,
): Promise<void> {
  const wantedBy = new Map(wanted.map((w) => [w.branchId, w]));
  const removed = existing.filter((e) => e.status === 'active' && !wantedBy.has(e.branch_id)).map((e) => e.branch_id);
  if (removed.length)
    await trx.deleteFrom('branch_membership').where('org_id', '=', orgId).where('member_id', '=', memberId).where('branch_id', 'in', removed).execute();
  const changed = existing.flatMap((e) => {
    const w = wantedBy.get(e.branch_id);
    return w && (w.kind !== e.kind || w.duty !== e.duty) ? [w] : [];
  });
  for (const w of [...changed.filter((c) => c.kind === 'functional'), ...changed.filter((c) => c.kind === 'primary')]) {
    await trx
      .updateTable('branch_membership')
      .set({ kind: w.kind, duty: w.duty })
      .where('org_id', '=', orgId)
      .where('member_id', '=', memberId)
      .where('branch_id', '=', w.branchId)
      .execute();
  }
  const have = new Set(existing.map((e) => e.branch_id));
  const added = wanted.filter((w) => !have.has(w.branchId));
  if (added.length) {
    await trx
      .insertInto('branch_membership')
      .values(added.map((w) => ({ org_id: orgId, member_id: memberId, branch_id: w.branchId, kind: w.kind, duty: w.duty, joined_at: now })))
      .execute();
  }
}
