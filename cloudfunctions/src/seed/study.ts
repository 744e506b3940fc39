import { sql } from 'kysely';
import type { DB } from '../db/connect';
import { renderMaterialBody } from '../domain/rich-text';

/** 演示用的学习材料（自拟的内容）；第一篇布置给经济委功能型党支部作为必学篇目 */
const MATERIALS = [
  {
    title: '必学：人民政协的性质与定位',
    category: '必学篇目',
    source: '政协办公室',
    body: '# 人民政协的性质与定位\n\n人民政协是**专门协商机构**，是国家治理体系的重要组成部分。\n\n## 学习要点\n\n1. 坚持党的领导，把握正确政治方向；\n2. 发挥专门协商机构作用，做到“有事好商量”；\n3. 委员要懂政协、会协商、善议政。\n\n> 读完后请在文末确认，并可写下学习心得。',
  },
  {
    title: '党史学习：从“五一口号”到新型政党制度',
    category: '党史学习',
    source: '文化文史和学习委员会',
    body: '## 一段值得重温的历史\n\n1948 年，中共中央发布“五一口号”，各民主党派和无党派民主人士积极响应，共同筹备新政协。\n\n这段党史告诉我们：团结合作、协商民主，是我国新型政党制度的鲜明特色。',
  },
  {
    title: '党纪法规：廉洁自律的几条底线',
    category: '党纪法规',
    source: '机关党委',
    body: '## 几条底线\n\n- 不收受可能影响公正履职的礼品礼金；\n- 不利用委员身份谋取私利；\n- 参加调研视察，按规定标准安排食宿。\n\n对照检查，知敬畏、存戒惧、守底线。',
  },
  {
    title: '委员读书：《协商民主十讲》导读',
    category: '委员读书',
    source: '书香政协',
    body: '本书用十讲的篇幅介绍协商民主的理论与实践。\n\n建议先读第三讲“协商于决策之前和决策实施之中”，再结合本界别的调研题目读第七讲。',
  },
] as const;

const QUESTIONS = [
  {
    kind: 'single',
    stem: '人民政协是什么性质的机构？',
    options: ['专门协商机构', '国家权力机关', '行政机关'],
    answer: [0],
    explanation: '人民政协是专门协商机构，是国家治理体系的重要组成部分。',
  },
  {
    kind: 'multiple',
    stem: '人民政协的主要职能包括哪些？',
    options: ['政治协商', '民主监督', '参政议政', '司法审判'],
    answer: [0, 1, 2],
    explanation: '政治协商、民主监督、参政议政是人民政协的主要职能。',
  },
  {
    kind: 'truefalse',
    stem: '中共中央发布“五一口号”是在 1948 年。',
    options: ['对', '错'],
    answer: [0],
    explanation: '1948 年“五一口号”发布，各民主党派积极响应。',
  },
  {
    kind: 'single',
    stem: '“有事好商量，众人的事情由众人商量”体现的是？',
    options: ['协商民主', '竞争性选举', '行政命令'],
    answer: [0],
    explanation: '这是协商民主的真谛。',
  },
] as const;

/** 写入学习演示数据：已有材料的政协不动（重启不会重复写） */
export async function seedStudyDemo(db: DB, orgId: string, now = new Date()): Promise<void> {
  const any = await db.selectFrom('study_material').select('id').where('org_id', '=', orgId).limit(1).executeTakeFirst();
  if (any) return;
  const admin = await sql<{ member_id: string }>`SELECT b.member_id FROM wx_binding b WHERE b.org_id = ${orgId} AND b.openid = 'dev_admin'`.execute(db);
  const adminId = admin.rows[0]?.member_id;
  if (!adminId) return;
  await db.transaction().execute(async (trx) => {
    const ids: string[] = [];
    for (const [i, m] of MATERIALS.entries()) {
      // 新的在前：按顺序往前错开一天
      const at = new Date(now.getTime() - i * 86_400_000);
      const row = await trx
        .insertInto('study_material')
        .values({
          org_id: orgId,
          title: m.title,
          category: m.category,
          body_markdown: m.body,
          body_html: renderMaterialBody(m.body),
          source: m.source,
          attachments: '[]',
          links: '[]',
          created_by: adminId,
          published_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    const branch = await trx.selectFrom('party_org').select('id').where('org_id', '=', orgId).where('name', '=', '经济委功能型党支部').executeTakeFirst();
    if (!branch) return;
    const assignment = await trx
      .insertInto('study_assignment')
      .values({ org_id: orgId, material_id: ids[0], due_at: new Date(now.getTime() + 14 * 86_400_000), created_by: adminId, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('study_assignment_audience')
      .values({ org_id: orgId, assignment_id: assignment.id, target_kind: 'branch', target_id: branch.id })
      .execute();
    // 一个面向全体的学习测试：题库 4 题抽 3 题，60 分及格，可答 2 次，开放 30 天
    for (const q of QUESTIONS) {
      await trx
        .insertInto('quiz_question')
        .values({
          org_id: orgId,
          bank: '政协基础知识',
          kind: q.kind,
          stem: q.stem,
          options: JSON.stringify(q.options),
          answer: JSON.stringify(q.answer),
          explanation: q.explanation,
          created_by: adminId,
          created_at: now,
        })
        .execute();
    }
    const quiz = await trx
      .insertInto('quiz')
      .values({
        org_id: orgId,
        title: '政协基础知识测试',
        bank: '政协基础知识',
        question_count: 3,
        pass_score: 60,
        max_attempts: 2,
        opens_at: new Date(now.getTime() - 86_400_000),
        closes_at: new Date(now.getTime() + 30 * 86_400_000),
        created_by: adminId,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('quiz_audience').values({ org_id: orgId, quiz_id: quiz.id, target_kind: 'all', target_id: null }).execute();
  });
}
