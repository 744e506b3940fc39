import { AppError } from '@tongxin/shared-types';
import type { Deps } from '../../core/action';
import type { Actor } from '../../core/actor';
import type { FileDownload } from '@tongxin/shared-types';
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

/**
 * 取回建言上的一个文件（照片或某一轮的答复函）给看得到这件建言的人：调用方先查过能不能看。
 * 不在这件建言上的 id 一律 NOT_FOUND#SUGGESTION_FILE（别的建言的、别的政协的、随便编的）。文件名按内容定扩展名。
 */
export async function suggestionFile(deps: Deps, orgId: string, id: string, fileId: string): Promise<FileDownload> {
  const s = await deps.db.selectFrom('suggestion').select(['photos', 'number']).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirstOrThrow();
  const photo = s.photos.indexOf(fileId);
  const reply =
    photo >= 0
      ? undefined
      : await deps.db
          .selectFrom('suggestion_reply')
          .select('round')
          .where('org_id', '=', orgId)
          .where('suggestion_id', '=', id)
          .where('file_id', '=', fileId)
          .executeTakeFirst();
  if (photo < 0 && !reply) throw new AppError('NOT_FOUND#SUGGESTION_FILE');
  const content = await deps.files.read(fileId, photo >= 0 ? PHOTO_MAX_BYTES : LETTER_MAX_BYTES);
  const kind = photo >= 0 ? sniffImage(content) : sniffLetter(content);
  const ext = kind === 'jpeg' ? 'jpg' : (kind ?? 'bin');
  const base = photo >= 0 ? `照片${photo + 1}` : `答复函${reply!.round > 1 ? `（第${reply!.round}次）` : ''}`;
  return { fileName: `${s.number ? `${s.number} ` : ''}${base}.${ext}`, contentBase64: content.toString('base64') };
}

/** 与引用它们的记录同一事务：被引用的上传不会被清理 */
export async function keepUploads(trx: Trx, fileIds: readonly string[], usedBy: string, at: Date): Promise<void> {
  for (const id of fileIds) await markUploadUsed(trx, id, usedBy, at);
}
