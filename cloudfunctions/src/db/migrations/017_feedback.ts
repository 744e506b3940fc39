import { type Kysely, sql } from 'kysely';

/**
 * 投诉建议（国办函〔2026〕12号要求每个政务小程序都有）。匿名的不存发件人：只存 sender_tag = HMAC(服务器密钥, 成员 id + 本条 id)，
 * 办公室读到的任何列都认不出是谁、也看不出两条匿名的是否同一人；本人列“我的”时逐条重算比对。具名的存 sender_id。
 * 这里的一切都不记分、不扣分。
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE feedback (
      org_id uuid NOT NULL REFERENCES organisation(id),
      id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('complaint','suggestion')),
      subject text NOT NULL CHECK (subject IN ('app','office')),
      content text NOT NULL CHECK (length(content) BETWEEN 1 AND 2000),
      anonymous boolean NOT NULL,
      sender_id uuid,
      sender_tag text NOT NULL,
      answer text,
      answered_by uuid,
      answered_at timestamptz,
      -- 只到日：匿名的不能靠精确到秒的时间与别的记录对上
      created_on date NOT NULL,
      seq bigint GENERATED ALWAYS AS IDENTITY,
      PRIMARY KEY (org_id, id),
      FOREIGN KEY (org_id, sender_id) REFERENCES member(org_id, id),
      CHECK (NOT anonymous OR sender_id IS NULL),
      CHECK (anonymous OR sender_id IS NOT NULL)
    );
    CREATE INDEX feedback_open_idx ON feedback (org_id, seq DESC);
  `.execute(db);
}
