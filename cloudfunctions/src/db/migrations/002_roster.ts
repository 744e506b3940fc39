import { type Kysely, sql } from 'kysely';

/** 邀请码、绑定尝试（限流）、审计日志（只追加）。 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE member ADD COLUMN retired_at timestamptz;
    ALTER TABLE member ADD COLUMN retire_reason text;
    CREATE UNIQUE INDEX member_phone_idx ON member (org_id, phone) WHERE phone IS NOT NULL;

    -- 一次性邀请码：只存哈希，明文只在签发时显示一次
    CREATE TABLE invite_code (
      org_id uuid NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      member_id uuid NOT NULL,
      code_hash text NOT NULL UNIQUE,
      issued_by uuid NOT NULL,
      issued_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      used_by_openid text,
      revoked_at timestamptz,
      PRIMARY KEY (org_id, id),
      FOREIGN KEY (org_id, member_id) REFERENCES member(org_id, id)
    );
    CREATE INDEX invite_code_member_idx ON invite_code (org_id, member_id);

    -- 绑定失败记录：十分钟内失败五次即暂时锁定该微信身份
    CREATE TABLE bind_attempt (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      openid text NOT NULL,
      at timestamptz NOT NULL,
      reason text NOT NULL
    );
    CREATE INDEX bind_attempt_openid_idx ON bind_attempt (openid, at);

    -- 审计日志：管理员、书记的每一次写操作和个人数据导出；只能追加
    CREATE TABLE audit_log (
      org_id uuid NOT NULL,
      id bigint GENERATED ALWAYS AS IDENTITY,
      at timestamptz NOT NULL,
      actor_member_id uuid,
      actor_name text NOT NULL,
      action text NOT NULL,
      target_kind text NOT NULL,
      target_id text,
      summary text NOT NULL,
      details jsonb NOT NULL DEFAULT '{}'::jsonb,
      PRIMARY KEY (org_id, id)
    );
    CREATE INDEX audit_log_at_idx ON audit_log (org_id, at DESC);

    CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
    END $$;
    CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION forbid_change();
  `.execute(db);
}
