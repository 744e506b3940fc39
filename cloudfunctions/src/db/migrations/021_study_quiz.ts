import { type Kysely, sql } from 'kysely';

/**
 * 学习测试（issue 14）：题库、测试、作答。
 * - quiz_attempt.question_ids：开始作答时抽定的题（刷新不重抽）；submitted_at 为空表示还没交卷。
 *   交卷时锁住这一行再判分：同一次作答只交一次，并发的第二次等第一次提交后看到已交卷而被拒绝。
 * - 不记答题用时（国办函〔2026〕12号），started_at 只用来找出“还没交卷的那次”。
 * - 通过测试按“通过学习测试”记分：每个测试每人一次（幂等键含测试 id），年度上限。
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE quiz_question (
      org_id uuid NOT NULL REFERENCES organisation(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      bank text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('single','multiple','truefalse')),
      stem text NOT NULL,
      options jsonb NOT NULL,
      answer jsonb NOT NULL,
      explanation text NOT NULL DEFAULT '',
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (org_id, id)
    );
    CREATE INDEX quiz_question_bank_idx ON quiz_question (org_id, bank);

    CREATE TABLE quiz (
      org_id uuid NOT NULL REFERENCES organisation(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      title text NOT NULL,
      bank text NOT NULL,
      question_count int NOT NULL CHECK (question_count BETWEEN 1 AND 100),
      pass_score int NOT NULL CHECK (pass_score BETWEEN 1 AND 100),
      max_attempts int NOT NULL CHECK (max_attempts BETWEEN 1 AND 10),
      opens_at timestamptz NOT NULL,
      closes_at timestamptz NOT NULL,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (org_id, id),
      CHECK (closes_at > opens_at)
    );

    CREATE TABLE quiz_audience (
      org_id uuid NOT NULL,
      quiz_id uuid NOT NULL,
      target_kind text NOT NULL CHECK (target_kind IN ('all','branch','committee','sector','member')),
      target_id uuid,
      FOREIGN KEY (org_id, quiz_id) REFERENCES quiz(org_id, id),
      CHECK ((target_kind = 'all') = (target_id IS NULL))
    );
    CREATE UNIQUE INDEX quiz_audience_unique ON quiz_audience (org_id, quiz_id, target_kind, coalesce(target_id, '00000000-0000-0000-0000-000000000000'::uuid));

    CREATE TABLE quiz_attempt (
      org_id uuid NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      quiz_id uuid NOT NULL,
      member_id uuid NOT NULL,
      attempt_no int NOT NULL,
      question_ids jsonb NOT NULL,
      started_at timestamptz NOT NULL,
      submitted_at timestamptz,
      answers jsonb,
      correct int,
      score int,
      passed boolean,
      PRIMARY KEY (org_id, id),
      UNIQUE (org_id, quiz_id, member_id, attempt_no),
      FOREIGN KEY (org_id, quiz_id) REFERENCES quiz(org_id, id),
      FOREIGN KEY (org_id, member_id) REFERENCES member(org_id, id)
    );
    -- 每人每个测试至多一次没交卷的作答
    CREATE UNIQUE INDEX quiz_attempt_open ON quiz_attempt (org_id, quiz_id, member_id) WHERE submitted_at IS NULL;
  `.execute(db);
  await sql`
    INSERT INTO points_rule (org_id, code, version, name, track, category, basis, points, min_points, max_points, yearly_cap,
        applies_to, active, description, created_at, created_by, once_per_year)
      SELECT o.id, 'duty.study_quiz', 1, '通过学习测试', 'duty', '履职', 'study', 2, NULL, NULL, 12, 'all', true,
        '通过办公室组织的学习测试（每个测试一次）', now(), NULL, false
      FROM organisation o
      WHERE EXISTS (SELECT 1 FROM points_rule x WHERE x.org_id = o.id)
      ON CONFLICT (org_id, code, version) DO NOTHING`.execute(db);
}
