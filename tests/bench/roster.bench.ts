import { memberFunction } from '../../cloudfunctions/src/functions/member';
import { rosterFunction } from '../../cloudfunctions/src/functions/roster';
import type { Deps } from '../../cloudfunctions/src/core/action';
import { writeXlsx } from '../../cloudfunctions/src/adapters/spreadsheet';
import type { LocalFileStorage } from '../../cloudfunctions/src/adapters/storage-local';
import { createFixtureOrg } from '../support/fixture-org';
import { percentile, report, runConcurrent } from './stats';

/** 名册：5000 行导入的耗时，导入后在 5000+ 人里搜索、分页的延迟，以及 member.me 的延迟 */
export async function benchRoster(deps: Deps) {
  const org = await createFixtureOrg(deps.db);
  const admin = org.members.admin.openid;
  const rows = Array.from({ length: 5000 }, (_, i) => [
    `测试${i}号`,
    `137${String(i).padStart(8, '0')}`,
    i % 3 ? '教育界' : '',
    '经济委员会',
    i % 5 ? '民盟' : '中共党员',
    '委员',
    '',
    i % 5 ? '' : '经济委功能型党支部',
  ]);
  const file = await writeXlsx('成员', ['姓名', '手机号', '界别', '专委会', '政治面貌', '职务', '第一组织关系', '功能型支部'], rows);
  // 与客户端一样先上传，再把 id 交给函数
  const data = { fileName: 'members.xlsx', fileId: (deps.files as LocalFileStorage).save(file) };

  const t0 = performance.now();
  const preview = await rosterFunction.handle({ action: 'previewImport', data }, admin, deps);
  report('roster.import_5000.preview_ms', performance.now() - t0);
  const t1 = performance.now();
  const result = await rosterFunction.handle({ action: 'commitImport', data }, admin, deps);
  report('roster.import_5000.commit_ms', performance.now() - t1);
  if (!preview.ok || !result.ok || (result.data as { created: number }).created !== 5000) throw new Error(`导入失败：${JSON.stringify(result).slice(0, 300)}`);

  const search = await runConcurrent(200, 10, async (i) => {
    const r = await rosterFunction.handle({ action: 'list', data: { q: `${i}`, page: 1, pageSize: 20 } }, admin, deps);
    if (!r.ok) throw new Error(JSON.stringify(r));
  });
  report('roster.list_search.p99_ms', percentile(search.latencies, 99));

  const me = await runConcurrent(1000, 20, async () => {
    const r = await memberFunction.handle({ action: 'me' }, org.members.cpc.openid, deps);
    if (!r.ok) throw new Error(JSON.stringify(r));
  });
  report('member.me.p50_ms', percentile(me.latencies, 50));
  report('member.me.p99_ms', percentile(me.latencies, 99));
  report('member.me.per_second', (1000 / me.totalMs) * 1000);
}
