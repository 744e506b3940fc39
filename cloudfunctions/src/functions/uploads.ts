import { AppError } from '@tongxin/shared-types';
import type { Transaction } from 'kysely';
import type { Deps } from '../core/action';
import type { Actor } from '../core/actor';
import type { Database } from '../db/schema';

/** 一天后仍没有记录引用的上传会被删掉 */
export const UNUSED_UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * 取回客户端上传的文件。第一次见到的 id 登记到调用者的政协（在分析用的事务之外提交，分析失败也留着登记，清理才找得到它）；
 * 已登记给别的政协的 id 当作找不到。
 */
export async function takeUpload(deps: Deps, actor: Actor, fileId: string, purpose: string, maxBytes: number): Promise<Buffer> {
  await deps.db
    .insertInto('file_upload')
    .values({ file_id: fileId, org_id: actor.orgId, purpose, uploaded_by: actor.memberId, seen_at: deps.clock.now() })
    .onConflict((oc) => oc.column('file_id').doNothing())
    .execute();
  const owner = await deps.db.selectFrom('file_upload').select('org_id').where('file_id', '=', fileId).executeTakeFirst();
  if (owner?.org_id !== actor.orgId) throw new AppError('FILE.NOT_FOUND');
  return deps.files.read(fileId, maxBytes);
}

/** 有记录引用了这个上传（与那条记录同一事务），它就不会被清理 */
export async function markUploadUsed(trx: Transaction<Database>, fileId: string, usedBy: string, at: Date): Promise<void> {
  await trx.updateTable('file_upload').set({ used_at: at, used_by: usedBy }).where('file_id', '=', fileId).where('used_at', 'is', null).execute();
}

/**
 * 清理：登记过、一天后仍无人引用的上传，删文件再删登记；能列出自己文件的存储（本地目录）里，
 * 从没交给过函数的旧文件也删掉。本地宿主每小时跑一次；云端由管理员操作 roster.cleanupUploads 或定时触发调用。
 */
export async function cleanupUploads(deps: Deps, orgId?: string, limit?: number): Promise<{ removed: number }> {
  const cutoff = new Date(deps.clock.now().getTime() - UNUSED_UPLOAD_TTL_MS);
  let query = deps.db.selectFrom('file_upload').select('file_id').where('used_at', 'is', null).where('seen_at', '<', cutoff);
  if (orgId) query = query.where('org_id', '=', orgId);
  // 定时器里每轮只清一批（limit），剩下的下一轮再清
  if (limit) query = query.limit(limit);
  const stale = (await query.execute()).map((r) => r.file_id);
  const known = new Set((await deps.db.selectFrom('file_upload').select('file_id').execute()).map((r) => r.file_id));
  const orphans = (orgId || !deps.files.listOlderThan ? [] : (await deps.files.listOlderThan(cutoff)).filter((id) => !known.has(id))).slice(0, limit);
  const doomed = [...stale, ...orphans];
  if (doomed.length) await deps.files.remove(doomed);
  if (stale.length) await deps.db.deleteFrom('file_upload').where('file_id', 'in', stale).execute();
  return { removed: doomed.length };
}
