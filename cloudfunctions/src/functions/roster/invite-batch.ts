import { AppError, type BatchInvite, type BatchInvitesIssued, contract } from '@tongxin/shared-types';
import { sql } from 'kysely';
import { writeXlsx } from '../../adapters/spreadsheet';
import { defineAction } from '../../core/action';
import { recordAudit } from '../../core/audit';
import { isOrgWide } from '../../core/scope';
import { INVITE_TTL_DAYS, composeInviteCode, hashInviteCode, outranksSecretary } from '../../domain/invite';
import { filteredMembers } from './filters';
import { STANDING_COLUMNS, standingOf } from './invite';

/** 一次最多签发多少张：一个政协 600–760 人，一次签完全体在册委员还有余量；再多就分批 */
export const BATCH_INVITE_MAX = 1000;

/**
 * 批量签发邀请码：筛选出的每一位在册、尚未绑定微信的成员各得一张，同一事务，一条审计（写明张数）。
 * 规则与 roster.issueInvite 逐人相同：书记只在自己的支部里签，不为管理员、支部书记、副书记、党务干部签
 * （这些人不进批次，计入 skipped.above；单个签发时同样的人得到 ROSTER.INVITE_ABOVE）。
 * 已有未过期邀请码的人默认跳过：那张码也许已经交到本人手里。
 */
export const issueInvites = defineAction({
  input: contract.roster.issueInvites,
  errors: ['ROSTER.BATCH_TOO_MANY'],
  access: { roles: ['admin', 'secretary'], scope: { kind: 'branch', branchId: (i: { branchId?: string }) => i.branchId } },
  writes: true,
  handler: async (input, ctx): Promise<BatchInvitesIssued> => {
    const { deps, actor } = ctx;
    const orgId = actor.orgId;
    const now = deps.clock.now();
    const expiresAt = new Date(now.getTime() + INVITE_TTL_DAYS * 86_400_000);
    const byAdmin = isOrgWide(actor, ['admin']);

    const result = await deps.db.transaction().execute(async (trx) => {
      // 1. 名册里同样的筛选（书记限本人支部），只要在册、未绑定的
      const base = filteredMembers(trx, actor, { ...input, status: 'active' });
      if (!base) return { invites: [], skipped: { above: 0, pending: 0 } };
      const candidates = await base
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('wx_binding as w').select('w.member_id').whereRef('w.org_id', '=', 'm.org_id').whereRef('w.member_id', '=', 'm.id'))),
        )
        .select(['m.id', 'm.name', 'm.name_sort'])
        .select(STANDING_COLUMNS)
        .select(({ exists, selectFrom }) => [
          exists(
            selectFrom('invite_code as i')
              .select('i.member_id')
              .whereRef('i.org_id', '=', 'm.org_id')
              .whereRef('i.member_id', '=', 'm.id')
              .where('i.used_at', 'is', null)
              .where('i.revoked_at', 'is', null)
              .where('i.expires_at', '>', now),
          ).as('pending'),
        ])
        // 与名册同一个次序（姓名拼音，按字节比较；同名按 id）：分发表与名册对得上
        .orderBy(sql`m.name_sort COLLATE "C", m.id`)
        .forUpdate()
        .execute();
      // 2. 与单个签发同一条规矩（domain/invite 的 outranksSecretary，inviteRefusal 也用它）：书记压不住的人不进批次
      const above = byAdmin ? [] : candidates.filter((c) => outranksSecretary(standingOf(c)));
      const eligible = candidates.filter((c) => !above.includes(c));
      const pending = input.reissue ? [] : eligible.filter((c) => c.pending);
      const chosen = eligible.filter((c) => !pending.includes(c));
      if (chosen.length > BATCH_INVITE_MAX) throw new AppError('ROSTER.BATCH_TOO_MANY', { count: chosen.length, max: BATCH_INVITE_MAX });
      const skipped = { above: above.length, pending: pending.length };
      if (chosen.length === 0) return { invites: [], skipped };
      const ids = chosen.map((c) => c.id);

      // 3. 作废这些人未用的旧码（重新签发时），再一条语句签发新码
      const voided = await trx
        .updateTable('invite_code')
        .set({ revoked_at: now, revoked_by: actor.memberId })
        .where('org_id', '=', orgId)
        .where('member_id', 'in', ids)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .returning('id')
        .execute();
      const codes = uniqueCodes(chosen.length, deps.random.int);
      await trx
        .insertInto('invite_code')
        .values(
          chosen.map((c, i) => ({
            org_id: orgId,
            member_id: c.id,
            code_hash: hashInviteCode(codes[i]),
            issued_by: actor.memberId,
            issued_at: now,
            expires_at: expiresAt,
          })),
        )
        .execute();

      // 4. 分发表要的支部、界别
      const [branches, sectors] = await Promise.all([
        trx
          .selectFrom('branch_membership as bm')
          .innerJoin('party_org as p', (j) => j.onRef('p.org_id', '=', 'bm.org_id').onRef('p.id', '=', 'bm.branch_id'))
          .select(['bm.member_id', 'p.name', 'bm.kind'])
          .where('bm.org_id', '=', orgId)
          .where('bm.member_id', 'in', ids)
          .where('p.status', '=', 'active')
          .orderBy('bm.kind', 'desc')
          .orderBy('p.sort_order')
          .execute(),
        trx
          .selectFrom('member as m')
          .innerJoin('sector as s', (j) => j.onRef('s.org_id', '=', 'm.org_id').onRef('s.id', '=', 'm.sector_id'))
          .select(['m.id', 's.name'])
          .where('m.org_id', '=', orgId)
          .where('m.id', 'in', ids)
          .execute(),
      ]);
      const sectorOf = new Map(sectors.map((s) => [s.id, s.name]));
      const invites: BatchInvite[] = chosen.map((c, i) => ({
        memberId: c.id,
        memberName: c.name,
        code: codes[i],
        expiresAt: expiresAt.toISOString(),
        branchNames: branches
          .filter((b) => b.member_id === c.id)
          .map((b) => b.name)
          .join('、'),
        sectorName: sectorOf.get(c.id) ?? null,
      }));

      // 5. 一条审计：张数、对象（不含明文邀请码）
      await recordAudit(trx, ctx, {
        action: 'roster.issueInvites',
        targetKind: 'invite',
        targetId: null,
        summary: `批量签发 ${invites.length} 张邀请码${voided.length ? `，作废了 ${voided.length} 张未用的旧码` : ''}${skipped.above ? `；${skipped.above} 位管理员或支部书记未签发` : ''}${skipped.pending ? `；${skipped.pending} 位已有邀请码，未重新签发` : ''}`,
        details: {
          count: invites.length,
          memberIds: ids,
          voided: voided.length,
          skipped,
          filters: { q: input.q, branchId: input.branchId, committeeId: input.committeeId, sectorId: input.sectorId },
        },
      });
      return { invites, skipped };
    });

    if (result.invites.length === 0) return { ...result, file: null };
    const date = now.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const sheet = await writeXlsx(
      '邀请码',
      ['姓名', '支部', '界别', '邀请码', '有效期至'],
      result.invites.map((v) => [
        v.memberName,
        v.branchNames,
        v.sectorName ?? '',
        v.code,
        expiresAt.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }),
      ]),
    );
    return { ...result, file: { fileName: `邀请码-${date}-${result.invites.length}人.xlsx`, contentBase64: sheet.toString('base64') } };
  },
});

/** 一批里互不相同的邀请码（库里 code_hash 唯一；8 位 32 进制，撞号几乎不会发生，发生了就再抽） */
function uniqueCodes(n: number, nextInt: (max: number) => number): string[] {
  const seen = new Set<string>();
  while (seen.size < n) seen.add(composeInviteCode(nextInt));
  return [...seen];
}
