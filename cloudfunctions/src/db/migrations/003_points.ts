import { type Kysely, sql } from 'kysely';

/**
 * 积分台账：只追加的流水（更正靠冲正记录），规则有版本，年度可关账，五个一完成情况，申诉。
 * 合计永远由流水求和得出，不单独存放。
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- 规则：修改即新增一个版本，旧版本记 superseded_at；流水指向具体版本，所以改规则不影响已记的分
    CREATE TABLE points_rule (
      org_id uuid NOT NULL REFERENCES organisation(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      code text NOT NULL,
      version int NOT NULL,
      name text NOT NULL,
      track text NOT NULL CHECK (track IN ('party','duty')),
      category text NOT NULL CHECK (category IN ('学习','履责','品行','考评','履职')),
      basis text NOT NULL CHECK (basis IN ('attendance','suggestion','absence','manual','evaluation','fulfilment')),
      points int NOT NULL,
      min_points int,
      max_points int,
      yearly_cap int CHECK (yearly_cap IS NULL OR yearly_cap >= 0),
      applies_to text NOT NULL CHECK (applies_to IN ('cpc','all')),
      active boolean NOT NULL DEFAULT true,
      description text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid,
      superseded_at timestamptz,
      PRIMARY KEY (org_id, id),
      UNIQUE (org_id, code, version),
      CHECK ((track = 'party') = (category IN ('学习','履责','品行','考评')))
    );
    CREATE UNIQUE INDEX points_rule_current ON points_rule (org_id, code) WHERE superseded_at IS NULL;

    CREATE TABLE points_entry (
      org_id uuid NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      member_id uuid NOT NULL,
      year int NOT NULL,
      track text NOT NULL CHECK (track IN ('party','duty')),
      category text NOT NULL,
      rule_id uuid,
      rule_code text NOT NULL,
      points int NOT NULL,
      -- 规则本应给的分；与 points 不同说明触到了年度上限
      requested_points int NOT NULL,
      source_kind text NOT NULL,
      source_id text NOT NULL,
      source_title text NOT NULL,
      idempotency_key text NOT NULL,
      reason text NOT NULL DEFAULT '',
      operator_id uuid,
      operator_name text,
      reverses_entry_id uuid,
      created_at timestamptz NOT NULL,
      -- 写入顺序：同一时刻的多条记录也有确定的先后（上限“已用”按它累计）
      seq bigint GENERATED ALWAYS AS IDENTITY,
      PRIMARY KEY (org_id, id),
      UNIQUE (org_id, idempotency_key),
      FOREIGN KEY (org_id, member_id) REFERENCES member(org_id, id),
      FOREIGN KEY (org_id, rule_id) REFERENCES points_rule(org_id, id),
      FOREIGN KEY (org_id, reverses_entry_id) REFERENCES points_entry(org_id, id)
    );
    CREATE INDEX points_entry_member_year ON points_entry (org_id, member_id, year);
    -- 一条记录最多被冲正一次
    CREATE UNIQUE INDEX points_entry_one_reversal ON points_entry (org_id, reverses_entry_id) WHERE reverses_entry_id IS NOT NULL;
    CREATE TRIGGER points_entry_append_only BEFORE UPDATE OR DELETE ON points_entry
      FOR EACH ROW EXECUTE FUNCTION forbid_change();

    -- 每人每年一行：记分时锁住它，使并发记分在上限与幂等上都正确
    CREATE TABLE points_member_year (
      org_id uuid NOT NULL,
      member_id uuid NOT NULL,
      year int NOT NULL,
      PRIMARY KEY (org_id, member_id, year)
    );

    CREATE TABLE points_year (
      org_id uuid NOT NULL REFERENCES organisation(id),
      year int NOT NULL,
      closed_at timestamptz NOT NULL,
      closed_by uuid NOT NULL,
      PRIMARY KEY (org_id, year)
    );

    -- 五个一：提案、社情民意、调研或视察、界别活动、民生实事
    CREATE TABLE five_one_fulfilment (
      org_id uuid NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      member_id uuid NOT NULL,
      year int NOT NULL,
      item text NOT NULL CHECK (item IN ('proposal','opinion','research','sector_activity','livelihood')),
      source_kind text NOT NULL,
      source_id text NOT NULL,
      title text NOT NULL,
      at timestamptz NOT NULL,
      recorded_by uuid,
      PRIMARY KEY (org_id, id),
      UNIQUE (org_id, member_id, item, source_kind, source_id),
      FOREIGN KEY (org_id, member_id) REFERENCES member(org_id, id)
    );
    CREATE INDEX five_one_member_year ON five_one_fulfilment (org_id, member_id, year);

    CREATE TABLE points_appeal (
      org_id uuid NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      entry_id uuid NOT NULL,
      member_id uuid NOT NULL,
      reason text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','accepted','rejected')),
      answer text,
      answered_by uuid,
      answered_by_name text,
      answered_at timestamptz,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (org_id, id),
      FOREIGN KEY (org_id, entry_id) REFERENCES points_entry(org_id, id),
      FOREIGN KEY (org_id, member_id) REFERENCES member(org_id, id)
    );
    CREATE UNIQUE INDEX points_appeal_one_open ON points_appeal (org_id, entry_id) WHERE status = 'pending';

    -- 政协层面的设置，如积分对他人的可见范围
    CREATE TABLE org_setting (
      org_id uuid NOT NULL REFERENCES organisation(id),
      key text NOT NULL,
      value jsonb NOT NULL,
      updated_at timestamptz NOT NULL,
      updated_by uuid,
      PRIMARY KEY (org_id, key)
    );
  `.execute(db);
}
