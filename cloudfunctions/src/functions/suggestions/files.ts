import { AppError } from '@tongxin/shared-types';
import type { Deps } from '../../core/action';
import type { Actor } from '../../core/actor';
import { sniffImage, sniffLetter } from '../../domain/file-type';
import { markUploadUsed } from '../uploads';
import type { Trx } from './shared';

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const LETTER_MAX_BYTES = 10 * 1024 * 1024;

/**
 * 附在建言上的文件（照片、答复函）：只收调用者本人上传的。第一次见到的 id 登记给调用者；已登记给别人（或别的政协）的
 * 当作找不到——拿别人的 fileID 贴到自己的提案上，看到的只是“找不到上传的文件”。内容看头几个字节，不看扩展名。
 */
async function readOwnUpload(deps: Deps, actor: Actor, fileId: string, kind: 'photo' | 'letter'): Promise<Buffer> {
  await deps.db
    .insertInto('file_upload')
    .values({
      file_id: fileId,
      org_id: actor.orgId,
      purpose: kind === 'photo' ? 'suggestion.photo' : 'suggestion.letter',
      uploaded_by: actor.memberId,
      seen_at: deps.clock.now(),
    })
    .onConflict((oc) => oc.column('file_id').doNothing())
    .execute();
  const owner = await deps.db.selectFrom('file_upload').select(['org_id', 'uploaded_by']).where('file_id', '=', fileId).executeTakeFirst();
  if (owner?.org_id !== actor.orgId || owner.uploaded_by !== actor.memberId) throw new AppError('FILE.NOT_FOUND');
  return deps.files.read(fileId, kind === 'photo' ? PHOTO_MAX_BYTES : LETTER_MAX_BYTES);
}

/** 建言的照片：本人上传的 JPEG、PNG、WebP */
export async function checkPhoto(deps: Deps, actor: Actor, fileId: string): Promise<void> {
  if (!sniffImage(await readOwnUpload(deps, actor, fileId, 'photo'))) throw new AppError('SUGGEST.PHOTO_INVALID');
}

/** 答复函：本人上传的 PDF 或图片 */
export async function checkLetter(deps: Deps, actor: Actor, fileId: string): Promise<void> {
  if (!sniffLetter(await readOwnUpload(deps, actor, fileId, 'letter'))) throw new AppError('SUGGEST.LETTER_INVALID');
}

/** 与引用它们的记录同一事务：被引用的上传不会被清理 */
export async function keepUploads(trx: Trx, fileIds: readonly string[], usedBy: string, at: Date): Promise<void> {
  for (const id of fileIds) await markUploadUsed(trx, id, usedBy, at);
}
