import { type Kysely, sql } from 'kysely';

/**
 * 学习（issue 14）：材料库、必学任务、读完确认、收藏、材料上的学习心得，以及两条学习积分规则。
 * 国办函〔2026〕12号：不记阅读时长、打开次数、连续天数——读完只有一行“谁在何时确认读完了哪篇”。
 * - study_material：作者写 Markdown（body_markdown），服务器渲染并清洗成 body_html 存下，阅读时直接给出；
 * - study_assignment(+_audience)：必学任务，对象的写法与活动的参加对象相同；
 * - study_reading：读完确认（按材料，一人一篇一行）；任务的完成情况由“对象 × 读完”算出；
 * - material_note：材料上的学习心得（活动后的心得仍在 study_note）。
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE study_material (
      org_id uuid NOT NULL REFERENCES organisation(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      title text NOT NULL,
      category text NOT NULL,
      body_markdown text NOT NULL,
      body_html text NOT NULL,
      source text,
      attachments jsonb NOT NULL DEFAULT '[]',
      links jsonb NOT NULL DEFAULT '[]',
      status text NOT NULL DEFAULT 'published' CHECK (status IN ('published','withdrawn')),
      created_by uuid NOT NULL,
      published_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      withdrawn_at timestamptz,
      PRIMARY KEY (org_id, id),
      CHECK (length(body_markdown) <= 50000)
    );
    CREATE INDEX study_material_list_idx ON study_material (org_id, status, published_at DESC);

    CREATE TABLE study_assignment (
      org_id uuid NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      material_id uuid NOT NULL,
      due_at timestamptz NOT NULL,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (org_id, id),
      FOREIGN KEY (org_id, material_id) REFERENCES study_material(org_id, id)
    );
    CREATE INDEX study_assignment_material_idx ON study_assignment (org_id, material_id);

    CREATE TABLE study_assignment_audience (
      org_id uuid NOT NULL,
      assignment_id uuid NOT NULL,
      target_kind text NOT NULL CHECK (target_kind IN ('all','branch','committee','sector','member')),
      target_id uuid,
      FOREIGN KEY (org_id, assignment_id) REFERENCES study_assignment(org_id, id),
      CHECK ((target_kind = 'all') = (target_id IS NULL))
    );
    CREATE UNIQUE INDEX study_assignment_audience_unique ON study_assignment_audience (org_id, assignment_id, target_kind, coalesce(target_id, '00000000-0000-0000-0000-000000000000'::uuid));

    CREATE TABLE study_reading (
      org_id uuid NOT NULL,
      material_id uuid NOT NULL,
      member_id uuid NOT NULL,
      finished_at timestamptz NOT NULL,
      PRIMARY KEY (org_id, material_id, member_id),
      FOREIGN KEY (org_id, material_id) REFERENCES study_material(org_id, id),
      FOREIGN KEY (org_id, member_id) REFERENCES member(org_id, id)
    );

    CREATE TABLE study_favourite (
      org_id uuid NOT NULL,
      material_id uuid NOT NULL,
      member_id uuid NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (org_id, member_id, material_id),
      FOREIGN KEY (org_id, material_id) REFERENCES study_material(org_id, id),
      FOREIGN KEY (org_id, member_id) REFERENCES member(org_id, id)
    );

    CREATE TABLE material_note (
      org_id uuid NOT NULL,
      material_id uuid NOT NULL,
      member_id uuid NOT NULL,
      content text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (org_id, material_id, member_id),
      FOREIGN KEY (org_id, material_id) REFERENCES study_material(org_id, id),
      FOREIGN KEY (org_id, member_id) REFERENCES member(org_id, id)
    );
    CREATE INDEX material_note_member_idx ON material_note (org_id, member_id, updated_at DESC);

    -- 学习积分的依据：完成学习任务（读完确认、写心得），从不按时长
    ALTER TABLE points_rule DROP CONSTRAINT points_rule_basis_check;
    ALTER TABLE points_rule ADD CONSTRAINT points_rule_basis_check
      CHECK (basis IN ('attendance','suggestion','absence','manual','evaluation','fulfilment','study'));
  `.execute(db);
  // 已有的政协补上两条学习规则（新政协由 installDefaultRules 按 DEFAULT_RULES 写入）
  await sql`
    INSERT INTO points_rule (org_id, code, version, name, track, category, basis, points, min_points, max_points, yearly_cap,
        applies_to, active, description, created_at, created_by, once_per_year)
      SELECT o.id, r.code, 1, r.name, 'duty', '履职', 'study', r.points, NULL, NULL, r.cap, 'all', true, r.description, now(), NULL, false
      FROM organisation o
      CROSS JOIN (VALUES
        ('duty.study_reading', '完成必学篇目', 1, 24, '读完布置给本人的必学篇目并在文末确认（每篇一次）'),
        ('duty.study_note', '学习心得', 1, 12, '在学习材料上写学习心得（每篇一次）')
      ) AS r(code, name, points, cap, description)
      WHERE EXISTS (SELECT 1 FROM points_rule x WHERE x.org_id = o.id)
      ON CONFLICT (org_id, code, version) DO NOTHING`.execute(db);
}
