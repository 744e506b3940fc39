import { AppError, contract } from '@tongxin/shared-types';
import { defineAction } from '../../core/action';
import { resolveActor } from '../../core/actor';
import { withBindAttempt } from '../../db/attempts';
import { hashInviteCode, outranksSecretary } from '../../domain/invite';
import { inviteStandingOf } from '../roster/invite';
import { isUniqueViolation } from '../../db/errors';
import { loadProfile } from './me';

/**
 * 用邀请码绑定微信身份。失败（码错、码已用、过期、姓名不符）都记一次；十分钟内五次失败即暂时锁定（并发下也成立）。
 */
export const bind = defineAction({
  input: contract.member.bind,
  errors: [
    'CONFLICT#ALREADY_BOUND',
    'CONFLICT#MEMBER_TAKEN',
    'MEMBER.INVITE_EXPIRED',
    'MEMBER.INVITE_INVALID',
    'MEMBER.INVITE_INVALID#RETIRED',
    'MEMBER.INVITE_USED',
    'MEMBER.NAME_MISMATCH',
    'NOT_FOUND#SELF',
    'RATE_LIMITED#BIND',
  ],
  access: 'identity',
  writes: true,
  handler: async ({ code, name }, { deps, openid }) => {
    const now = deps.clock.now();
    const { db } = deps;

    // 1. 已绑定的微信不能再绑（不算一次失败）
    const existing = await db.selectFrom('wx_binding').select('member_id').where('openid', '=', openid).executeTakeFirst();
    if (existing) throw new AppError('CONFLICT#ALREADY_BOUND');
    // 已绑定为承办单位工作人员的微信也不能再绑成委员（一个微信只有一个身份）
    const asUnit = await db.selectFrom('unit_binding').select('openid').where('openid', '=', openid).executeTakeFirst();
    if (asUnit) throw new AppError('CONFLICT#ALREADY_BOUND');

    // 2. 数失败、核对邀请码与姓名、记失败或写入绑定：同一微信的尝试在一把锁下排队（db/attempts.ts），
    //    100 个并发的错码也只判得了 5 次；邀请码只能用一次（行锁）
    const bound = await withBindAttempt<{ error: null | 'taken' }, 'invalid' | 'used' | 'expired' | 'name' | 'retired'>(
      db,
      openid,
      now,
      '',
      async (trx, failed) => {
        const invite = await trx
          .selectFrom('invite_code as i')
          .innerJoin('member as m', (j) => j.onRef('m.org_id', '=', 'i.org_id').onRef('m.id', '=', 'i.member_id'))
          .select(['i.org_id', 'i.id', 'i.member_id', 'i.issued_by', 'i.expires_at', 'i.used_at', 'i.revoked_at', 'm.name', 'm.status'])
          .where('i.code_hash', '=', hashInviteCode(code))
          .forUpdate('i')
          .executeTakeFirst();
        if (!invite) return failed('invalid');
        if (invite.used_at || invite.revoked_at) return failed('used');
        if (new Date(invite.expires_at) <= now) return failed('expired');
        if (invite.name !== name) return failed('name');
        if (invite.status !== 'active') return failed('retired');
        // 签发人按现在的角色仍须压得住这位成员：书记签的码，等对方成了管理员或书记就作废了
        const issuerIsAdmin = await trx
          .selectFrom('member_role')
          .select('member_id')
          .where('org_id', '=', invite.org_id)
          .where('member_id', '=', invite.issued_by)
          .where('role', '=', 'admin')
          .executeTakeFirst();
        if (!issuerIsAdmin && outranksSecretary(await inviteStandingOf(trx, invite.org_id, invite.member_id))) return failed('used');
        const other = await trx
          .selectFrom('wx_binding')
          .select('openid')
          .where('org_id', '=', invite.org_id)
          .where('member_id', '=', invite.member_id)
          .executeTakeFirst();
        if (other) return { error: 'taken' as const };
        await trx
          .updateTable('invite_code')
          .set({ used_at: now, used_by_openid: openid })
          .where('org_id', '=', invite.org_id)
          .where('id', '=', invite.id)
          .execute();
        await trx.insertInto('wx_binding').values({ openid, org_id: invite.org_id, member_id: invite.member_id, bound_at: now }).execute();
        await trx
          .insertInto('audit_log')
          .values({
            org_id: invite.org_id,
            at: now,
            actor_member_id: invite.member_id,
            actor_name: invite.name,
            action: 'member.bind',
            target_kind: 'binding',
            target_id: invite.member_id,
            summary: `${invite.name} 用邀请码绑定了微信`,
          })
          .execute();
        return { error: null };
      },
    ).catch((err) => {
      // 并发提交：同一微信同时绑两个码，或两个微信同时绑同一成员——由唯一约束兜底，答 CONFLICT 而不是 INTERNAL
      if (isUniqueViolation(err, 'wx_binding_member_idx')) throw new AppError('CONFLICT#MEMBER_TAKEN');
      if (isUniqueViolation(err)) throw new AppError('CONFLICT#ALREADY_BOUND');
      throw err;
    });

    // 3. 失败已在锁内记下并提交：这里只把它变成答复
    switch (bound.error) {
      case 'locked': {
        const minutes = Math.max(1, Math.ceil((bound.lockedUntil.getTime() - now.getTime()) / 60000));
        throw new AppError('RATE_LIMITED#BIND', { minutes });
      }
      case 'invalid':
        throw new AppError('MEMBER.INVITE_INVALID');
      case 'used':
        throw new AppError('MEMBER.INVITE_USED');
      case 'expired':
        throw new AppError('MEMBER.INVITE_EXPIRED');
      case 'name':
        throw new AppError('MEMBER.NAME_MISMATCH');
      case 'retired':
        throw new AppError('MEMBER.INVITE_INVALID#RETIRED');
      case 'taken':
        throw new AppError('CONFLICT#MEMBER_TAKEN');
    }
    const actor = await resolveActor(db, openid);
    return loadProfile(db, actor.orgId, actor.memberId, actor.roles);
  },
});
