import { AppError } from '@tongxin/shared-types';
import type { FileStorage } from '../core/ports';

/** wx-server-sdk 里用到的那部分云存储接口 */
export interface CloudStorageApi {
  downloadFile(o: { fileID: string }): Promise<{ fileContent: Buffer }>;
  deleteFile(o: { fileList: string[] }): Promise<unknown>;
}

/**
 * CloudBase 云存储：客户端用 Taro.cloud.uploadFile 上传（cloudPath 在 uploads/ 下），把 fileID 交给函数；
 * 函数用 cloud.downloadFile 取回，大小与类型都由函数自己再查一遍（客户端的检查不算数）。
 * 只接受本环境的 cloud:// 文件 id，别的地址一概当作找不到。
 */
export function cloudStorage(cloud: CloudStorageApi): FileStorage {
  return {
    async read(fileId, maxBytes) {
      if (!/^cloud:\/\/[^\s]+\/uploads\//.test(fileId)) throw new AppError('FILE.NOT_FOUND');
      let content: Buffer;
      try {
        content = Buffer.from((await cloud.downloadFile({ fileID: fileId })).fileContent);
      } catch {
        throw new AppError('FILE.NOT_FOUND');
      }
      if (content.length > maxBytes) throw new AppError('FILE.TOO_LARGE', { maxMb: Math.round(maxBytes / 1024 / 1024) });
      return content;
    },
    async remove(fileIds) {
      if (fileIds.length) await cloud.deleteFile({ fileList: [...fileIds] });
    },
  };
}
