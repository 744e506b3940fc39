import { type Kysely, Migrator } from 'kysely';
import { migrations } from './migrations';

/** 把数据库迁移到最新；失败时抛出，调用方（启动脚本、测试）应当停下。 */
// 迁移面对的是任何一版的库结构，Kysely 的惯例是 Kysely<any>
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
