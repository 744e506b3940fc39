import { Kysely, PostgresDialect } from 'kysely';
import { Pool, type PoolConfig, types } from 'pg';
import type { Database } from './schema';

// bigint（如 count(*)）按数字返回；我们的计数不会超过 2^53
types.setTypeParser(20, (v) => Number(v));
// date 列按 'YYYY-MM-DD' 字符串返回，避免时区把日期挪一天
types.setTypeParser(1082, (v) => v);

export type DB = Kysely<Database>;

/**
 * 一个小连接池：CloudBase 会同时运行很多实例，每个实例只留少量连接。
 * 没有传 connectionString 时，pg 读取 PGHOST/PGPORT/PGDATABASE/PGUSER/PGPASSWORD（CloudBase 控制台设置）。
 */
export function createDb(config: PoolConfig = {}): DB {
  const pool = new Pool({ max: 4, idleTimeoutMillis: 30_000, ...config });
  // 空闲连接被服务器断开（重启、运维终止）时 pg 会发出 error；不处理会让整个进程退出
  pool.on('error', (err) => console.error(JSON.stringify({ level: 'error', message: 'idle database connection lost', error: err.message })));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
