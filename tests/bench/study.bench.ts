import { sql } from 'kysely';
import type { Deps } from '../../cloudfunctions/src/core/action';
import { studyFunction } from '../../cloudfunctions/src/functions/study';
import { createFixtureOrg } from '../support/fixture-org';
import { percentile, report, runConcurrent } from './stats';

/** 一段约 600 字的正文：按编号轮换几个主题词，让“党史”“协商”只出现在一部分材料里 */
const TOPICS = ['党史', '协商', '履职', '调研', '民生', '法治', '生态', '文化'];
const FILLER = '人民政协要坚持团结和民主两大主题，围绕中心、服务大局，加强思想政治引领，广泛凝聚共识，提高建言资政的质量。';

/**
 * 学习：5000 篇材料里搜两个字的词（p99），以及 700 人 × 200 项必学任务时一项任务的完成情况与任务列表的耗时。
 */
export async function benchStudy(deps: Deps) {
  const org = await createFixtureOrg(deps.db);
  const admin = org.members.admin.openid;
  const adminId = org.members.admin.id;
  await sql`
    INSERT INTO study_material (org_id, title, category, body_markdown, body_html, created_by, published_at, updated_at)
    SELECT ${org.orgId}::uuid, '学习材料第' || g || '篇：' || (${TOPICS}::text[])[1 + g % 8], '政协理论',
      repeat(${FILLER}, 10) || (${TOPICS}::text[])[1 + (g * 7) % 8] || repeat(${FILLER}, 5),
      '<p>正文</p>', ${adminId}::uuid, now() - g * interval '1 minute', now()
    FROM generate_series(1, 5000) g`.execute(deps.db);
  await sql`ANALYZE study_material`.execute(deps.db);

  const words = ['党史', '协商', '履职', '不存在的词'];
  const searchOnce = async (i: number) => {
    const r = await studyFunction.handle({ action: 'list', data: { q: words[i % words.length], page: 1, pageSize: 20 } }, org.members.cpc.openid, deps);
    if (!r.ok) throw new Error(JSON.stringify(r));
  };
  // 先热身一轮（不计）：连接池里的 10 个连接建好，就像一个已经在跑的函数实例；否则前 10 次都算上建连接的时间
  await runConcurrent(20, 10, searchOnce);
  const search = await runConcurrent(200, 10, searchOnce);
  report('study.search.p99_ms', percentile(search.latencies, 99));

  // 700 名在册成员，都在支部乙；200 项任务布置给支部乙；每人读完了约一半
  await sql`
    WITH m AS (
      INSERT INTO member (org_id, name, name_sort, kind, position, affiliation)
      SELECT ${org.orgId}::uuid, '学员' || g, 'xueyuan' || lpad(g::text, 4, '0'), 'committee_member', '委员', '中共党员' FROM generate_series(1, 700) g
      RETURNING id
    )
    INSERT INTO branch_membership (org_id, member_id, branch_id, kind, duty)
    SELECT ${org.orgId}::uuid, id, ${org.branches.B}::uuid, 'primary', '党员' FROM m`.execute(deps.db);
  const materials = await deps.db
    .selectFrom('study_material')
    .select('id')
    .where('org_id', '=', org.orgId)
    .orderBy('published_at', 'desc')
    .limit(200)
    .execute();
  let assignmentId = '';
  for (const m of materials) {
    const r = await studyFunction.handle(
      {
        action: 'assign',
        data: { materialId: m.id, dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), audience: [{ kind: 'branch', id: org.branches.B }] },
      },
      admin,
      deps,
    );
    if (!r.ok) throw new Error(JSON.stringify(r));
    assignmentId = (r.data as { id: string }).id;
  }
  await sql`
    INSERT INTO study_reading (org_id, material_id, member_id, finished_at)
    SELECT ${org.orgId}::uuid, s.id, bm.member_id, now()
    FROM (SELECT id FROM study_material WHERE org_id = ${org.orgId}::uuid ORDER BY published_at DESC LIMIT 200) s
    JOIN branch_membership bm ON bm.org_id = ${org.orgId}::uuid AND bm.branch_id = ${org.branches.B}::uuid
    WHERE (hashtext(s.id::text || bm.member_id::text) & 1) = 0`.execute(deps.db);
  await sql`ANALYZE study_reading`.execute(deps.db);

  const timeOf = async (action: string, data: unknown) => {
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const r = await studyFunction.handle({ action, data }, admin, deps);
      samples.push(performance.now() - t0);
      if (!r.ok) throw new Error(JSON.stringify(r));
    }
    return percentile(samples, 50);
  };
  report('study.completion_report.ms', await timeOf('completion', { assignmentId }));
  report('study.assignments_list.ms', await timeOf('assignments', undefined));
}
