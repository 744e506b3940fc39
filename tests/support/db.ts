import { randomUUID } from 'node:crypto';
import { fixedClock } from '../../cloudfunctions/src/adapters/clock';
import { memoryLogger } from '../../cloudfunctions/src/adapters/logger';
import { cryptoRandom } from '../../cloudfunctions/src/adapters/random';
import type { Deps } from '../../cloudfunctions/src/core/action';
import { type DB, createDb } from '../../cloudfunctions/src/db/connect';

/** 每个测试文件一个连接池，连到 global-setup 准备好的数据库（PGlite 或 TEST_DATABASE_URL）。 */
export function useTestDb(): { db: () => DB } {
  let db: DB | undefined;
  beforeAll(() => {
    const connectionString = process.env.TEST_DATABASE_URL;
    if (!connectionString) throw new Error('TEST_DATABASE_URL 未设置：数据库测试需通过 jest 的 db 项目运行');
    db = createDb({ connectionString, max: 10 });
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
  const deps: Deps = { db, clock, logger, random: cryptoRandom };
  return { deps, clock, logger };
}

export const uniqueSuffix = () => randomUUID().slice(0, 8);
