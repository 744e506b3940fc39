import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { systemClock } from '../adapters/clock';
import { consoleLogger } from '../adapters/logger';
import { cryptoRandom } from '../adapters/random';
import { qrRenderer } from '../adapters/codes';
import { localStorage } from '../adapters/storage-local';
import { cleanupUploads } from '../functions/uploads';
import { runTick } from '../functions/reminders/tick';
import { loadLocalSecret } from './secret';
import { wordListCheck } from '../adapters/content-check';
import { createDb } from '../db/connect';
import { EMBEDDED_POOL_SIZE, startEmbeddedPostgres } from '../db/embedded';
import { migrateToLatest } from '../db/migrate';
import { functions } from '../functions';
import { DEMO_IDENTITIES, seedDemo } from '../seed/demo';
import { seedSuggestionsDemo } from '../seed/suggestions';
import { createHost } from './server';

/**
 * `npm start`：嵌入式 PostgreSQL（数据在 .data/）或 DATABASE_URL 指定的服务器，
 * 迁移、首次运行写入演示数据，然后在 PORT（默认 8686）提供前端与云函数。
 */
async function main() {
  const repoRoot = resolve(__dirname, '../../..');
  const port = Number(process.env.PORT ?? 8686);
  // DATA_DIR：本地数据的根目录（默认 .data/）：嵌入式数据库在 pglite/，签到密钥在 checkin-secret
  const dataRoot = resolve(process.env.DATA_DIR ?? resolve(repoRoot, '.data'));
  let connectionString = process.env.DATABASE_URL;
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  if (!connectionString) {
    const dataDir = resolve(dataRoot, 'pglite');
    mkdirSync(dataDir, { recursive: true });
    console.log(`启动嵌入式数据库（PGlite，数据目录 ${dataDir}）…`);
    embedded = await startEmbeddedPostgres({ dataDir });
    connectionString = embedded.connectionString;
  }
  const db = createDb({ connectionString, max: embedded ? EMBEDDED_POOL_SIZE : 8 }, { preparedStatements: !embedded });
  const applied = await migrateToLatest(db);
  if (applied.length) console.log(`已执行数据库迁移：${applied.join(', ')}`);
  const seeded = await seedDemo(db);
  if (seeded.created) console.log('已写入演示数据：示例市政协');

  // 上传的文件在 .data/uploads/；一天后仍没有记录引用的，每小时清理一次
  const files = localStorage(resolve(dataRoot, 'uploads'));
  const deps = {
    db,
    clock: systemClock,
    logger: consoleLogger,
    random: cryptoRandom,
    codes: qrRenderer,
    files,
    content: wordListCheck,
    secrets: { checkin: loadLocalSecret(dataRoot) },
  };
  if (await seedSuggestionsDemo(deps, seeded.orgId)) console.log('已写入建言演示数据：承办单位与几件建言');
  const sweep = () => cleanupUploads(deps).catch((err: unknown) => consoleLogger.error('upload cleanup failed', { error: String(err) }));
  void sweep();
  const sweeper = setInterval(sweep, 60 * 60 * 1000);
  sweeper.unref();
  // 提醒的定时器：与云端一样每 5 分钟一轮，消息写进本地发件箱（GET /api/dev/outbox）
  const ticker = setInterval(
    () => void runTick(deps).catch((err: unknown) => consoleLogger.error('reminders tick failed', { error: String(err) })),
    5 * 60 * 1000,
  );
  ticker.unref();
  const server = createHost({
    deps,
    files,
    functions,
    staticDir: resolve(repoRoot, 'miniprogram/dist/h5'),
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, () => ok());
  });

  console.log(`\n同心圆已启动：http://localhost:${port}\n`);
  console.log('演示身份（页面上方“演示身份”可切换；接口调用时放在请求头 x-dev-openid）：');
  for (const d of DEMO_IDENTITIES) console.log(`  ${d.openid.padEnd(16)} ${d.name}  ${d.description}`);
  console.log('\n按 Ctrl-C 停止。');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\n正在停止…');
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await db.destroy();
    await embedded?.stop();
    console.log('已停止，数据已保存。');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error('启动失败：', err);
  process.exit(1);
});
