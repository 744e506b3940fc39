import { sql } from 'kysely';
import type { DB } from '../db/connect';
import { assignmentIncludesMember, quizIncludesMember } from '../functions/study/shared';
import { type DeadlineItem, deadlineSource } from './due';
import { PAGES } from './notices';

/**
 * 学习的截止前提醒（issue 15）：必学篇目、学习测试在截止前 3 天提醒还没办完的人——
 * 必学篇目是还没在文末确认读完的，测试是还没通过、也还有作答次数的。只提醒在册成员；撤回的材料不提醒。
 */
const DAYS = 3;

async function dueReadings(db: DB, from: Date, to: Date): Promise<DeadlineItem[]> {
  const rows = await db
    .selectFrom('study_assignment as s')
    .innerJoin('study_material as t', (j) => j.onRef('t.org_id', '=', 's.org_id').onRef('t.id', '=', 's.material_id'))
    .select(['s.org_id', 's.id', 's.material_id', 's.due_at', 't.title'])
    .where('t.status', '=', 'published')
    .where('s.due_at', '>', from)
    .where('s.due_at', '<=', to)
    .execute();
  const items: DeadlineItem[] = [];
  for (const r of rows) {
    const members = await db
      .selectFrom('member as m')
      .select('m.id')
      .where('m.org_id', '=', r.org_id)
      .where('m.status', '=', 'active')
      .where(assignmentIncludesMember(r.id))
      .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM study_reading x WHERE x.org_id = m.org_id AND x.material_id = ${r.material_id} AND x.member_id = m.id)`)
      .execute();
    if (members.length === 0) continue;
    items.push({
      orgId: r.org_id,
      subjectId: r.id,
      title: `必学：${r.title}`,
      deadline: new Date(r.due_at),
      memberIds: members.map((m) => m.id),
      page: PAGES.studyReader(r.material_id),
    });
  }
  return items;
}

async function closingQuizzes(db: DB, from: Date, to: Date): Promise<DeadlineItem[]> {
  const rows = await db
    .selectFrom('quiz as q')
    .select(['q.org_id', 'q.id', 'q.title', 'q.closes_at', 'q.max_attempts'])
    .where('q.opens_at', '<=', from)
    .where('q.closes_at', '>', from)
    .where('q.closes_at', '<=', to)
    .execute();
  const items: DeadlineItem[] = [];
  for (const q of rows) {
    const members = await db
      .selectFrom('member as m')
      .select('m.id')
      .where('m.org_id', '=', q.org_id)
      .where('m.status', '=', 'active')
      .where(quizIncludesMember(q.id))
      .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM quiz_attempt a WHERE a.org_id = m.org_id AND a.quiz_id = ${q.id} AND a.member_id = m.id AND a.passed)`)
      .where(
        sql<boolean>`(SELECT count(*) FROM quiz_attempt a WHERE a.org_id = m.org_id AND a.quiz_id = ${q.id} AND a.member_id = m.id AND a.submitted_at IS NOT NULL) < ${q.max_attempts}`,
      )
      .execute();
    if (members.length === 0) continue;
    items.push({
      orgId: q.org_id,
      subjectId: q.id,
      title: `学习测试：${q.title}`,
      deadline: new Date(q.closes_at),
      memberIds: members.map((m) => m.id),
      page: PAGES.studyQuiz,
    });
  }
  return items;
}

export const readingDueSource = deadlineSource({ name: 'study.reading', kind: 'study.reading.3d', days: DAYS, load: dueReadings });
export const quizDueSource = deadlineSource({ name: 'study.quiz', kind: 'study.quiz.3d', days: DAYS, load: closingQuizzes });
