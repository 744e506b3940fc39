import { type Kysely, sql } from 'kysely';

/**
 * 提醒（issue 15）：
 * - reminder_subscription：每人每类模板还能收几次订阅消息（一次性订阅 = 一条消息），拒收（43101 或在设置里关掉）记下时间，
 *   不再走这条渠道，直到本人重新订阅；
 * - reminder_contact：本人开通的短信（及手机号），办公室为没有绑定微信的成员开通的短信（用名册里的手机号）；
 * - delivery：每一次投递一行，幂等键（种类 + 对象 + 成员 + 时刻）唯一：重试的、重叠的定时运行都不会发两次；
 *   发送中的行带租约（lease_until），运行中途被杀，下一轮在租约过后接着发；
 * - sms_usage：每月短信用量（按预算原子地预留）；
 * - dev_outbox：本地模式的“发件箱”：发送器把本该发往微信、短信的消息写在这里（GET /api/dev/outbox）。
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE reminder_subscription (
      org_id uuid NOT NULL,
      member_id uuid NOT NULL,
      template_key text NOT NULL,
      remaining integer NOT NULL DEFAULT 0 CHECK (remaining >= 0),
      refused_at timestamptz,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (org_id, member_id, template_key),
      FOREIGN KEY (org_id, member_id) REFERENCES member(org_id, id)
    );

    CREATE TABLE reminder_contact (
      org_id uuid NOT NULL,
      member_id uuid NOT NULL,
      sms_opt_in boolean NOT NULL DEFAULT false,
      sms_phone text,
      office_sms boolean NOT NULL DEFAULT false,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (org_id, member_id),
      FOREIGN KEY (org_id, member_id) REFERENCES member(org_id, id)
    );

    CREATE TABLE delivery (
      org_id uuid NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      idem_key text NOT NULL,
      kind text NOT NULL,
      member_id uuid NOT NULL,
      subject_id uuid,
      template_key text NOT NULL,
      round integer NOT NULL DEFAULT 0,
      payload jsonb NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sending','sent','unreached')),
      channel text CHECK (channel IN ('subscribe','sms')),
      reason text,
      attempts integer NOT NULL DEFAULT 0,
      lease_until timestamptz,
      created_at timestamptz NOT NULL,
      sent_at timestamptz,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (org_id, id),
      UNIQUE (org_id, idem_key),
      FOREIGN KEY (org_id, member_id) REFERENCES member(org_id, id)
    );
    CREATE INDEX delivery_open_idx ON delivery (created_at) WHERE status IN ('pending','sending');
    CREATE INDEX delivery_subject_idx ON delivery (org_id, subject_id) WHERE subject_id IS NOT NULL;
    CREATE INDEX delivery_log_idx ON delivery (org_id, created_at DESC);
    CREATE INDEX delivery_done_idx ON delivery (created_at) WHERE status IN ('sent','unreached');

    CREATE TABLE sms_usage (
      org_id uuid NOT NULL REFERENCES organisation(id),
      month text NOT NULL,
      used integer NOT NULL DEFAULT 0,
      PRIMARY KEY (org_id, month)
    );

    CREATE TABLE dev_outbox (
      id bigserial PRIMARY KEY,
      org_id uuid NOT NULL,
      delivery_id uuid,
      channel text NOT NULL,
      recipient text NOT NULL,
      template_id text NOT NULL,
      page text,
      data jsonb NOT NULL,
      sent_at timestamptz NOT NULL
    );
    CREATE INDEX dev_outbox_org_idx ON dev_outbox (org_id, id);

    -- 清理：三十天前的失败尝试
    CREATE INDEX IF NOT EXISTS checkin_attempt_at_idx ON checkin_attempt (at);
    CREATE INDEX IF NOT EXISTS bind_attempt_at_idx ON bind_attempt (at);
  `.execute(db);
}
