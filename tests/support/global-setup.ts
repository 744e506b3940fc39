import { createDb } from '../../cloudfunctions/src/db/connect';
import { startEmbeddedPostgres } from '../../cloudfunctions/src/db/embedded';
import { migrateToLatest } from '../../cloudfunctions/src/db/migrate';

/**
 * 数据库套件的全局准备：TEST_DATABASE_URL 已设置（CI 里指向真实服务器）就用它，
 * 否则在回环地址上启动一个内存里的 PGlite。两种情况都先迁移到最新。
 */
export default async function globalSetup() {
  if (!process.env.TEST_DATABASE_URL) {
    const embedded = await startEmbeddedPostgres();
    (globalThis as Record<string, unknown>).__EMBEDDED_PG__ = embedded;
    process.env.TEST_DATABASE_URL = embedded.connectionString;
    process.env.TEST_DATABASE_KIND = 'pglite';
  } else {
    process.env.TEST_DATABASE_KIND ??= 'postgres';
  }
  const db = createDb({ connectionString: process.env.TEST_DATABASE_URL, max: 1 });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
}
