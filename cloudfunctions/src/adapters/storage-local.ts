import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '@tongxin/shared-types';
import type { FileStorage } from '../core/ports';

/** 本地上传的 id：`local/` + uuid（不含路径，不能越出目录） */
const LOCAL_ID = /^local\/([0-9a-f-]{36})$/;

export interface LocalFileStorage extends FileStorage {
  /** 宿主的 POST /api/upload 收下的内容存进目录，交回 id */
  save(content: Buffer): string;
}

/** 本地模式的文件存储：.data/uploads/ 下一个 uuid 一个文件 */
export function localStorage(dir: string): LocalFileStorage {
  const pathOf = (fileId: string): string | null => {
    const m = LOCAL_ID.exec(fileId);
    return m ? join(dir, m[1]) : null;
  };
  return {
    save(content) {
      mkdirSync(dir, { recursive: true });
      const id = randomUUID();
      writeFileSync(join(dir, id), content, { mode: 0o600 });
      return `local/${id}`;
    },
    async read(fileId, maxBytes) {
      const path = pathOf(fileId);
      const stat = path ? statSync(path, { throwIfNoEntry: false }) : undefined;
      if (!path || !stat?.isFile()) throw new AppError('FILE.NOT_FOUND');
      if (stat.size > maxBytes) throw new AppError('FILE.TOO_LARGE', { maxMb: Math.round(maxBytes / 1024 / 1024) });
      return readFileSync(path);
    },
    async remove(fileIds) {
      for (const id of fileIds) {
        const path = pathOf(id);
        if (path) rmSync(path, { force: true });
      }
    },
    async listOlderThan(before) {
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return [];
      }
      return names.filter((n) => LOCAL_ID.test(`local/${n}`) && statSync(join(dir, n)).mtime < before).map((n) => `local/${n}`);
    },
  };
}
