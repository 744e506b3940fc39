import { AppError, type HandlingUnitView, type SuggestionSummary, type UnitStaffProfile, contract } from '@tongxin/shared-types';
import { defineAction } from '../../core/action';
import { recordAudit } from '../../core/audit';
import type { DB } from '../../db/connect';
import { withBindAttempt } from '../../db/attempts';
import { isUniqueViolation } from '../../db/errors';
import { tell } from '../../hub/notices';
import { INVITE_TTL_DAYS, composeInviteCode, hashInviteCode } from '../../domain/invite';
import { checkLetter, keepUploads, suggestionFile } from './files';
import { assertUnitAssigned, beijingDayStart, loadView, lockSuggestion, summaryOf, takeStep, withAuthor } from './shared';

const OFFICE = { roles: ['admin'] as const };
const UNIT = { roles: ['handler'] as const };

async function listUnits(db: DB, orgId: string): Promise<HandlingUnitView[]> {
  const [units, staff] = await Promise.all([
    db.selectFrom('handling_unit').select(['id', 'name']).where('org_id', '=', orgId).orderBy('name').execute(),
    db
      .selectFrom('unit_staff as s')
      .leftJoin('unit_binding as b', (j) => j.onRef('b.org_id', '=', 's.org_id').onRef('b.staff_id', '=', 's.id'))
      .select(['s.id', 's.unit_id', 's.name', 'b.openid'])
      .where('s.org_id', '=', orgId)
      .where('s.status', '=', 'active')
      .orderBy('s.name')
      .execute(),
  ]);
  return units.map((u) => ({
    id: u.id,
    name: u.name,
    staff: staff.filter((s) => s.unit_id === u.id).map((s) => ({ id: s.id, name: s.name, bound: Boolean(s.openid) })),
  }));
}

export const units = defineAction({
  input: contract.suggestions.units,
  errors: [],
  access: OFFICE,
  handler: async (_i, { deps, actor }) => listUnits(deps.db, actor.orgId),
});

export const saveUnit = defineAction({
  input: contract.suggestions.saveUnit,
  errors: ['CONFLICT#UNIT_NAME_TAKEN'],
  access: OFFICE,
  writes: true,
  handler: async ({ name }, ctx) => {
    const { deps, actor } = ctx;
    await deps.db
      .transaction()
      .execute(async (trx) => {
        const u = await trx.insertInto('handling_unit').values({ org_id: actor.orgId, name }).returning('id').executeTakeFirstOrThrow();
        await recordAudit(trx, ctx, { action: 'suggestions.saveUnit', targetKind: 'handling_unit', targetId: u.id, summary: `新增承办单位 ${name}` });
      })
      .catch((err) => {
        throw isUniqueViolation(err) ? new AppError('CONFLICT#UNIT_NAME_TAKEN', { name }) : err;
      });
    return listUnits(deps.db, actor.orgId);
  },
});

export const addUnitStaff = defineAction({
  input: contract.suggestions.addUnitStaff,
  errors: ['NOT_FOUND#UNIT'],
  access: OFFICE,
  writes: true,
  handler: async ({ unitId, name }, ctx) => {
    const { deps, actor } = ctx;
    await deps.db.transaction().execute(async (trx) => {
      const u = await trx.selectFrom('handling_unit').select('name').where('org_id', '=', actor.orgId).where('id', '=', unitId).executeTakeFirst();
      if (!u) throw new AppError('NOT_FOUND#UNIT');
      const s = await trx.insertInto('unit_staff').values({ org_id: actor.orgId, unit_id: unitId, name }).returning('id').executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'suggestions.addUnitStaff',
        targetKind: 'handling_unit',
        targetId: s.id,
        summary: `为${u.name}添加工作人员 ${name}`,
      });
    });
    return listUnits(deps.db, actor.orgId);
  },
});

/** 承办单位工作人员的邀请码：与委员的一样一次性、30 天、只存哈希；重新签发时旧码作废 */
export const issueUnitInvite = defineAction({
  input: contract.suggestions.issueUnitInvite,
  errors: ['NOT_FOUND#UNIT_STAFF', 'CONFLICT#UNIT_STAFF_BOUND'],
  access: OFFICE,
  writes: true,
  handler: async ({ staffId }, ctx) => {
    const { deps, actor } = ctx;
    const now = deps.clock.now();
    const code = composeInviteCode(deps.random.int);
    const expiresAt = new Date(now.getTime() + INVITE_TTL_DAYS * 86_400_000);
    await deps.db.transaction().execute(async (trx) => {
      const s = await trx
        .selectFrom('unit_staff')
        .select(['name', 'status'])
        .where('org_id', '=', actor.orgId)
        .where('id', '=', staffId)
        .forUpdate()
        .executeTakeFirst();
      if (!s || s.status !== 'active') throw new AppError('NOT_FOUND#UNIT_STAFF');
      const bound = await trx.selectFrom('unit_binding').select('openid').where('org_id', '=', actor.orgId).where('staff_id', '=', staffId).executeTakeFirst();
      if (bound) throw new AppError('CONFLICT#UNIT_STAFF_BOUND', { name: s.name });
      await trx
        .updateTable('unit_invite')
        .set({ used_at: now })
        .where('org_id', '=', actor.orgId)
        .where('staff_id', '=', staffId)
        .where('used_at', 'is', null)
        .execute();
      await trx
        .insertInto('unit_invite')
        .values({ org_id: actor.orgId, staff_id: staffId, code_hash: hashInviteCode(code), issued_by: actor.memberId, issued_at: now, expires_at: expiresAt })
        .execute();
      await recordAudit(trx, ctx, {
        action: 'suggestions.issueUnitInvite',
        targetKind: 'invite',
        targetId: staffId,
        summary: `签发承办单位工作人员 ${s.name} 的邀请码`,
      });
    });
    return { code, expiresAt: expiresAt.toISOString() };
  },
});

async function unitProfile(db: DB, orgId: string, staffId: string): Promise<UnitStaffProfile> {
  const r = await db
    .selectFrom('unit_staff as s')
    .innerJoin('handling_unit as u', (j) => j.onRef('u.org_id', '=', 's.org_id').onRef('u.id', '=', 's.unit_id'))
    .innerJoin('organisation as o', 'o.id', 's.org_id')
    .select(['s.id', 's.name', 's.unit_id', 'u.name as unit_name', 'o.name as org_name'])
    .where('s.org_id', '=', orgId)
    .where('s.id', '=', staffId)
    .executeTakeFirstOrThrow();
  return { id: r.id, name: r.name, unitId: r.unit_id, unitName: r.unit_name, orgName: r.org_name };
}

/**
 * 承办单位工作人员用邀请码绑定微信。与委员的绑定共用失败计数（十分钟五次即锁定）；已绑成委员的微信不能再绑成承办单位。
 */
export const bindUnit = defineAction({
  input: contract.suggestions.bindUnit,
  errors: [
    'CONFLICT#ALREADY_BOUND',
    'CONFLICT#MEMBER_TAKEN',
    'MEMBER.INVITE_INVALID',
    'MEMBER.INVITE_USED',
    'MEMBER.INVITE_EXPIRED',
    'MEMBER.NAME_MISMATCH',
    'RATE_LIMITED#BIND',
  ],
  access: 'identity',
  writes: true,
  handler: async ({ code, name }, { deps, openid }) => {
    const now = deps.clock.now();
    const { db } = deps;
    const asMember = await db.selectFrom('wx_binding').select('openid').where('openid', '=', openid).executeTakeFirst();
    const asUnit = await db.selectFrom('unit_binding').select('openid').where('openid', '=', openid).executeTakeFirst();
    if (asMember || asUnit) throw new AppError('CONFLICT#ALREADY_BOUND');
    const result = await withBindAttempt<{ error: null; orgId: string; staffId: string }, 'invalid' | 'used' | 'expired' | 'name'>(
      db,
      openid,
      now,
      'unit:',
      async (trx, failed) => {
        const inv = await trx
          .selectFrom('unit_invite as i')
          .innerJoin('unit_staff as s', (j) => j.onRef('s.org_id', '=', 'i.org_id').onRef('s.id', '=', 'i.staff_id'))
          .select(['i.org_id', 'i.id', 'i.staff_id', 'i.expires_at', 'i.used_at', 's.name', 's.status'])
          .where('i.code_hash', '=', hashInviteCode(code))
          .forUpdate('i')
          .executeTakeFirst();
        if (!inv || inv.status !== 'active') return failed('invalid');
        if (inv.used_at) return failed('used');
        if (new Date(inv.expires_at) <= now) return failed('expired');
        if (inv.name !== name) return failed('name');
        await trx.updateTable('unit_invite').set({ used_at: now }).where('org_id', '=', inv.org_id).where('id', '=', inv.id).execute();
        await trx.insertInto('unit_binding').values({ openid, org_id: inv.org_id, staff_id: inv.staff_id, bound_at: now }).execute();
        await trx
          .insertInto('audit_log')
          .values({
            org_id: inv.org_id,
            at: now,
            actor_member_id: null,
            actor_name: inv.name,
            action: 'suggestions.bindUnit',
            target_kind: 'binding',
            target_id: inv.staff_id,
            summary: `承办单位工作人员 ${inv.name} 用邀请码绑定了微信`,
          })
          .execute();
        return { error: null, orgId: inv.org_id, staffId: inv.staff_id };
      },
    ).catch((err) => {
      if (isUniqueViolation(err, 'unit_binding_staff_idx')) throw new AppError('CONFLICT#MEMBER_TAKEN');
      if (isUniqueViolation(err)) throw new AppError('CONFLICT#ALREADY_BOUND');
      throw err;
    });
    switch (result.error) {
      case 'locked':
        throw new AppError('RATE_LIMITED#BIND', { minutes: Math.max(1, Math.ceil((result.lockedUntil.getTime() - now.getTime()) / 60000)) });
      case 'invalid':
        throw new AppError('MEMBER.INVITE_INVALID');
      case 'used':
        throw new AppError('MEMBER.INVITE_USED');
      case 'expired':
        throw new AppError('MEMBER.INVITE_EXPIRED');
      case 'name':
        throw new AppError('MEMBER.NAME_MISMATCH');
    }
    return unitProfile(db, result.orgId, result.staffId);
  },
});

export const unitMe = defineAction({
  input: contract.suggestions.unitMe,
  errors: [],
  access: UNIT,
  handler: async (_i, { deps, actor }) => unitProfile(deps.db, actor.orgId, actor.memberId),
});

/** 交办给本单位的（主办或协办）；别的单位的连数目也看不到 */
export const unitList = defineAction({
  input: contract.suggestions.unitList,
  errors: [],
  access: UNIT,
  handler: async (_i, { deps, actor }) => {
    const rows = await withAuthor(deps.db)
      .innerJoin('suggestion_unit as su', (j) => j.onRef('su.org_id', '=', 's.org_id').onRef('su.suggestion_id', '=', 's.id'))
      .where('s.org_id', '=', actor.orgId)
      .where('su.unit_id', '=', actor.unitId!)
      .orderBy('s.due_at')
      .limit(500)
      .execute();
    return rows.map((r): SuggestionSummary => summaryOf(r, null));
  },
});

export const unitGet = defineAction({
  input: contract.suggestions.unitGet,
  errors: ['NOT_FOUND#SUGGESTION'],
  access: UNIT,
  handler: async ({ id }, { deps, actor }) => {
    await assertUnitAssigned(deps.db, actor, id);
    return loadView(deps.db, actor.orgId, id, actor);
  },
});

/** 承办单位看交办来的建言上的照片、答复函：只限交办给本单位的 */
export const unitAttachment = defineAction({
  input: contract.suggestions.unitAttachment,
  errors: ['NOT_FOUND#SUGGESTION', 'NOT_FOUND#SUGGESTION_FILE', 'FILE.NOT_FOUND', 'FILE.TOO_LARGE'],
  access: UNIT,
  handler: async ({ id, fileId }, { deps, actor }) => {
    await assertUnitAssigned(deps.db, actor, id);
    return suggestionFile(deps, actor.orgId, id, fileId);
  },
});

/** 答复：主办单位写答复（可附答复函：本人上传的 PDF 或图片）；提出者收到通知、首页出现“请评价” */
export const reply = defineAction({
  input: contract.suggestions.reply,
  errors: [
    'NOT_FOUND#SUGGESTION',
    'SUGGEST.NOT_LEAD_UNIT',
    'SUGGEST.WRONG_STATUS',
    'SUGGEST.WRONG_KIND',
    'FILE.NOT_FOUND',
    'FILE.TOO_LARGE',
    'SUGGEST.LETTER_INVALID',
  ],
  access: UNIT,
  // 承办单位的写不进审计日志（那是管理员、书记的），每一步记在建言的办理历史里
  writes: true,
  handler: async ({ id, text, letterFileId }, { deps, actor }) => {
    const now = deps.clock.now();
    const { lead } = await assertUnitAssigned(deps.db, actor, id);
    if (!lead) throw new AppError('SUGGEST.NOT_LEAD_UNIT');
    if (letterFileId) await checkLetter(deps, actor, letterFileId);
    await deps.db.transaction().execute(async (trx) => {
      const row = await lockSuggestion(trx, actor.orgId, id);
      await takeStep(trx, actor, row, 'reply', { at: now, changes: { replied_at: now } });
      await trx
        .insertInto('suggestion_reply')
        .values({
          org_id: actor.orgId,
          suggestion_id: id,
          round: row.rehandled ? 2 : 1,
          unit_id: actor.unitId!,
          text,
          file_id: letterFileId ?? null,
          staff_id: actor.memberId,
          at: now,
        })
        .execute();
      if (letterFileId) await keepUploads(trx, [letterFileId], `suggestion:${id}`, now);
      const unit = await trx
        .selectFrom('handling_unit')
        .select('name')
        .where('org_id', '=', actor.orgId)
        .where('id', '=', actor.unitId!)
        .executeTakeFirstOrThrow();
      await tell.suggestionReplied(trx, actor.orgId, { suggestionId: id, authorId: row.author_id, unitName: unit.name, title: row.title, at: now });
    });
    return loadView(deps.db, actor.orgId, id, actor);
  },
});

/** 见面沟通：主办或协办单位记下与提出者见面的日期（见面率据此统计） */
export const meet = defineAction({
  input: contract.suggestions.meet,
  errors: ['NOT_FOUND#SUGGESTION', 'SUGGEST.MEET_FUTURE', 'SUGGEST.WRONG_STATUS', 'SUGGEST.WRONG_KIND'],
  access: UNIT,
  writes: true,
  handler: async ({ id, metOn, note }, { deps, actor }) => {
    const now = deps.clock.now();
    await assertUnitAssigned(deps.db, actor, id);
    const metAt = beijingDayStart(metOn);
    if (metAt > now) throw new AppError('SUGGEST.MEET_FUTURE');
    await deps.db.transaction().execute(async (trx) => {
      const row = await lockSuggestion(trx, actor.orgId, id);
      await takeStep(trx, actor, row, 'meet', { at: now, note: `${metOn} 见面${note ? `：${note}` : ''}`, changes: { met_at: metAt } });
    });
    return loadView(deps.db, actor.orgId, id, actor);
  },
});
