import { type Kysely, sql } from 'kysely';

/**
 * 会议活动与签到。签到记录每人每场只有一条（主键保证）；签到、积分、五个一在同一事务里写入。
 * 这里只记录真实会议的出席，不是每日打卡，也不记录任何时长（国办函〔2026〕12号）。
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE event (
      org_id uuid NOT NULL REFERENCES organisation(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      -- 令牌里的短代码：8 位，全局唯一（令牌要装进 32 字符的小程序码 scene）
      short_code text NOT NULL UNIQUE,
      kind text NOT NULL,
      title text NOT NULL,
      place text NOT NULL,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      checkin_opens_at timestamptz NOT NULL,
      checkin_closes_at timestamptz NOT NULL,
      late_after timestamptz NOT NULL,
      rotate_seconds int NOT NULL DEFAULT 15 CHECK (rotate_seconds BETWEEN 10 AND 300),
      geo_lat double precision,
      geo_lng double precision,
      geo_radius_m int,
      status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled','cancelled')),
      cancel_reason text,
      owner_branch_id uuid,
      organiser_id uuid NOT NULL,
      finalized_at timestamptz,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (org_id, id),
      FOREIGN KEY (org_id, owner_branch_id) REFERENCES party_org(org_id, id),
      FOREIGN KEY (org_id, organiser_id) REFERENCES member(org_id, id),
      CHECK (ends_at > starts_at),
      CHECK (checkin_closes_at > checkin_opens_at)
    );
    CREATE INDEX event_starts_idx ON event (org_id, starts_at);

    CREATE TABLE event_audience (
      org_id uuid NOT NULL,
      event_id uuid NOT NULL,
      target_kind text NOT NULL CHECK (target_kind IN ('all','branch','committee','sector','member')),
      target_id uuid,
      FOREIGN KEY (org_id, event_id) REFERENCES event(org_id, id)
    );
    CREATE UNIQUE INDEX event_audience_unique ON event_audience (org_id, event_id, target_kind, coalesce(target_id, '00000000-0000-0000-0000-000000000000'::uuid));

    CREATE TABLE attendance (
      org_id uuid NOT NULL,
      event_id uuid NOT NULL,
      member_id uuid NOT NULL,
      checked_in_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL,
      method text NOT NULL CHECK (method IN ('scan','code','proxy')),
      late boolean NOT NULL,
      proxy_by uuid,
      proxy_reason text,
      PRIMARY KEY (org_id, event_id, member_id),
      FOREIGN KEY (org_id, event_id) REFERENCES event(org_id, id),
      FOREIGN KEY (org_id, member_id) REFERENCES member(org_id, id),
      CHECK ((method = 'proxy') = (proxy_by IS NOT NULL AND proxy_reason IS NOT NULL))
    );

    CREATE TABLE leave_request (
      org_id uuid NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      event_id uuid NOT NULL,
      member_id uuid NOT NULL,
      reason text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','refused')),
      answer text,
      decided_by uuid,
      decided_at timestamptz,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (org_id, id),
      FOREIGN KEY (org_id, event_id) REFERENCES event(org_id, id),
      FOREIGN KEY (org_id, member_id) REFERENCES member(org_id, id)
    );
    -- 同一场活动，一人同时只有一个待批或已批的请假
    CREATE UNIQUE INDEX leave_request_open ON leave_request (org_id, event_id, member_id) WHERE status IN ('pending','approved');

    -- 随机点名：同一场活动里一个人只会被点到一次
    CREATE TABLE roll_call (
      org_id uuid NOT NULL,
      event_id uuid NOT NULL,
      member_id uuid NOT NULL,
      call_order int NOT NULL,
      called_at timestamptz NOT NULL,
      called_by uuid NOT NULL,
      note text,
      PRIMARY KEY (org_id, event_id, member_id),
      UNIQUE (org_id, event_id, call_order),
      FOREIGN KEY (org_id, event_id, member_id) REFERENCES attendance(org_id, event_id, member_id)
    );

    -- 学习心得
    CREATE TABLE study_note (
      org_id uuid NOT NULL,
      event_id uuid NOT NULL,
      member_id uuid NOT NULL,
      content text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (org_id, event_id, member_id),
      FOREIGN KEY (org_id, event_id, member_id) REFERENCES attendance(org_id, event_id, member_id)
    );

    -- 数字码输错的记录：每人每场十分钟内最多错五次
    CREATE TABLE checkin_attempt (
      org_id uuid NOT NULL,
      event_id uuid NOT NULL,
      member_id uuid NOT NULL,
      at timestamptz NOT NULL
    );
    CREATE INDEX checkin_attempt_idx ON checkin_attempt (org_id, event_id, member_id, at);

    -- 站内通知（活动改期、取消等）；生产环境另经订阅消息或短信送达
    CREATE TABLE notification (
      org_id uuid NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      member_id uuid NOT NULL,
      title text NOT NULL,
      body text NOT NULL,
      event_id uuid,
      created_at timestamptz NOT NULL,
      read_at timestamptz,
      PRIMARY KEY (org_id, id),
      FOREIGN KEY (org_id, member_id) REFERENCES member(org_id, id)
    );
    CREATE INDEX notification_member_idx ON notification (org_id, member_id, created_at DESC);
  `.execute(db);
}
