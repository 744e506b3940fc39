import { Kysely, PostgresDialect } from 'kysely';
import { createHash } from 'node:crypto';
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
export function createDb(config: PoolConfig = {}, options: { preparedStatements?: boolean } = {}): DB {
  const pool = new Pool({ max: 4, idleTimeoutMillis: 30_000, ...config });
  if ((options.preparedStatements ?? true) && process.env.PG_PREPARED_STATEMENTS !== 'off') preparePerConnection(pool);
  // 空闲连接被服务器断开（重启、运维终止）时 pg 会发出 error；不处理会让整个进程退出
  pool.on('error', (err) => console.error(JSON.stringify({ level: 'error', message: 'idle database connection lost', error: err.message })));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * 带参数的语句按文本哈希命名，每个连接只解析、规划一次，之后直接执行。签到高峰时身份解析、记分这几条
 * 语句反复执行，省下的解析与规划时间就是吞吐。语句形状是固定的（Kysely 生成），数量有限。
 * 经 PgBouncer 事务池等不支持命名预备语句的代理连接时，设 PG_PREPARED_STATEMENTS=off 关闭；
 * 嵌入式 PGlite 的所有连接共用一个会话，也要关闭（EMBEDDED_POOL_SIZE 处一并说明）。
 */
function preparePerConnection(pool: Pool): void {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: unknown }).query = (text: unknown, values?: unknown, ...rest: unknown[]) => {
      // 无参数的语句（如迁移里的多条 DDL）走简单查询协议，不能预备
      if (typeof text === 'string' && Array.isArray(values) && values.length > 0) {
        return query({ name: `q${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`, text, values }, ...rest);
      }
      return query(text, values, ...rest);
    };
  });
}
