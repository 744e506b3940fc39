import { wordListCheck } from '../../cloudfunctions/src/adapters/content-check';
import { fixedClock } from '../../cloudfunctions/src/adapters/clock';
import { memoryLogger } from '../../cloudfunctions/src/adapters/logger';
import { randomBytes } from 'node:crypto';
import { cryptoRandom } from '../../cloudfunctions/src/adapters/random';
import { qrRenderer } from '../../cloudfunctions/src/adapters/codes';
import { localStorage } from '../../cloudfunctions/src/adapters/storage-local';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchFunctionLoad } from './functions.bench';
import type { Deps } from '../../cloudfunctions/src/core/action';
import { createDb } from '../../cloudfunctions/src/db/connect';
import { migrateToLatest } from '../../cloudfunctions/src/db/migrate';
import { benchCheckin } from './checkin.bench';
import { benchReminders } from './reminders.bench';
import { benchRoster } from './roster.bench';
import { benchStudy } from './study.bench';
import { startThrowawayPostgres } from './throwaway-pg';
import { benchUi } from './ui.bench';

/**
 * npm run bench：数据库相关的数字来自真实的 PostgreSQL 服务器（DATABASE_URL，或临时启动的一次性服务器）。
 * 每个数字单独一行：`name: value`。
 */
async function main() {
  // 冷启动：每个云函数打好的包在新进程里加载要多久（不需要数据库）
  if (process.env.BENCH_ONLY !== 'reminders') benchFunctionLoad();
  const throwaway = process.env.DATABASE_URL ? undefined : await startThrowawayPostgres();
  const connectionString = process.env.DATABASE_URL ?? throwaway!.connectionString;
  // 处理器与裸 SQL 共用同一个连接池。池子不宜远大于核数：这台 2 核的机器上，几十个后端争两个核只会互相拖慢
  // （60 个连接时两边都更慢）。BENCH_POOL_SIZE 可改，输出里有 checkin.burst.pool_size。
  const poolSize = Number(process.env.BENCH_POOL_SIZE ?? 20);
  const db = createDb({ connectionString, max: poolSize });
  try {
    await migrateToLatest(db);
    const deps: Deps = {
      db,
      clock: fixedClock(new Date()),
      logger: memoryLogger(),
      random: cryptoRandom,
      codes: qrRenderer,
      files: localStorage(mkdtempSync(join(tmpdir(), 'tx-bench-uploads-'))),
      content: wordListCheck,
      secrets: { checkin: randomBytes(32).toString('hex') },
    };
    // BENCH_ONLY=reminders 只跑提醒的扇出（调试用）
    if (process.env.BENCH_ONLY !== 'reminders') {
      await benchCheckin(deps, poolSize);
      await benchRoster(deps);
      await benchStudy(deps);
    }
    await benchReminders(deps);
  } finally {
    await db.destroy();
    throwaway?.stop();
  }
  // 浏览器里的首页速度：本地宿主（嵌入式数据库）+ 无头 Chromium，等数据库基准停下后再测，免得争 CPU
  if (process.env.BENCH_ONLY !== 'reminders') await benchUi();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
