import { AppError, contract, type MaterialAttachment, type MaterialSource } from '@tongxin/shared-types';
import { sql } from 'kysely';
import { defineAction, type ActorContext, type Deps, type Scope } from '../../core/action';
import { recordAudit } from '../../core/audit';
import { visibleBranches } from '../../core/scope';
import { sniffDocument } from '../../domain/study';
import { markUploadUsed, takeUpload } from '../uploads';
import { ATTACHMENT_MAX_BYTES, materialView } from './library';
import { loadMaterial, matchesSearch, materialPage } from './shared';

/** 材料的发布、修改、撤回：政协办公室（管理员）管全部；支部书记以本支部名义发布，只管本支部发布的 */
const ORGANISERS = ['admin', 'secretary'] as const;

/**
 * 书记能管（看原文、修改、撤回）的材料：本支部发布的。办公室的、别的支部的一律 FORBIDDEN#OUT_OF_BRANCH（分发器的 branchOf 范围，
 * 与活动的主办支部同一写法），不存在的材料对书记也是这个答复，不透露是否存在；管理员不受范围限制，照常得到 NOT_FOUND#MATERIAL。
 */
const byMaterial: Scope<{ materialId: string }> = {
  kind: 'branchOf',
  lookup: async (deps: Deps, orgId, i) =>
    (await deps.db.selectFrom('study_material').select('branch_id').where('org_id', '=', orgId).where('id', '=', i.materialId).executeTakeFirst())?.branch_id,
};
const MANAGE_ONE = { roles: ORGANISERS, scope: byMaterial };

/** 正文渲染与清洗只在写材料时用到：两个库懒加载，阅读路径不加载它们 */
async function render(bodyMarkdown: string): Promise<string> {
  const { renderMaterialBody } = await import('../../domain/rich-text');
  return renderMaterialBody(bodyMarkdown);
}

/**
 * 新挂上的附件：须是本人上传到本政协的文件（别人的上传、别的政协的 id 一律当作找不到），
 * 看内容确认是 PDF 或 Office 文档，且不超过上限。已挂在本篇上的不再取回。
 */
async function checkAttachments(ctx: ActorContext, attachments: MaterialAttachment[], existing: MaterialAttachment[] = []): Promise<void> {
  const { deps, actor } = ctx;
  const known = new Set(existing.map((a) => a.fileId));
  for (const a of attachments) {
    if (known.has(a.fileId)) continue;
    const content = await takeUpload(deps, actor, a.fileId, 'study', ATTACHMENT_MAX_BYTES);
    const upload = await deps.db.selectFrom('file_upload').select(['uploaded_by', 'used_by']).where('file_id', '=', a.fileId).executeTakeFirstOrThrow();
    if (upload.uploaded_by !== actor.memberId && !upload.used_by?.startsWith('study_material:')) throw new AppError('FILE.NOT_FOUND');
    if (content.length === 0) throw new AppError('FILE.EMPTY');
    if (!sniffDocument(content)) throw new AppError('STUDY.ATTACHMENT_TYPE', { name: a.name });
  }
}

async function sourceView(ctx: ActorContext, materialId: string): Promise<MaterialSource> {
  const row = await loadMaterial(ctx.deps.db, ctx.actor.orgId, materialId, { includeWithdrawn: true });
  return { ...(await materialView(ctx.deps.db, ctx.actor, row)), bodyMarkdown: row.body_markdown };
}

/** 管理的材料列表：含已撤回的；办公室看全部，书记只看本支部发布的 */
export const manageList = defineAction({
  input: contract.study.manageList,
  errors: [],
  access: { roles: ORGANISERS },
  handler: async (input, { deps, actor }) => {
    let q = deps.db.selectFrom('study_material').where('org_id', '=', actor.orgId);
    const branches = visibleBranches(actor, ORGANISERS);
    if (branches !== null) q = branches.length > 0 ? q.where('branch_id', 'in', branches) : q.where(sql<boolean>`false`);
    if (input?.q) {
      q = q.where(matchesSearch(actor.orgId, input.q));
    }
    return materialPage(deps.db, actor, q, { searching: Boolean(input?.q), newestBy: 'updated_at', page: input?.page, pageSize: input?.pageSize });
  },
});

/** 编辑页：Markdown 原文（含已撤回的） */
export const source = defineAction({
  input: contract.study.source,
  errors: ['NOT_FOUND#MATERIAL'],
  access: MANAGE_ONE,
  handler: async ({ materialId }, ctx) => sourceView(ctx, materialId),
});

/** 发布：办公室不写支部即以办公室名义；书记须写明本支部（别的支部、不写支部——范围里记作 'office'——都是 FORBIDDEN#OUT_OF_BRANCH） */
export const publish = defineAction({
  input: contract.study.publish,
  errors: ['FILE.NOT_FOUND', 'FILE.TOO_LARGE', 'FILE.EMPTY', 'STUDY.ATTACHMENT_TYPE', 'NOT_FOUND#MATERIAL', 'NOT_FOUND#BRANCH'],
  access: { roles: ORGANISERS, scope: { kind: 'branch', branchId: (i: { branchId?: string | null }) => i.branchId ?? 'office' } },
  writes: true,
  handler: async (input, ctx) => {
    const { deps, actor } = ctx;
    const now = deps.clock.now();
    const branchId = input.branchId ?? null;
    if (branchId) {
      // 办公室替支部发布时也须是本政协在册的党支部（机关党委、党总支等上级组织不是支部，与活动的主办支部同一规则）
      const branch = await deps.db
        .selectFrom('party_org')
        .select('id')
        .where('org_id', '=', actor.orgId)
        .where('id', '=', branchId)
        .where('level', '=', '党支部')
        .where('status', '=', 'active')
        .executeTakeFirst();
      if (!branch) throw new AppError('NOT_FOUND#BRANCH');
    }
    await checkAttachments(ctx, input.attachments);
    const bodyHtml = await render(input.bodyMarkdown);
    const id = await deps.db.transaction().execute(async (trx) => {
      // 1. 写材料（正文存原文与清洗后的 HTML）
      const row = await trx
        .insertInto('study_material')
        .values({
          org_id: actor.orgId,
          title: input.title,
          category: input.category,
          body_markdown: input.bodyMarkdown,
          body_html: bodyHtml,
          source: input.source,
          attachments: JSON.stringify(input.attachments),
          links: JSON.stringify(input.links),
          created_by: actor.memberId,
          branch_id: branchId,
          published_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // 2. 附件有了引用，不再被清理
      for (const a of input.attachments) await markUploadUsed(trx, a.fileId, `study_material:${row.id}`, now);
      // 3. 审计
      await recordAudit(trx, ctx, {
        action: 'study.publish',
        targetKind: 'study_material',
        targetId: row.id,
        summary: `发布学习材料「${input.title}」（${input.category}）`,
      });
      return row.id;
    });
    return sourceView(ctx, id);
  },
});

export const edit = defineAction({
  input: contract.study.edit,
  errors: ['NOT_FOUND#MATERIAL', 'STUDY.WITHDRAWN', 'FILE.NOT_FOUND', 'FILE.TOO_LARGE', 'FILE.EMPTY', 'STUDY.ATTACHMENT_TYPE'],
  access: MANAGE_ONE,
  writes: true,
  handler: async ({ materialId, ...changes }, ctx) => {
    const { deps, actor } = ctx;
    const now = deps.clock.now();
    const before = await loadMaterial(deps.db, actor.orgId, materialId, { includeWithdrawn: true });
    if (before.status === 'withdrawn') throw new AppError('STUDY.WITHDRAWN');
    if (changes.attachments) await checkAttachments(ctx, changes.attachments, before.attachments);
    const bodyHtml = changes.bodyMarkdown !== undefined ? await render(changes.bodyMarkdown) : undefined;
    await deps.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('study_material')
        .set({
          ...(changes.title !== undefined && { title: changes.title }),
          ...(changes.category !== undefined && { category: changes.category }),
          ...(changes.bodyMarkdown !== undefined && { body_markdown: changes.bodyMarkdown, body_html: bodyHtml }),
          ...(changes.source !== undefined && { source: changes.source }),
          ...(changes.attachments !== undefined && { attachments: JSON.stringify(changes.attachments) }),
          ...(changes.links !== undefined && { links: JSON.stringify(changes.links) }),
          updated_at: now,
        })
        .where('org_id', '=', actor.orgId)
        .where('id', '=', materialId)
        .where('status', '=', 'published')
        .executeTakeFirst();
      // 与另一次撤回并发时：已撤回的不改
      if (Number(updated.numUpdatedRows) !== 1) throw new AppError('STUDY.WITHDRAWN');
      for (const a of changes.attachments ?? []) await markUploadUsed(trx, a.fileId, `study_material:${materialId}`, now);
      await recordAudit(trx, ctx, {
        action: 'study.edit',
        targetKind: 'study_material',
        targetId: materialId,
        summary: `修改学习材料「${changes.title ?? before.title}」`,
      });
    });
    return sourceView(ctx, materialId);
  },
});

/** 撤回：成员不再看得到（已读完的记录与已记的分保留，有据可查） */
export const withdraw = defineAction({
  input: contract.study.withdraw,
  errors: ['NOT_FOUND#MATERIAL', 'STUDY.WITHDRAWN'],
  access: MANAGE_ONE,
  writes: true,
  handler: async ({ materialId }, ctx) => {
    const { deps, actor } = ctx;
    const now = deps.clock.now();
    const before = await loadMaterial(deps.db, actor.orgId, materialId, { includeWithdrawn: true });
    await deps.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('study_material')
        .set({ status: 'withdrawn', withdrawn_at: now, updated_at: now })
        .where('org_id', '=', actor.orgId)
        .where('id', '=', materialId)
        .where('status', '=', 'published')
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new AppError('STUDY.WITHDRAWN');
      await recordAudit(trx, ctx, { action: 'study.withdraw', targetKind: 'study_material', targetId: materialId, summary: `撤回学习材料「${before.title}」` });
    });
    return sourceView(ctx, materialId);
  },
});
