import { AppError, contract, type MaterialView, type MyNote } from '@tongxin/shared-types';
import { sql } from 'kysely';
import { defineAction } from '../../core/action';
import { type AwardOutcome, awardPoints } from '../points/ledger';
import { SUMMARY_COLUMNS, assignmentIncludesMember, iso, loadMaterial, matchesSearch, materialPage, toSummaries } from './shared';

/** 附件经函数取回时的上限（发布时已按此检查） */
export const ATTACHMENT_MAX_BYTES = 8 * 1024 * 1024;

const pointsOf = (o: AwardOutcome): number | null => (o.status === 'awarded' || o.status === 'capped' || o.status === 'duplicate' ? o.points : null);

/** 材料库：已发布的，按栏目、按关键词（标题与正文；两个字的词也能找到），新的在前 */
export const list = defineAction({
  input: contract.study.list,
  errors: [],
  access: 'member',
  handler: async (input, { deps, actor }) => {
    let q = deps.db.selectFrom('study_material').where('org_id', '=', actor.orgId).where('status', '=', 'published');
    if (input?.category) q = q.where('category', '=', input.category);
    if (input?.q) {
      q = q.where(matchesSearch(actor.orgId, input.q));
    }
    return materialPage(deps.db, actor, q, { searching: Boolean(input?.q), newestBy: 'published_at', page: input?.page, pageSize: input?.pageSize });
  },
});

/** 阅读：已撤回的与不存在的一样找不到 */
export const get = defineAction({
  input: contract.study.get,
  errors: ['NOT_FOUND#MATERIAL'],
  access: 'member',
  handler: async ({ materialId }, { deps, actor }): Promise<MaterialView> => {
    const row = await loadMaterial(deps.db, actor.orgId, materialId);
    return materialView(deps.db, actor, row);
  },
});

export async function materialView(
  db: Parameters<typeof toSummaries>[0],
  actor: { orgId: string; memberId: string },
  row: Awaited<ReturnType<typeof loadMaterial>>,
): Promise<MaterialView> {
  const [[summary], assignments, note] = await Promise.all([
    toSummaries(db, actor.orgId, actor.memberId, [row]),
    db
      .selectFrom('study_assignment as s')
      .innerJoin('member as m', (j) => j.onRef('m.org_id', '=', 's.org_id'))
      .select(['s.id', 's.due_at'])
      .where('s.org_id', '=', actor.orgId)
      .where('s.material_id', '=', row.id)
      .where('m.id', '=', actor.memberId)
      .where(assignmentIncludesMember(sql.ref('s.id')))
      .orderBy('s.due_at')
      .execute(),
    db
      .selectFrom('material_note')
      .select(['content', 'updated_at'])
      .where('org_id', '=', actor.orgId)
      .where('material_id', '=', row.id)
      .where('member_id', '=', actor.memberId)
      .executeTakeFirst(),
  ]);
  return {
    ...summary,
    bodyHtml: row.body_html,
    attachments: row.attachments,
    links: row.links,
    assignments: assignments.map((a) => ({ id: a.id, dueAt: iso(a.due_at) })),
    myNote: note ? { content: note.content, updatedAt: iso(note.updated_at) } : null,
  };
}

/** 打开附件：只给这篇（已发布）材料上挂着的文件，别的 fileId 一概不给 */
export const attachment = defineAction({
  input: contract.study.attachment,
  errors: ['NOT_FOUND#MATERIAL', 'NOT_FOUND#ATTACHMENT', 'FILE.NOT_FOUND', 'FILE.TOO_LARGE'],
  access: 'member',
  handler: async ({ materialId, fileId }, { deps, actor }) => {
    const row = await loadMaterial(deps.db, actor.orgId, materialId);
    const file = row.attachments.find((a) => a.fileId === fileId);
    if (!file) throw new AppError('NOT_FOUND#ATTACHMENT');
    const content = await deps.files.read(fileId, ATTACHMENT_MAX_BYTES);
    return { fileName: file.name, contentBase64: content.toString('base64') };
  },
});

/**
 * 读完：本人在文末确认。只记“读完了”与确认的时刻，不记读了多久（国办函〔2026〕12号）。
 * 这篇布置给了本人的，按“完成必学篇目”记分（每篇一次，年度上限），与确认同一事务。
 */
export const finish = defineAction({
  input: contract.study.finish,
  errors: ['NOT_FOUND#MATERIAL', 'POINTS.YEAR_CLOSED', 'POINTS.RULE_NOT_FOUND'],
  access: 'member',
  handler: async ({ materialId }, { deps, actor }) => {
    const now = deps.clock.now();
    return deps.db.transaction().execute(async (trx) => {
      const row = await loadMaterial(trx, actor.orgId, materialId);
      await trx
        .insertInto('study_reading')
        .values({ org_id: actor.orgId, material_id: materialId, member_id: actor.memberId, finished_at: now })
        .onConflict((oc) => oc.doNothing())
        .execute();
      const done = await trx
        .selectFrom('study_reading')
        .select('finished_at')
        .where('org_id', '=', actor.orgId)
        .where('material_id', '=', materialId)
        .where('member_id', '=', actor.memberId)
        .executeTakeFirstOrThrow();
      const assigned = await trx
        .selectFrom('study_assignment as s')
        .innerJoin('member as m', (j) => j.onRef('m.org_id', '=', 's.org_id'))
        .select('s.id')
        .where('s.org_id', '=', actor.orgId)
        .where('s.material_id', '=', materialId)
        .where('m.id', '=', actor.memberId)
        .where('m.status', '=', 'active')
        .where(assignmentIncludesMember(sql.ref('s.id')))
        .executeTakeFirst();
      let points: number | null = null;
      if (assigned) {
        const outcome = await awardPoints(trx, {
          orgId: actor.orgId,
          memberId: actor.memberId,
          ruleCode: 'duty.study_reading',
          source: { kind: 'study_material', id: materialId, title: row.title },
          at: new Date(done.finished_at),
          reason: '读完必学篇目',
        });
        points = pointsOf(outcome);
      }
      return { finishedAt: iso(done.finished_at), points };
    });
  },
});

export const favourite = defineAction({
  input: contract.study.favourite,
  errors: ['NOT_FOUND#MATERIAL'],
  access: 'member',
  handler: async ({ materialId, on }, { deps, actor }) => {
    if (on) {
      await loadMaterial(deps.db, actor.orgId, materialId);
      await deps.db
        .insertInto('study_favourite')
        .values({ org_id: actor.orgId, material_id: materialId, member_id: actor.memberId, created_at: deps.clock.now() })
        .onConflict((oc) => oc.doNothing())
        .execute();
    } else {
      await deps.db
        .deleteFrom('study_favourite')
        .where('org_id', '=', actor.orgId)
        .where('material_id', '=', materialId)
        .where('member_id', '=', actor.memberId)
        .execute();
    }
    return { favourite: on };
  },
});

/** 我的收藏（已撤回的不再列出） */
export const favourites = defineAction({
  input: contract.study.favourites,
  errors: [],
  access: 'member',
  handler: async (_input, { deps, actor }) => {
    const rows = await deps.db
      .selectFrom('study_favourite as f')
      .innerJoin('study_material as s', (j) => j.onRef('s.org_id', '=', 'f.org_id').onRef('s.id', '=', 'f.material_id'))
      .select(SUMMARY_COLUMNS.map((c) => `s.${c}` as const))
      .where('f.org_id', '=', actor.orgId)
      .where('f.member_id', '=', actor.memberId)
      .where('s.status', '=', 'published')
      .orderBy('f.created_at', 'desc')
      .limit(200)
      .execute();
    return toSummaries(deps.db, actor.orgId, actor.memberId, rows);
  },
});

/** 材料上的学习心得：可反复修改；第一次写时按“学习心得”记分（每篇一次，年度上限），同一事务 */
export const writeNote = defineAction({
  input: contract.study.writeNote,
  errors: ['NOT_FOUND#MATERIAL', 'POINTS.YEAR_CLOSED', 'POINTS.RULE_NOT_FOUND'],
  access: 'member',
  handler: async ({ materialId, content }, { deps, actor }) => {
    const now = deps.clock.now();
    return deps.db.transaction().execute(async (trx) => {
      const row = await loadMaterial(trx, actor.orgId, materialId);
      await trx
        .insertInto('material_note')
        .values({ org_id: actor.orgId, material_id: materialId, member_id: actor.memberId, content, created_at: now, updated_at: now })
        .onConflict((oc) => oc.columns(['org_id', 'material_id', 'member_id']).doUpdateSet({ content, updated_at: now }))
        .execute();
      const outcome = await awardPoints(trx, {
        orgId: actor.orgId,
        memberId: actor.memberId,
        ruleCode: 'duty.study_note',
        source: { kind: 'study_note', id: materialId, title: row.title },
        at: now,
        reason: '写了学习心得',
      });
      return { updatedAt: now.toISOString(), points: pointsOf(outcome) };
    });
  },
});

/** 我的学习心得：材料上写的与活动后写的放在一处，新的在前 */
export const myNotes = defineAction({
  input: contract.study.myNotes,
  errors: [],
  access: 'member',
  handler: async (_input, { deps, actor }): Promise<MyNote[]> => {
    const [material, event] = await Promise.all([
      deps.db
        .selectFrom('material_note as n')
        .innerJoin('study_material as s', (j) => j.onRef('s.org_id', '=', 'n.org_id').onRef('s.id', '=', 'n.material_id'))
        .select(['n.material_id as subject_id', 's.title', 'n.content', 'n.updated_at'])
        .where('n.org_id', '=', actor.orgId)
        .where('n.member_id', '=', actor.memberId)
        .orderBy('n.updated_at', 'desc')
        .limit(200)
        .execute(),
      deps.db
        .selectFrom('study_note as n')
        .innerJoin('event as e', (j) => j.onRef('e.org_id', '=', 'n.org_id').onRef('e.id', '=', 'n.event_id'))
        .select(['n.event_id as subject_id', 'e.title', 'n.content', 'n.updated_at'])
        .where('n.org_id', '=', actor.orgId)
        .where('n.member_id', '=', actor.memberId)
        .orderBy('n.updated_at', 'desc')
        .limit(200)
        .execute(),
    ]);
    const all: MyNote[] = [
      ...material.map((r) => ({ kind: 'material' as const, subjectId: r.subject_id, title: r.title, content: r.content, updatedAt: iso(r.updated_at) })),
      ...event.map((r) => ({ kind: 'event' as const, subjectId: r.subject_id, title: r.title, content: r.content, updatedAt: iso(r.updated_at) })),
    ];
    return all.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  },
});
