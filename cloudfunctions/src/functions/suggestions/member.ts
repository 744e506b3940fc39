import { AppError, type SuggestionSummary, contract } from '@tongxin/shared-types';
import { sql } from 'kysely';
import { defineAction } from '../../core/action';
import type { Actor } from '../../core/actor';
import { tell } from '../../hub/notices';
import { awardPoints, recordFiveOne, reverseEntry } from '../points/ledger';
import { checkPhoto, keepUploads, suggestionFile } from './files';
import { PUBLISHED_STATUSES, assertCanRead, loadView, lockOwn, summaryOf, takeStep, withAuthor, type Trx } from './shared';

/** 联名人最多几位（各地通常 10 人以内；留些余量） */
export const MAX_COSIGNERS = 20;

/** 新建或修改自己的草稿。照片只收本人上传的图片 */
export const saveDraft = defineAction({
  input: contract.suggestions.saveDraft,
  errors: ['NOT_FOUND#SUGGESTION', 'SUGGEST.NOT_DRAFT', 'FILE.NOT_FOUND', 'FILE.TOO_LARGE', 'SUGGEST.PHOTO_INVALID'],
  access: 'member',
  handler: async ({ id, ...fields }, { deps, actor }) => {
    const now = deps.clock.now();
    const previous = id
      ? await deps.db.selectFrom('suggestion').select(['photos', 'author_id']).where('org_id', '=', actor.orgId).where('id', '=', id).executeTakeFirst()
      : undefined;
    if (id && previous?.author_id !== actor.memberId) throw new AppError('NOT_FOUND#SUGGESTION');
    // 新加的照片才检查（已在草稿上的早查过）
    const known = new Set(previous?.photos ?? []);
    for (const photo of fields.photos) if (!known.has(photo)) await checkPhoto(deps, actor, photo);
    const savedId = await deps.db.transaction().execute(async (trx) => {
      let sid = id;
      if (sid) {
        const row = await lockOwn(trx, actor, sid);
        if (row.status !== 'draft') throw new AppError('SUGGEST.NOT_DRAFT');
        // 草稿改了类型（如提案改为社情民意）：联名只属于提案
        if (fields.kind !== 'proposal')
          await trx.deleteFrom('suggestion_cosigner').where('org_id', '=', actor.orgId).where('suggestion_id', '=', sid).execute();
        await trx
          .updateTable('suggestion')
          .set({ ...fields, original_kind: fields.kind, updated_at: now })
          .where('org_id', '=', actor.orgId)
          .where('id', '=', sid)
          .execute();
      } else {
        const row = await trx
          .insertInto('suggestion')
          .values({ org_id: actor.orgId, ...fields, original_kind: fields.kind, author_id: actor.memberId, created_at: now, updated_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        sid = row.id;
        await trx
          .insertInto('suggestion_step')
          .values({
            org_id: actor.orgId,
            suggestion_id: sid,
            step: 'create',
            from_status: null,
            to_status: 'draft',
            actor_kind: 'member',
            actor_id: actor.memberId,
            actor_name: actor.name,
            note: null,
            at: now,
          })
          .execute();
      }
      await keepUploads(trx, fields.photos, `suggestion:${sid}`, now);
      return sid;
    });
    return loadView(deps.db, actor.orgId, savedId, actor);
  },
});

/** 提交前：必填的写齐了，内容过了检查（微信内容安全或本地词表） */
async function assertSubmittable(
  deps: Parameters<typeof saveDraft.handler>[1]['deps'],
  actor: Actor,
  row: { kind: string; title: string; reasons: string; proposals: string },
): Promise<void> {
  if (row.title.trim().length < 4) throw new AppError('SUGGEST.INCOMPLETE', { field: '案由（至少 4 个字）' });
  if (row.reasons.trim().length < 10)
    throw new AppError('SUGGEST.INCOMPLETE', { field: row.kind === 'opinion' ? '情况（至少 10 个字）' : '理由（至少 10 个字）' });
  if (row.kind !== 'opinion' && row.proposals.trim().length < 10) throw new AppError('SUGGEST.INCOMPLETE', { field: '建议（至少 10 个字）' });
  const fields: Array<[string, string]> = [
    ['案由', row.title],
    ['理由', row.reasons],
    ['建议', row.proposals],
  ];
  for (const [field, text] of fields)
    if (text && !(await deps.content.isAcceptable(text, actor.openid))) throw new AppError('SUGGEST.CONTENT_REJECTED', { field });
}

const source = (s: { id: string; title: string }) => ({ kind: 'suggestion', id: s.id, title: s.title });

export const submit = defineAction({
  input: contract.suggestions.submit,
  errors: [
    'NOT_FOUND#SUGGESTION',
    'SUGGEST.WRONG_STATUS',
    'SUGGEST.WRONG_KIND',
    'SUGGEST.INCOMPLETE',
    'SUGGEST.CONTENT_REJECTED',
    'POINTS.YEAR_CLOSED',
    'POINTS.RULE_NOT_FOUND',
  ],
  access: 'member',
  handler: async ({ id }, { deps, actor }) => {
    const now = deps.clock.now();
    const draft = await deps.db
      .selectFrom('suggestion')
      .select(['author_id', 'kind', 'title', 'reasons', 'proposals'])
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!draft || draft.author_id !== actor.memberId) throw new AppError('NOT_FOUND#SUGGESTION');
    // 内容检查在事务外（一次网络调用，不占着锁）；事务里再按锁住的那一行核对状态
    await assertSubmittable(deps, actor, draft);
    await deps.db.transaction().execute(async (trx) => {
      const row = await lockOwn(trx, actor, id);
      if (row.title !== draft.title || row.reasons !== draft.reasons || row.proposals !== draft.proposals) await assertSubmittable(deps, actor, row);
      await takeStep(trx, actor, row, 'submit', { at: now, changes: { submitted_at: now } });
      // 社情民意报送即记分、记五个一（撤回时冲正）；提案到立案才记（见 office.ts）
      if (row.kind === 'opinion') {
        await awardPoints(trx, { orgId: actor.orgId, memberId: actor.memberId, ruleCode: 'duty.opinion', source: source(row), at: now });
        await recordFiveOne(trx, { orgId: actor.orgId, memberId: actor.memberId, item: 'opinion', source: source(row), at: now });
      }
    });
    return loadView(deps.db, actor.orgId, id, actor);
  },
});

/** 撤回：审查前。报送社情民意记的分冲正，五个一收回；待答复的联名邀请作废 */
export const withdraw = defineAction({
  input: contract.suggestions.withdraw,
  errors: [
    'NOT_FOUND#SUGGESTION',
    'SUGGEST.WRONG_STATUS',
    'SUGGEST.WRONG_KIND',
    'POINTS.YEAR_CLOSED',
    'NOT_FOUND#POINTS_ENTRY',
    'POINTS.NOT_REVERSIBLE',
    'POINTS.ALREADY_REVERSED',
  ],
  access: 'member',
  handler: async ({ id }, { deps, actor }) => {
    const now = deps.clock.now();
    await deps.db.transaction().execute(async (trx) => {
      const row = await lockOwn(trx, actor, id);
      await takeStep(trx, actor, row, 'withdraw', { at: now });
      await undoCredits(trx, actor, row.id, '建言已撤回', now);
      await lapseInvitations(trx, actor.orgId, row.id, now);
    });
    return loadView(deps.db, actor.orgId, id, actor);
  },
});

/** 这件建言记过的分全部冲正（未冲正过的），五个一收回 */
export async function undoCredits(trx: Trx, actor: Actor, suggestionId: string, reason: string, at: Date): Promise<void> {
  const entries = await trx
    .selectFrom('points_entry as e')
    .select('e.id')
    .where('e.org_id', '=', actor.orgId)
    .where('e.source_kind', '=', 'suggestion')
    .where('e.source_id', '=', suggestionId)
    .where('e.reverses_entry_id', 'is', null)
    .where('e.points', '!=', 0)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('points_entry as x').select('x.id').whereRef('x.org_id', '=', 'e.org_id').whereRef('x.reverses_entry_id', '=', 'e.id'))),
    )
    .execute();
  for (const e of entries)
    await reverseEntry(trx, { orgId: actor.orgId, entryId: e.id, reason, operator: { id: actor.memberId, name: actor.name }, at, allowClosedYear: false });
  await trx
    .deleteFrom('five_one_fulfilment')
    .where('org_id', '=', actor.orgId)
    .where('source_kind', '=', 'suggestion')
    .where('source_id', '=', suggestionId)
    .execute();
}

/** 审查或撤回后，还没答复的联名邀请作废（首页待办随之消失） */
export async function lapseInvitations(trx: Trx, orgId: string, suggestionId: string, at: Date): Promise<void> {
  await trx
    .updateTable('suggestion_cosigner')
    .set({ status: 'lapsed', answered_at: at })
    .where('org_id', '=', orgId)
    .where('suggestion_id', '=', suggestionId)
    .where('status', '=', 'invited')
    .execute();
  await tell.cosignSettled(trx, orgId, { suggestionId, at });
}

/** 我的：我提出的（含草稿）与邀请我联名的 */
export const mine = defineAction({
  input: contract.suggestions.mine,
  errors: [],
  access: 'member',
  handler: async (_input, { deps, actor }) => {
    const rows = await withAuthor(deps.db)
      .select((eb) =>
        eb.fn
          .coalesce(
            eb
              .selectFrom('suggestion_cosigner as c')
              .select('c.status')
              .whereRef('c.org_id', '=', 's.org_id')
              .whereRef('c.suggestion_id', '=', 's.id')
              .where('c.member_id', '=', actor.memberId)
              .limit(1),
            sql<string>`''`,
          )
          .as('cosign'),
      )
      .where('s.org_id', '=', actor.orgId)
      .where((eb) =>
        eb.or([
          eb('s.author_id', '=', actor.memberId),
          eb.exists(
            eb
              .selectFrom('suggestion_cosigner as c')
              .select('c.member_id')
              .whereRef('c.org_id', '=', 's.org_id')
              .whereRef('c.suggestion_id', '=', 's.id')
              .where('c.member_id', '=', actor.memberId)
              .where('c.status', 'in', ['invited', 'accepted']),
          ),
        ]),
      )
      // 别人的草稿里的邀请也列出（好去答复），草稿本身的内容由 get 再看
      .orderBy('s.updated_at', 'desc')
      .limit(200)
      .execute();
    return rows.map((r): SuggestionSummary => summaryOf(r, r.author_id === actor.memberId ? 'author' : 'cosigner'));
  },
});

/** 对全体委员公开的：已立案的提案（含后续办理）、已采用的社情民意 */
export const published = defineAction({
  input: contract.suggestions.published,
  errors: [],
  access: 'member',
  handler: async (input, { deps, actor }) => {
    const page = input?.page ?? 1;
    const pageSize = input?.pageSize ?? 20;
    const base = withAuthor(deps.db)
      .where('s.org_id', '=', actor.orgId)
      .where('s.status', 'in', [...PUBLISHED_STATUSES]);
    const [rows, total] = await Promise.all([
      base
        .orderBy('s.number_year', 'desc')
        .orderBy('s.number_seq', 'desc')
        .orderBy('s.submitted_at', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      deps.db
        .selectFrom('suggestion')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('org_id', '=', actor.orgId)
        .where('status', 'in', [...PUBLISHED_STATUSES])
        .executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map((r) => summaryOf(r, r.author_id === actor.memberId ? 'author' : null)), total: Number(total.n), page, pageSize };
  },
});

export const get = defineAction({
  input: contract.suggestions.get,
  errors: ['NOT_FOUND#SUGGESTION'],
  access: 'member',
  handler: async ({ id }, { deps, actor }) => {
    await assertCanRead(deps.db, actor, id);
    return loadView(deps.db, actor.orgId, id, actor);
  },
});

/** 看照片、答复函：看得到这件建言的人（本人、联名人、办公室；公开后人人）才取得到，且文件须在这件建言上 */
export const attachment = defineAction({
  input: contract.suggestions.attachment,
  errors: ['NOT_FOUND#SUGGESTION', 'NOT_FOUND#SUGGESTION_FILE', 'FILE.NOT_FOUND', 'FILE.TOO_LARGE'],
  access: 'member',
  handler: async ({ id, fileId }, { deps, actor }) => {
    await assertCanRead(deps.db, actor, id);
    return suggestionFile(deps, actor.orgId, id, fileId);
  },
});

/** 联名候选人：在册的委员（不含机关干部、不含本人），按姓名 */
export const candidates = defineAction({
  input: contract.suggestions.candidates,
  errors: [],
  access: 'member',
  handler: async ({ q }, { deps, actor }) => {
    let query = deps.db
      .selectFrom('member as m')
      .leftJoin('sector as s', (j) => j.onRef('s.org_id', '=', 'm.org_id').onRef('s.id', '=', 'm.sector_id'))
      .select(['m.id', 'm.name', 's.name as sector'])
      .where('m.org_id', '=', actor.orgId)
      .where('m.status', '=', 'active')
      .where('m.kind', '=', 'committee_member')
      .where('m.id', '!=', actor.memberId);
    if (q) query = query.where('m.name', 'like', `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    return query.orderBy('m.name_sort').limit(30).execute();
  },
});

/** 邀请联名：本人的提案草稿，邀请名册里在册的委员 */
export const invite = defineAction({
  input: contract.suggestions.invite,
  errors: ['NOT_FOUND#SUGGESTION', 'SUGGEST.NOT_DRAFT', 'SUGGEST.COSIGN_KIND', 'SUGGEST.COSIGN_SELF', 'SUGGEST.COSIGN_UNKNOWN', 'SUGGEST.COSIGN_TOO_MANY'],
  access: 'member',
  handler: async ({ id, memberIds }, { deps, actor }) => {
    const now = deps.clock.now();
    const ids = [...new Set(memberIds)];
    await deps.db.transaction().execute(async (trx) => {
      const row = await lockOwn(trx, actor, id);
      if (row.status !== 'draft') throw new AppError('SUGGEST.NOT_DRAFT');
      if (row.kind !== 'proposal') throw new AppError('SUGGEST.COSIGN_KIND');
      if (ids.includes(actor.memberId)) throw new AppError('SUGGEST.COSIGN_SELF');
      const found = await trx
        .selectFrom('member')
        .select('id')
        .where('org_id', '=', actor.orgId)
        .where('id', 'in', ids)
        .where('status', '=', 'active')
        .where('kind', '=', 'committee_member')
        .execute();
      if (found.length !== ids.length) throw new AppError('SUGGEST.COSIGN_UNKNOWN');
      const existing = await trx
        .selectFrom('suggestion_cosigner')
        .select('member_id')
        .where('org_id', '=', actor.orgId)
        .where('suggestion_id', '=', id)
        .execute();
      const fresh = ids.filter((m) => !existing.some((e) => e.member_id === m));
      if (existing.length + fresh.length > MAX_COSIGNERS) throw new AppError('SUGGEST.COSIGN_TOO_MANY', { max: MAX_COSIGNERS });
      if (fresh.length === 0) return;
      await trx
        .insertInto('suggestion_cosigner')
        .values(fresh.map((m) => ({ org_id: actor.orgId, suggestion_id: id, member_id: m, invited_at: now })))
        .execute();
      await trx
        .insertInto('suggestion_step')
        .values({
          org_id: actor.orgId,
          suggestion_id: id,
          step: 'invite',
          from_status: row.status,
          to_status: row.status,
          actor_kind: 'member',
          actor_id: actor.memberId,
          actor_name: actor.name,
          note: `邀请 ${fresh.length} 位委员联名`,
          at: now,
        })
        .execute();
      await tell.cosignInvited(trx, actor.orgId, { suggestionId: id, memberIds: fresh, authorName: actor.name, title: row.title || '（未写案由）', at: now });
    });
    return loadView(deps.db, actor.orgId, id, actor);
  },
});

/** 答复联名邀请：只答自己的、只答一次，提案审查前。确认后的分在立案时记（见 office.file） */
export const answerInvite = defineAction({
  input: contract.suggestions.answerInvite,
  errors: ['NOT_FOUND#COSIGN', 'NOT_FOUND#SUGGESTION', 'SUGGEST.COSIGN_ANSWERED', 'SUGGEST.COSIGN_CLOSED'],
  access: 'member',
  handler: async ({ id, accept }, { deps, actor }) => {
    const now = deps.clock.now();
    await deps.db.transaction().execute(async (trx) => {
      // 先锁建言再锁邀请（与立案同一顺序，不会互相等死）
      const s = await trx
        .selectFrom('suggestion')
        .select(['status', 'title'])
        .where('org_id', '=', actor.orgId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      const c = await trx
        .selectFrom('suggestion_cosigner')
        .select('status')
        .where('org_id', '=', actor.orgId)
        .where('suggestion_id', '=', id)
        .where('member_id', '=', actor.memberId)
        .forUpdate()
        .executeTakeFirst();
      if (!s || !c) throw new AppError('NOT_FOUND#COSIGN');
      if (c.status !== 'invited') throw new AppError(c.status === 'lapsed' ? 'SUGGEST.COSIGN_CLOSED' : 'SUGGEST.COSIGN_ANSWERED');
      if (s.status !== 'draft' && s.status !== 'submitted') throw new AppError('SUGGEST.COSIGN_CLOSED');
      await trx
        .updateTable('suggestion_cosigner')
        .set({ status: accept ? 'accepted' : 'declined', answered_at: now })
        .where('org_id', '=', actor.orgId)
        .where('suggestion_id', '=', id)
        .where('member_id', '=', actor.memberId)
        .execute();
      await trx
        .insertInto('suggestion_step')
        .values({
          org_id: actor.orgId,
          suggestion_id: id,
          step: accept ? 'cosignAccept' : 'cosignDecline',
          from_status: s.status,
          to_status: s.status,
          actor_kind: 'member',
          actor_id: actor.memberId,
          actor_name: actor.name,
          note: null,
          at: now,
        })
        .execute();
      await tell.cosignSettled(trx, actor.orgId, { suggestionId: id, memberId: actor.memberId, at: now });
    });
    return loadView(deps.db, actor.orgId, id, actor);
  },
});

/** 评价答复：提出者本人。不满意第一次退回重新办理，第二次评价为最终 */
export const rate = defineAction({
  input: contract.suggestions.rate,
  errors: ['NOT_FOUND#SUGGESTION', 'SUGGEST.WRONG_STATUS', 'SUGGEST.WRONG_KIND'],
  access: 'member',
  handler: async ({ id, rating }, { deps, actor }) => {
    const now = deps.clock.now();
    await deps.db.transaction().execute(async (trx) => {
      const row = await lockOwn(trx, actor, id);
      const d = await takeStep(trx, actor, row, 'rate', {
        at: now,
        rating,
        note: { satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' }[rating],
        changes: { rating, rated_at: now },
      });
      if (d.rehandle) {
        await trx.updateTable('suggestion').set({ rehandled: true, replied_at: null }).where('org_id', '=', actor.orgId).where('id', '=', id).execute();
        await trx
          .insertInto('suggestion_step')
          .values({
            org_id: actor.orgId,
            suggestion_id: id,
            step: 'rehandle',
            from_status: 'replied',
            to_status: 'assigned',
            actor_kind: 'member',
            actor_id: actor.memberId,
            actor_name: actor.name,
            note: '提出者不满意，退回重新办理',
            at: now,
          })
          .execute();
      } else {
        await trx.updateTable('suggestion').set({ closed_at: now }).where('org_id', '=', actor.orgId).where('id', '=', id).execute();
      }
      await tell.suggestionRated(trx, actor.orgId, { suggestionId: id, at: now });
    });
    return loadView(deps.db, actor.orgId, id, actor);
  },
});
