import { AppError, BRANCH_MANAGER_DUTIES, contract } from '@tongxin/shared-types';
import { type Transaction, sql } from 'kysely';
import { type ActorContext, defineAction } from '../../core/action';
import { recordAudit } from '../../core/audit';
import { isOrgWide } from '../../core/scope';
import type { DB } from '../../db/connect';
import type { Database } from '../../db/schema';
import { INVITE_TTL_DAYS, type InviteStanding, composeInviteCode, hashInviteCode, inviteRefusal, outranksSecretary } from '../../domain/invite';

type Trx = Transaction<Database>;
const byMember = { kind: 'member' as const, memberId: (i: { memberId: string }) => i.memberId };

/** 签发（或重新签发）一次性邀请码：旧的未用邀请码随之作废（记下作废人）。明文只在这次返回里出现。 */
export const issueInvite = defineAction({
  input: contract.roster.issueInvite,
  errors: ['CONFLICT#INVITE_BOUND', 'CONFLICT#INVITE_RETIRED', 'NOT_FOUND#MEMBER', 'ROSTER.INVITE_ABOVE'],
  access: { roles: ['admin', 'secretary'], scope: byMember },
  writes: true,
  handler: async ({ memberId }, ctx) => {
    const { deps, actor } = ctx;
    const now = deps.clock.now();
    const expiresAt = new Date(now.getTime() + INVITE_TTL_DAYS * 86_400_000);
    const code = composeInviteCode(deps.random.int);
    const name = await deps.db.transaction().execute(async (trx) => {
      const m = await trx
        .selectFrom('member')
        .select(['name', 'status'])
        .where('org_id', '=', actor.orgId)
        .where('id', '=', memberId)
        .forUpdate()
        .executeTakeFirst();
      if (!m) throw new AppError('NOT_FOUND#MEMBER');
      // 1. 签发人压得住被邀请人的角色（书记不为管理员、其他书记签发）
      const refusal = inviteRefusal({ isAdmin: isOrgWide(actor, ['admin']) }, await inviteStandingOf(trx, actor.orgId, memberId));
      if (refusal) throw new AppError(refusal);
      if (m.status !== 'active') throw new AppError('CONFLICT#INVITE_RETIRED', { name: m.name });
      const bound = await trx.selectFrom('wx_binding').select('openid').where('org_id', '=', actor.orgId).where('member_id', '=', memberId).executeTakeFirst();
      if (bound) throw new AppError('CONFLICT#INVITE_BOUND', { name: m.name });
      // 2. 作废旧码（记下谁作废的），签发新码；审计里写清作废了谁哪天签的码
      const voided = await voidPendingInvites(trx, ctx, memberId, now);
      await trx
        .insertInto('invite_code')
        .values({ org_id: actor.orgId, member_id: memberId, code_hash: hashInviteCode(code), issued_by: actor.memberId, issued_at: now, expires_at: expiresAt })
        .execute();
      await recordAudit(trx, ctx, {
        action: 'roster.issueInvite',
        targetKind: 'invite',
        targetId: memberId,
        summary: voided.length ? `重新签发 ${m.name} 的邀请码，作废了${describeVoided(voided)}` : `签发 ${m.name} 的邀请码`,
        details: voided.length ? { voided } : {},
      });
      return m.name;
    });
    return { memberId, memberName: name, code, expiresAt: expiresAt.toISOString() };
  },
});

/** 作废掉的一个邀请码：谁哪天签发的 */
export interface VoidedInvite {
  inviteId: string;
  issuedBy: string;
  issuedByName: string;
  issuedAt: string;
}

/** 作废这位成员所有未用的邀请码，记下作废人；返回作废了哪些（谁、何时签发） */
export async function voidPendingInvites(trx: Trx, ctx: ActorContext, memberId: string, now: Date, onlyIssuedByNonAdmins = false): Promise<VoidedInvite[]> {
  const orgId = ctx.actor.orgId;
  let q = trx
    .updateTable('invite_code')
    .set({ revoked_at: now, revoked_by: ctx.actor.memberId })
    .where('org_id', '=', orgId)
    .where('member_id', '=', memberId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null);
  if (onlyIssuedByNonAdmins) {
    q = q.where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('member_role as r')
            .select('r.member_id')
            .where('r.org_id', '=', orgId)
            .whereRef('r.member_id', '=', 'invite_code.issued_by')
            .where('r.role', '=', 'admin'),
        ),
      ),
    );
  }
  const rows = await q.returning(['id', 'issued_by', 'issued_at']).execute();
  if (rows.length === 0) return [];
  const issuers = await trx
    .selectFrom('member')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...new Set(rows.map((r) => r.issued_by))])
    .execute();
  const nameOf = new Map(issuers.map((i) => [i.id, i.name]));
  return rows.map((r) => ({
    inviteId: r.id,
    issuedBy: r.issued_by,
    issuedByName: nameOf.get(r.issued_by) ?? '',
    issuedAt: new Date(r.issued_at).toISOString(),
  }));
}

/** “书记乙 2026-11-20 09:00 签发的邀请码”（北京时间） */
export function describeVoided(voided: readonly VoidedInvite[]): string {
  return voided.map((v) => ` ${v.issuedByName} ${beijingMinute(v.issuedAt)} 签发的邀请码`).join('、');
}

const beijingMinute = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * 角色变了（设为管理员、担任支部职务）之后，书记先前签的码就压不住这个人了：作废它们并记审计，
 * 办公室在成员资料里看得到。绑定时还会再判一次（member.bind），这里让状态当场就对。
 */
export async function voidOutrankedInvites(trx: Trx, ctx: ActorContext, memberId: string, memberName: string, now: Date): Promise<void> {
  if (!outranksSecretary(await inviteStandingOf(trx, ctx.actor.orgId, memberId))) return;
  const voided = await voidPendingInvites(trx, ctx, memberId, now, true);
  if (voided.length === 0) return;
  await recordAudit(trx, ctx, {
    action: 'roster.voidInvite',
    targetKind: 'invite',
    targetId: memberId,
    summary: `${memberName} 的角色有变化，作废了${describeVoided(voided)}`,
    details: { voided },
  });
}

/**
 * 成员（表别名须为 m）的管理员角色与支部职务（未撤销的支部）：决定谁能为他签发邀请码。
 * 逐人签发（inviteStandingOf）与批量签发（invite-batch.ts）都用这两列，规矩只写一处。
 */
export const STANDING_COLUMNS = [
  sql<boolean>`EXISTS (SELECT 1 FROM member_role r WHERE r.org_id = m.org_id AND r.member_id = m.id AND r.role = 'admin')`.as('is_admin'),
  sql<boolean>`EXISTS (
    SELECT 1 FROM branch_membership bm JOIN party_org p ON p.org_id = bm.org_id AND p.id = bm.branch_id
    WHERE bm.org_id = m.org_id AND bm.member_id = m.id AND bm.duty IN (${sql.join([...BRANCH_MANAGER_DUTIES])}) AND p.status = 'active'
  )`.as('manages'),
] as const;

/** 查出来的两列 → 领域里的 InviteStanding */
export const standingOf = (row: { is_admin: boolean; manages: boolean } | undefined): InviteStanding => ({
  isAdmin: Boolean(row?.is_admin),
  managesBranch: Boolean(row?.manages),
});

/** 某人的管理员角色与支部职务：决定谁能为他签发邀请码 */
export async function inviteStandingOf(trx: Trx | DB, orgId: string, memberId: string): Promise<InviteStanding> {
  const row = await trx.selectFrom('member as m').select(STANDING_COLUMNS).where('m.org_id', '=', orgId).where('m.id', '=', memberId).executeTakeFirst();
  return standingOf(row);
}
