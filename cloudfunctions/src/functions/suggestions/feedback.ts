import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { AppError, type FeedbackView, contract } from '@tongxin/shared-types';
import { defineAction } from '../../core/action';
import type { Actor } from '../../core/actor';
import { recordAudit } from '../../core/audit';
import type { DB } from '../../db/connect';
import { tell } from '../../hub/notices';
import { iso } from './shared';

/**
 * 投诉建议（国办函〔2026〕12号要求）：人人可用（委员、机关干部、管理员），可以匿名；办公室答复。这里的一切都不记分、不扣分。
 *
 * 匿名：库里不存发件人，只存 sender_tag = HMAC(k, 成员 id + ':' + 本条 id)，k 由服务器密钥派生（不在库里）。
 * 办公室的查询读得到的列里没有能认出是谁的东西；因为每条的 tag 含本条 id，两条匿名的也看不出是不是同一人。
 * 本人列“我的”时对每条重算比对（投诉建议很少，逐条算也不费事）。具名的另存 sender_id，答复时通知本人。
 * 时间只存到日，不让精确的时刻与别的记录（审计、通知）对上。
 */
function senderTag(secret: string, memberId: string, feedbackId: string): string {
  const key = createHmac('sha256', secret).update('tongxin-feedback-sender-v1').digest();
  return createHmac('sha256', key).update(`${memberId}:${feedbackId}`).digest('hex');
}

const beijingDate = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

interface FeedbackRow {
  id: string;
  kind: FeedbackView['kind'];
  subject: FeedbackView['subject'];
  content: string;
  anonymous: boolean;
  sender_name: string | null;
  answer: string | null;
  answered_at: Date | string | null;
  created_on: string | Date;
}

const viewOf = (r: FeedbackRow): FeedbackView => ({
  id: r.id,
  kind: r.kind,
  subject: r.subject,
  content: r.content,
  anonymous: r.anonymous,
  senderName: r.anonymous ? null : r.sender_name,
  answer: r.answer,
  answeredAt: iso(r.answered_at),
  createdAt: typeof r.created_on === 'string' ? r.created_on : beijingDate(r.created_on),
});

function baseQuery(db: Pick<DB, 'selectFrom'>, orgId: string) {
  return (
    db
      .selectFrom('feedback as f')
      // 匿名的 sender_id 是 NULL（表的 CHECK 保证），这个连接对它们取不到任何人
      .leftJoin('member as m', (j) => j.onRef('m.org_id', '=', 'f.org_id').onRef('m.id', '=', 'f.sender_id'))
      .select(['f.id', 'f.kind', 'f.subject', 'f.content', 'f.anonymous', 'm.name as sender_name', 'f.answer', 'f.answered_at', 'f.created_on', 'f.sender_tag'])
      .where('f.org_id', '=', orgId)
  );
}

export const sendFeedback = defineAction({
  input: contract.suggestions.sendFeedback,
  errors: ['SUGGEST.CONTENT_REJECTED'],
  access: 'member',
  handler: async ({ kind, subject, content, anonymous }, { deps, actor }) => {
    if (!(await deps.content.isAcceptable(content, actor.openid))) throw new AppError('SUGGEST.CONTENT_REJECTED', { field: '内容' });
    const id = randomUUID();
    await deps.db
      .insertInto('feedback')
      .values({
        org_id: actor.orgId,
        id,
        kind,
        subject,
        content,
        anonymous,
        sender_id: anonymous ? null : actor.memberId,
        sender_tag: senderTag(deps.secrets.checkin, actor.memberId, id),
        created_on: beijingDate(deps.clock.now()),
      })
      .execute();
    const row = await baseQuery(deps.db, actor.orgId).where('f.id', '=', id).executeTakeFirstOrThrow();
    return viewOf(row);
  },
});

/** 本人发过的（含匿名的）：具名的按 sender_id，匿名的逐条重算 tag 比对 */
export const myFeedback = defineAction({
  input: contract.suggestions.myFeedback,
  errors: [],
  access: 'member',
  handler: async (_i, { deps, actor }) => {
    const rows = await baseQuery(deps.db, actor.orgId).orderBy('f.seq', 'desc').limit(2000).execute();
    return rows.filter((r) => isMine(deps.secrets.checkin, actor, r)).map(viewOf);
  },
});

function isMine(secret: string, actor: Actor, r: { id: string; sender_tag: string }): boolean {
  const expected = Buffer.from(senderTag(secret, actor.memberId, r.id), 'hex');
  const stored = Buffer.from(r.sender_tag, 'hex');
  return stored.length === expected.length && timingSafeEqual(stored, expected);
}

/** 办公室：全部投诉建议，新的在前；匿名的没有发件人 */
export const feedbackList = defineAction({
  input: contract.suggestions.feedbackList,
  errors: [],
  access: { roles: ['admin'] },
  handler: async (input, { deps, actor }) => {
    const page = input?.page ?? 1;
    const pageSize = input?.pageSize ?? 20;
    const [rows, total] = await Promise.all([
      baseQuery(deps.db, actor.orgId)
        .orderBy('f.seq', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      deps.db
        .selectFrom('feedback')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('org_id', '=', actor.orgId)
        .executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(viewOf), total: Number(total.n), page, pageSize };
  },
});

/** 办公室答复：具名的通知本人；匿名的本人在“我的投诉建议”里看到 */
export const answerFeedback = defineAction({
  input: contract.suggestions.answerFeedback,
  errors: ['NOT_FOUND#FEEDBACK', 'FEEDBACK.ANSWERED'],
  access: { roles: ['admin'] },
  writes: true,
  handler: async ({ id, answer }, ctx) => {
    const { deps, actor } = ctx;
    const now = deps.clock.now();
    await deps.db.transaction().execute(async (trx) => {
      const f = await trx
        .selectFrom('feedback')
        .select(['answer', 'sender_id', 'anonymous'])
        .where('org_id', '=', actor.orgId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!f) throw new AppError('NOT_FOUND#FEEDBACK');
      if (f.answer !== null) throw new AppError('FEEDBACK.ANSWERED');
      await trx
        .updateTable('feedback')
        .set({ answer, answered_by: actor.memberId, answered_at: now })
        .where('org_id', '=', actor.orgId)
        .where('id', '=', id)
        .execute();
      if (f.sender_id) {
        await tell.feedbackAnswered(trx, actor.orgId, { feedbackId: id, senderId: f.sender_id, answer, at: now });
      }
      await recordAudit(trx, ctx, {
        action: 'suggestions.answerFeedback',
        targetKind: 'feedback',
        targetId: id,
        summary: `答复了一条${f.anonymous ? '匿名' : ''}投诉建议`,
      });
    });
    const row = await baseQuery(deps.db, actor.orgId).where('f.id', '=', id).executeTakeFirstOrThrow();
    return viewOf(row);
  },
});
