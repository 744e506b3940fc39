import { createServer } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * 连接嵌入式数据库的连接池只能有一个连接：PGlite 只有一个会话，socket 服务按事务排队，
 * 但不按扩展查询协议的消息组（Parse/Bind/Execute/Sync）排队，两个连接的语句交错时会互相踩坏。
 * 一个连接时，事务与语句都由 pg 连接池排队，结果正确（本地本来也是单线程）。
 * 推论：事务里只能用该事务的连接，否则会一直等下去。所有连接共用一个会话，所以也不能用命名预备语句
 * （createDb 的 preparedStatements: false）。
 */
export const EMBEDDED_POOL_SIZE = 1;

export interface EmbeddedPostgres {
  connectionString: string;
  stop(): Promise<void>;
}

/**
 * 本地与测试用的嵌入式 PostgreSQL：PGlite 通过回环地址上的 socket 服务提供，
 * 使本地、CI 与生产走同一条 `pg` 代码路径。dataDir 省略时数据只在内存里。
 */
export async function startEmbeddedPostgres(options: { dataDir?: string; port?: number } = {}): Promise<EmbeddedPostgres> {
  const db = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const port = options.port ?? (await freePort());
  // 默认只接受一个连接；多路复用后整段事务串行执行（本地足够，生产是真正的服务器）
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 32 });
  await server.start();
  return {
    connectionString: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
