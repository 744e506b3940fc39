import { AppError, contract } from '@tongxin/shared-types';
import { defineAction } from '../../core/action';
import { recordAudit } from '../../core/audit';
import { INVITE_TTL_DAYS, composeInviteCode, hashInviteCode } from '../../domain/invite';
import { byMember } from './write';

/** 签发（或重新签发）一次性邀请码：旧的未用邀请码随之作废。明文只在这次返回里出现。 */
export const issueInvite = defineAction({
  input: contract.roster.issueInvite,
  errors: ['CONFLICT#INVITE_BOUND', 'CONFLICT#INVITE_RETIRED', 'NOT_FOUND#MEMBER'],
  access: { roles: ['admin', 'secretary'], scope: byMember },
  writes: true,
  handler: async ({ memberId }, ctx) => {
    const { deps, actor } = ctx;
    const now = deps.clock.now();
    const expiresAt = new Date(now.getTime() + INVITE_TTL_DAYS * 86_400_000);
    const code = composeInviteCode(deps.random.int);
    const name = await deps.db.transaction().execute(async (trx) => {
      const m = await trx.selectFrom('member').select(['name', 'status']).where('org_id', '=', actor.orgId).where('id', '=', memberId).forUpdate().executeTakeFirst();
      if (!m) throw new AppError('NOT_FOUND#MEMBER');
      if (m.status !== 'active') throw new AppError('CONFLICT#INVITE_RETIRED', { name: m.name });
      const bound = await trx.selectFrom('wx_binding').select('openid').where('org_id', '=', actor.orgId).where('member_id', '=', memberId).executeTakeFirst();
      if (bound) throw new AppError('CONFLICT#INVITE_BOUND', { name: m.name });
      const revoked = await trx
        .updateTable('invite_code')
        .set({ revoked_at: now })
        .where('org_id', '=', actor.orgId)
        .where('member_id', '=', memberId)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      await trx.insertInto('invite_code').values({ org_id: actor.orgId, member_id: memberId, code_hash: hashInviteCode(code), issued_by: actor.memberId, issued_at: now, expires_at: expiresAt }).execute();
      const again = Number(revoked.numUpdatedRows) > 0;
      await recordAudit(trx, ctx, { action: 'roster.issueInvite', targetKind: 'invite', targetId: memberId, summary: `${again ? '重新签发' : '签发'} ${m.name} 的邀请码` });
      return m.name;
    });
    return { memberId, memberName: name, code, expiresAt: expiresAt.toISOString() };
  },
});
