import { type Kysely, sql } from 'kysely';

/**
 * 建言（issue 13）：承办单位与其工作人员（不是委员，单独一张绑定表，委员的操作认不出他们）、提案 / 社情民意 / 意见建议、
 * 联名、交办、答复、批示，以及只追加的办理历史。立案编号由每个政协每年一行的计数器发出（立案的事务里 FOR UPDATE 锁住），
 * 不重号、不跳号。
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE handling_unit (
      org_id uuid NOT NULL REFERENCES organisation(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, id),
      UNIQUE (org_id, name)
    );

    CREATE TABLE unit_staff (
      org_id uuid NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      unit_id uuid NOT NULL,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','retired')),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, id),
      FOREIGN KEY (org_id, unit_id) REFERENCES handling_unit(org_id, id)
    );

    -- 承办单位工作人员的微信绑定：与委员的 wx_binding 分开，委员的操作（签到、积分……）对他们一律是“未绑定”
    CREATE TABLE unit_binding (
      openid text PRIMARY KEY,
      org_id uuid NOT NULL,
      staff_id uuid NOT NULL,
      bound_at timestamptz NOT NULL,
      FOREIGN KEY (org_id, staff_id) REFERENCES unit_staff(org_id, id)
    );
    CREATE UNIQUE INDEX unit_binding_staff_idx ON unit_binding (org_id, staff_id);

    CREATE TABLE unit_invite (
      org_id uuid NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      staff_id uuid NOT NULL,
      code_hash text NOT NULL UNIQUE,
      issued_by uuid NOT NULL,
      issued_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      PRIMARY KEY (org_id, id),
      FOREIGN KEY (org_id, staff_id) REFERENCES unit_staff(org_id, id)
    );

    CREATE TABLE suggestion (
      org_id uuid NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind IN ('proposal','opinion','advice')),
      -- 提出时的类别（转为意见建议后 kind 变了，它不变）
      original_kind text NOT NULL CHECK (original_kind IN ('proposal','opinion','advice')),
      status text NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft','submitted','withdrawn','filed','not_filed','assigned','replied','closed','adopted','archived')),
      author_id uuid NOT NULL,
      title text NOT NULL CHECK (length(title) <= 60),
      reasons text NOT NULL DEFAULT '' CHECK (length(reasons) <= 5000),
      proposals text NOT NULL DEFAULT '' CHECK (length(proposals) <= 5000),
      category text NOT NULL,
      photos text[] NOT NULL DEFAULT '{}' CHECK (cardinality(photos) <= 9),
      number text,
      number_year int,
      number_seq int,
      reject_reason text,
      is_key boolean NOT NULL DEFAULT false,
      is_excellent boolean NOT NULL DEFAULT false,
      adoption_level text CHECK (adoption_level IN ('local','upper','national')),
      submitted_at timestamptz,
      reviewed_at timestamptz,
      assigned_at timestamptz,
      due_at timestamptz,
      replied_at timestamptz,
      met_at timestamptz,
      rating text CHECK (rating IN ('satisfied','basically','unsatisfied')),
      rated_at timestamptz,
      rehandled boolean NOT NULL DEFAULT false,
      closed_at timestamptz,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (org_id, id),
      FOREIGN KEY (org_id, author_id) REFERENCES member(org_id, id),
      CHECK ((number IS NULL) = (number_seq IS NULL))
    );
    CREATE UNIQUE INDEX suggestion_number_idx ON suggestion (org_id, number) WHERE number IS NOT NULL;
    CREATE INDEX suggestion_author_idx ON suggestion (org_id, author_id);
    CREATE INDEX suggestion_status_idx ON suggestion (org_id, status, submitted_at);

    -- 每个政协每年一行：立案时锁住它取下一个顺序号
    CREATE TABLE suggestion_counter (
      org_id uuid NOT NULL REFERENCES organisation(id),
      year int NOT NULL,
      last_seq int NOT NULL DEFAULT 0,
      PRIMARY KEY (org_id, year)
    );

    -- 联名：被邀请的人确认后，这件提案才算他的
    CREATE TABLE suggestion_cosigner (
      org_id uuid NOT NULL,
      suggestion_id uuid NOT NULL,
      member_id uuid NOT NULL,
      status text NOT NULL DEFAULT 'invited' CHECK (status IN ('invited','accepted','declined','lapsed')),
      invited_at timestamptz NOT NULL,
      answered_at timestamptz,
      PRIMARY KEY (org_id, suggestion_id, member_id),
      FOREIGN KEY (org_id, suggestion_id) REFERENCES suggestion(org_id, id),
      FOREIGN KEY (org_id, member_id) REFERENCES member(org_id, id)
    );
    CREATE INDEX suggestion_cosigner_member_idx ON suggestion_cosigner (org_id, member_id);

    -- 交办：一个主办单位，可有协办单位
    CREATE TABLE suggestion_unit (
      org_id uuid NOT NULL,
      suggestion_id uuid NOT NULL,
      unit_id uuid NOT NULL,
      lead boolean NOT NULL,
      PRIMARY KEY (org_id, suggestion_id, unit_id),
      FOREIGN KEY (org_id, suggestion_id) REFERENCES suggestion(org_id, id),
      FOREIGN KEY (org_id, unit_id) REFERENCES handling_unit(org_id, id)
    );
    CREATE UNIQUE INDEX suggestion_unit_one_lead ON suggestion_unit (org_id, suggestion_id) WHERE lead;
    CREATE INDEX suggestion_unit_unit_idx ON suggestion_unit (org_id, unit_id);

    -- 答复：每轮办理一条（不满意退回后再答复是第二轮）
    CREATE TABLE suggestion_reply (
      org_id uuid NOT NULL,
      suggestion_id uuid NOT NULL,
      round int NOT NULL CHECK (round IN (1, 2)),
      unit_id uuid NOT NULL,
      text text NOT NULL CHECK (length(text) <= 5000),
      file_id text,
      staff_id uuid NOT NULL,
      at timestamptz NOT NULL,
      PRIMARY KEY (org_id, suggestion_id, round),
      FOREIGN KEY (org_id, suggestion_id) REFERENCES suggestion(org_id, id)
    );

    -- 社情民意的领导批示
    CREATE TABLE suggestion_instruction (
      org_id uuid NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      suggestion_id uuid NOT NULL,
      leader text NOT NULL,
      text text NOT NULL,
      recorded_by uuid NOT NULL,
      at timestamptz NOT NULL,
      PRIMARY KEY (org_id, id),
      FOREIGN KEY (org_id, suggestion_id) REFERENCES suggestion(org_id, id)
    );

    -- 办理历史：每一步一行，只追加
    CREATE TABLE suggestion_step (
      org_id uuid NOT NULL,
      id bigint GENERATED ALWAYS AS IDENTITY,
      suggestion_id uuid NOT NULL,
      step text NOT NULL,
      from_status text,
      to_status text NOT NULL,
      actor_kind text NOT NULL CHECK (actor_kind IN ('member','office','unit')),
      actor_id uuid NOT NULL,
      actor_name text NOT NULL,
      note text,
      at timestamptz NOT NULL,
      PRIMARY KEY (org_id, id),
      FOREIGN KEY (org_id, suggestion_id) REFERENCES suggestion(org_id, id)
    );
    CREATE INDEX suggestion_step_idx ON suggestion_step (org_id, suggestion_id, id);
    CREATE TRIGGER suggestion_step_append_only BEFORE UPDATE OR DELETE ON suggestion_step
      FOR EACH ROW EXECUTE FUNCTION forbid_change();
  `.execute(db);
}
