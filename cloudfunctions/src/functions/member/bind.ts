import { AppError, contract } from '@tongxin/shared-types';
import { defineAction } from '../../core/action';
import { resolveActor } from '../../core/actor';
import { BIND_WINDOW_MS, bindLockedUntil, hashInviteCode } from '../../domain/invite';
import { isUniqueViolation } from '../../db/errors';
import { loadProfile } from './me';

/**
 * 用邀请码绑定微信身份。失败（码错、码已用、过期、姓名不符）都记一次；十分钟内五次失败即暂时锁定。
 */
export const bind = defineAction({
  input: contract.member.bind,
  errors: ['CONFLICT#ALREADY_BOUND', 'CONFLICT#MEMBER_TAKEN', 'MEMBER.INVITE_EXPIRED', 'MEMBER.INVITE_INVALID', 'MEMBER.INVITE_INVALID#RETIRED', 'MEMBER.INVITE_USED', 'MEMBER.NAME_MISMATCH', 'NOT_FOUND#SELF', 'RATE_LIMITED#BIND'],
  access: 'identity',
  writes: true,
  handler: async ({ code, name }, { deps, openid }) => {
    const now = deps.clock.now();
    const { db } = deps;

    // 1. 是否已被锁定
    const failures = await db
      .selectFrom('bind_attempt')
      .select('at')
      .where('openid', '=', openid)
      .where('at', '>', new Date(now.getTime() - BIND_WINDOW_MS))
      .execute();
    const lockedUntil = bindLockedUntil(failures.map((f) => new Date(f.at)), now);
    if (lockedUntil) {
      const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60000));
      throw new AppError('RATE_LIMITED#BIND', { minutes });
    }

    const failWith = async (reason: string, err: AppError): Promise<never> => {
      await db.insertInto('bind_attempt').values({ openid, at: now, reason }).execute();
      throw err;
    };

    // 2. 已绑定的微信不能再绑
    const existing = await db.selectFrom('wx_binding').select('member_id').where('openid', '=', openid).executeTakeFirst();
    if (existing) throw new AppError('CONFLICT#ALREADY_BOUND');

    // 3. 核对邀请码与姓名，写入绑定（同一事务，邀请码只能用一次）
    const bound = await db.transaction().execute(async (trx) => {
      const invite = await trx
        .selectFrom('invite_code as i')
        .innerJoin('member as m', (j) => j.onRef('m.org_id', '=', 'i.org_id').onRef('m.id', '=', 'i.member_id'))
        .select(['i.org_id', 'i.id', 'i.member_id', 'i.expires_at', 'i.used_at', 'i.revoked_at', 'm.name', 'm.status'])
        .where('i.code_hash', '=', hashInviteCode(code))
        .forUpdate('i')
        .executeTakeFirst();
      if (!invite) return { error: 'invalid' as const };
      if (invite.used_at || invite.revoked_at) return { error: 'used' as const };
      if (new Date(invite.expires_at) <= now) return { error: 'expired' as const };
      if (invite.name !== name) return { error: 'name' as const };
      if (invite.status !== 'active') return { error: 'retired' as const };
      const other = await trx.selectFrom('wx_binding').select('openid').where('org_id', '=', invite.org_id).where('member_id', '=', invite.member_id).executeTakeFirst();
      if (other) return { error: 'taken' as const };
      await trx.updateTable('invite_code').set({ used_at: now, used_by_openid: openid }).where('org_id', '=', invite.org_id).where('id', '=', invite.id).execute();
      await trx.insertInto('wx_binding').values({ openid, org_id: invite.org_id, member_id: invite.member_id, bound_at: now }).execute();
      await trx
        .insertInto('audit_log')
        .values({ org_id: invite.org_id, at: now, actor_member_id: invite.member_id, actor_name: invite.name, action: 'member.bind', target_kind: 'binding', target_id: invite.member_id, summary: `${invite.name} 用邀请码绑定了微信` })
        .execute();
      return { error: null };
    }).catch((err) => {
      // 并发提交：同一微信同时绑两个码，或两个微信同时绑同一成员——由唯一约束兜底，答 CONFLICT 而不是 INTERNAL
      if (isUniqueViolation(err, 'wx_binding_member_idx')) throw new AppError('CONFLICT#MEMBER_TAKEN');
      if (isUniqueViolation(err)) throw new AppError('CONFLICT#ALREADY_BOUND');
      throw err;
    });

    switch (bound.error) {
      case 'invalid':
        return failWith('invalid', new AppError('MEMBER.INVITE_INVALID'));
      case 'used':
        return failWith('used', new AppError('MEMBER.INVITE_USED'));
      case 'expired':
        return failWith('expired', new AppError('MEMBER.INVITE_EXPIRED'));
      case 'name':
        return failWith('name', new AppError('MEMBER.NAME_MISMATCH'));
      case 'retired':
        return failWith('retired', new AppError('MEMBER.INVITE_INVALID#RETIRED'));
      case 'taken':
        throw new AppError('CONFLICT#MEMBER_TAKEN');
    }
    const actor = await resolveActor(db, openid);
    return loadProfile(db, actor.orgId, actor.memberId, actor.roles);
  },
});
