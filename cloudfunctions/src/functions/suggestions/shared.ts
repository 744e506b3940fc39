import {
  AppError,
  type Rating,
  SUGGESTION_KIND_LABELS,
  SUGGESTION_STATUS_LABELS,
  type SuggestionStatus,
  type SuggestionSummary,
  type SuggestionView,
} from '@tongxin/shared-types';
import type { Selectable, Transaction, Updateable } from 'kysely';
import type { Actor } from '../../core/actor';
import type { DB } from '../../db/connect';
import type { Database } from '../../db/schema';
import type { SuggestionTable } from '../../db/schema-suggestions';
import { STEPS, type SuggestionStep, decideStep } from '../../domain/suggestion';

export type Trx = Transaction<Database>;
export type SuggestionRow = Selectable<SuggestionTable>;

export const iso = (d: Date | string | null): string | null => (d ? new Date(d).toISOString() : null);

/** 锁住一件建言（同一件的并发操作排队；排在后面的看到的是前一个提交后的状态） */
export async function lockSuggestion(trx: Trx, orgId: string, id: string): Promise<SuggestionRow> {
  const row = await trx.selectFrom('suggestion').selectAll().where('org_id', '=', orgId).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND#SUGGESTION');
  return row;
}

/** 本人的建言；别人的与不存在的答复相同（不透露它是否存在） */
export async function lockOwn(trx: Trx, actor: Actor, id: string): Promise<SuggestionRow> {
  const row = await lockSuggestion(trx, actor.orgId, id);
  if (row.author_id !== actor.memberId) throw new AppError('NOT_FOUND#SUGGESTION');
  return row;
}

/**
 * 走一步：按 domain/suggestion.ts 的表判断能不能走，能走就改状态（连同 changes）并在历史里记一行。
 * 不能走的抛出 SUGGEST.*，事务回滚，什么也不改。
 */
export async function takeStep(
  trx: Trx,
  actor: Actor,
  row: SuggestionRow,
  step: SuggestionStep,
  opts: { at: Date; note?: string | null; rating?: Rating; changes?: Updateable<SuggestionTable>; actorKind?: 'member' | 'office' | 'unit' },
): Promise<{ to: SuggestionStatus; rehandle: boolean }> {
  const d = decideStep(
    step,
    { kind: row.kind, status: row.status, rehandled: row.rehandled, isKey: row.is_key, isExcellent: row.is_excellent },
    { rating: opts.rating },
  );
  const stepLabel = STEPS[step].label;
  if (!d.ok) {
    const kind = SUGGESTION_KIND_LABELS[row.kind];
    if (d.code === 'SUGGEST.WRONG_KIND') throw new AppError('SUGGEST.WRONG_KIND', { kind, step: stepLabel });
    throw new AppError('SUGGEST.WRONG_STATUS', { kind, status: SUGGESTION_STATUS_LABELS[row.status], step: stepLabel });
  }
  await trx
    .updateTable('suggestion')
    .set({ ...opts.changes, status: d.to, updated_at: opts.at })
    .where('org_id', '=', row.org_id)
    .where('id', '=', row.id)
    .execute();
  const actorKind = opts.actorKind ?? (STEPS[step].actor === 'author' ? 'member' : STEPS[step].actor);
  await recordStep(trx, row, { step, from: row.status, to: d.to, actorKind, actor, note: opts.note ?? null, at: opts.at });
  return d;
}

export async function recordStep(
  trx: Trx,
  row: Pick<SuggestionRow, 'org_id' | 'id'>,
  s: {
    step: string;
    from: SuggestionStatus | null;
    to: SuggestionStatus;
    actorKind: 'member' | 'office' | 'unit';
    actor: Actor;
    note: string | null;
    at: Date;
  },
): Promise<void> {
  await trx
    .insertInto('suggestion_step')
    .values({
      org_id: row.org_id,
      suggestion_id: row.id,
      step: s.step,
      from_status: s.from,
      to_status: s.to,
      actor_kind: s.actorKind,
      actor_id: s.actor.memberId,
      actor_name: s.actor.name,
      note: s.note,
      at: s.at,
    })
    .execute();
}

/** 历史里的说法：本地的步骤名 + 草稿的保存 */
const STEP_LABELS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(STEPS).map(([k, v]) => [k, v.label])),
  create: '起草',
  invite: '邀请联名',
  cosignAccept: '同意联名',
  cosignDecline: '谢绝联名',
  rehandle: '退回重新办理',
};

type Reader = Pick<DB, 'selectFrom'>;

export function summaryOf(r: SuggestionRow & { author_name: string }, mine: SuggestionSummary['mine']): SuggestionSummary {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    number: r.number,
    title: r.title,
    category: r.category,
    authorName: r.author_name,
    submittedAt: iso(r.submitted_at),
    dueAt: iso(r.due_at),
    isKey: r.is_key,
    isExcellent: r.is_excellent,
    mine,
    updatedAt: iso(r.updated_at)!,
  };
}

/** 列表查询的起点：建言带提出者姓名 */
export function withAuthor(db: Reader) {
  return db
    .selectFrom('suggestion as s')
    .innerJoin('member as a', (j) => j.onRef('a.org_id', '=', 's.org_id').onRef('a.id', '=', 's.author_id'))
    .selectAll('s')
    .select('a.name as author_name');
}

/** 一件建言的全貌（调用方已确认调用者看得到它） */
export async function loadView(db: Reader, orgId: string, id: string, viewer: { memberId: string }): Promise<SuggestionView> {
  const r = await withAuthor(db).where('s.org_id', '=', orgId).where('s.id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND#SUGGESTION');
  const [cosigners, units, replies, instructions, steps] = await Promise.all([
    db
      .selectFrom('suggestion_cosigner as c')
      .innerJoin('member as m', (j) => j.onRef('m.org_id', '=', 'c.org_id').onRef('m.id', '=', 'c.member_id'))
      .select(['c.member_id', 'm.name', 'c.status', 'c.answered_at'])
      .where('c.org_id', '=', orgId)
      .where('c.suggestion_id', '=', id)
      .orderBy('c.invited_at')
      .orderBy('m.name')
      .execute(),
    db
      .selectFrom('suggestion_unit as su')
      .innerJoin('handling_unit as u', (j) => j.onRef('u.org_id', '=', 'su.org_id').onRef('u.id', '=', 'su.unit_id'))
      .select(['su.unit_id', 'u.name', 'su.lead'])
      .where('su.org_id', '=', orgId)
      .where('su.suggestion_id', '=', id)
      .orderBy('su.lead', 'desc')
      .orderBy('u.name')
      .execute(),
    db
      .selectFrom('suggestion_reply as r')
      .innerJoin('handling_unit as u', (j) => j.onRef('u.org_id', '=', 'r.org_id').onRef('u.id', '=', 'r.unit_id'))
      .select(['r.round', 'u.name', 'r.text', 'r.file_id', 'r.at'])
      .where('r.org_id', '=', orgId)
      .where('r.suggestion_id', '=', id)
      .orderBy('r.round')
      .execute(),
    db
      .selectFrom('suggestion_instruction')
      .select(['leader', 'text', 'at'])
      .where('org_id', '=', orgId)
      .where('suggestion_id', '=', id)
      .orderBy('at')
      .execute(),
    db
      .selectFrom('suggestion_step')
      .select(['step', 'actor_name', 'note', 'at'])
      .where('org_id', '=', orgId)
      .where('suggestion_id', '=', id)
      .orderBy('id')
      .execute(),
  ]);
  const mine = r.author_id === viewer.memberId ? 'author' : cosigners.some((c) => c.member_id === viewer.memberId) ? 'cosigner' : null;
  return {
    ...summaryOf(r, mine),
    authorId: r.author_id,
    reasons: r.reasons,
    proposals: r.proposals,
    photos: r.photos,
    cosigners: cosigners.map((c) => ({ memberId: c.member_id, name: c.name, status: c.status, answeredAt: iso(c.answered_at) })),
    units: units.map((u) => ({ unitId: u.unit_id, name: u.name, lead: u.lead })),
    replies: replies.map((x) => ({ round: x.round, unitName: x.name, text: x.text, fileId: x.file_id, at: iso(x.at)! })),
    metAt: iso(r.met_at),
    rating: r.rating,
    rehandled: r.rehandled,
    rejectReason: r.reject_reason,
    adoptionLevel: r.adoption_level,
    instructions: instructions.map((x) => ({ by: x.leader, text: x.text, at: iso(x.at)! })),
    chases: steps.filter((s) => s.step === 'chase').length,
    history: steps.map((s) => ({ at: iso(s.at)!, step: s.step, label: STEP_LABELS[s.step] ?? s.step, actorName: s.actor_name, note: s.note })),
  };
}

/** 对全体委员公开的状态：已立案的提案（及其后的办理）、已采用的社情民意（published 列的就是这些） */
export const PUBLISHED_STATUSES = ['filed', 'assigned', 'replied', 'closed', 'adopted'] as const;

/** 提出者、联名人（含待确认的）与办公室看得到一件建言；公开的人人看得到；其余人与不存在的答复相同 */
export async function assertCanRead(db: Reader, actor: Actor, id: string): Promise<void> {
  const r = await db.selectFrom('suggestion').select(['author_id', 'status']).where('org_id', '=', actor.orgId).where('id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND#SUGGESTION');
  if (r.author_id === actor.memberId) return;
  if ((PUBLISHED_STATUSES as readonly string[]).includes(r.status)) return;
  // 别人的草稿连办公室也不看：还没交出来
  if (actor.roles.includes('admin') && r.status !== 'draft') return;
  const c = await db
    .selectFrom('suggestion_cosigner')
    .select('member_id')
    .where('org_id', '=', actor.orgId)
    .where('suggestion_id', '=', id)
    .where('member_id', '=', actor.memberId)
    .executeTakeFirst();
  if (!c) throw new AppError('NOT_FOUND#SUGGESTION');
}

/** 承办单位只看交办给本单位的（主办或协办）；别的与不存在的答复相同，连有没有都不透露 */
export async function assertUnitAssigned(db: Reader, actor: Actor, id: string): Promise<{ lead: boolean }> {
  const r = await db
    .selectFrom('suggestion_unit')
    .select('lead')
    .where('org_id', '=', actor.orgId)
    .where('suggestion_id', '=', id)
    .where('unit_id', '=', actor.unitId ?? '00000000-0000-0000-0000-000000000000')
    .executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND#SUGGESTION');
  return r;
}

/** 北京时间的年度 */
export const beijingYear = (d: Date): number => new Date(d.getTime() + 8 * 3600_000).getUTCFullYear();
/** 北京日期 'YYYY-MM-DD' 的那一天开始（UTC 时刻） */
export const beijingDayStart = (day: string): Date => new Date(`${day}T00:00:00+08:00`);
