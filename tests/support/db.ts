import { randomUUID } from 'node:crypto';
import { fixedClock } from '../../cloudfunctions/src/adapters/clock';
import { memoryLogger } from '../../cloudfunctions/src/adapters/logger';
import { cryptoRandom } from '../../cloudfunctions/src/adapters/random';
import { qrRenderer } from '../../cloudfunctions/src/adapters/codes';
import { localStorage } from '../../cloudfunctions/src/adapters/storage-local';
import { wordListCheck } from '../../cloudfunctions/src/adapters/content-check';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** 测试里“客户端上传”的文件：与本地宿主同一种存储（.data/uploads 换成临时目录） */
export const TEST_FILES = localStorage(join(tmpdir(), 'tongxin-test-uploads'));
/** 相当于客户端上传一个文件，交回 id */
export const uploadFile = (content: Buffer | string): string => TEST_FILES.save(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'));

export const TEST_CHECKIN_SECRET = 'test-secret-0123456789abcdef0123456789abcdef';
import type { Deps } from '../../cloudfunctions/src/core/action';
import { type DB, createDb } from '../../cloudfunctions/src/db/connect';
import { EMBEDDED_POOL_SIZE } from '../../cloudfunctions/src/db/embedded';

/** 每个测试文件一个连接池，连到 global-setup 准备好的数据库（PGlite 或 TEST_DATABASE_URL）。 */
export function useTestDb(): { db: () => DB } {
  let db: DB | undefined;
  beforeAll(() => {
    const connectionString = process.env.TEST_DATABASE_URL;
    if (!connectionString) throw new Error('TEST_DATABASE_URL 未设置：数据库测试需通过 jest 的 db 项目运行');
    // PGlite 只能用一个连接（见 EMBEDDED_POOL_SIZE）；真实服务器上用多个连接，才测得到并发
    const pglite = process.env.TEST_DATABASE_KIND === 'pglite';
    db = createDb({ connectionString, max: pglite ? EMBEDDED_POOL_SIZE : 10 }, { preparedStatements: !pglite });
  });
  afterAll(async () => {
    await db?.destroy();
  });
  return {
    db: () => {
      if (!db) throw new Error('数据库尚未连接');
      return db;
    },
  };
}

export function makeDeps(db: DB, now = '2026-11-26T09:00:00+08:00') {
  const clock = fixedClock(now);
  const logger = memoryLogger();
  const deps: Deps = {
    db,
    clock,
    logger,
    random: cryptoRandom,
    codes: qrRenderer,
    files: TEST_FILES,
    content: wordListCheck,
    secrets: { checkin: TEST_CHECKIN_SECRET },
  };
  return { deps, clock, logger };
}

export const uniqueSuffix = () => randomUUID().slice(0, 8);
