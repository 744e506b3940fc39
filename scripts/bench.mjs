// npm run bench：基准测试，每个数字一行 `name: value`
import { run } from './lib/run.mjs';

const root = new URL('..', import.meta.url).pathname;
try {
  await run(process.execPath, ['--import', 'tsx', 'tests/bench/run.ts'], { cwd: root });
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
