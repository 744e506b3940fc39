import { type Kysely, sql } from 'kysely';

/**
 * 日常闭环（issue 12）：
 * - notification 有了类别（kind）、打开哪一页（link）与所说的事（subject_id：请假、申诉、积分记录）：
 *   待办按类别挑出未读的通知；事情办完（如请假已审批、已撤回）时，告诉书记的那条通知按 subject_id 一并标为已读；
 * - 请假可在审批前撤回（status 'withdrawn'，留下记录）；
 * - 会议记录：议程、主持人、记录人，以及每位发言人的发言要点（会后可补、可改）。
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE notification
      ADD COLUMN kind text NOT NULL DEFAULT 'general',
      ADD COLUMN link text,
      ADD COLUMN subject_id uuid;
    CREATE INDEX notification_unread_idx ON notification (org_id, member_id) WHERE read_at IS NULL;
    CREATE INDEX notification_subject_idx ON notification (org_id, subject_id) WHERE subject_id IS NOT NULL;

    ALTER TABLE leave_request DROP CONSTRAINT leave_request_status_check;
    ALTER TABLE leave_request ADD CONSTRAINT leave_request_status_check CHECK (status IN ('pending','approved','refused','withdrawn'));
    ALTER TABLE leave_request ADD COLUMN withdrawn_at timestamptz;
    CREATE INDEX leave_request_pending_idx ON leave_request (org_id, event_id) WHERE status = 'pending';

    ALTER TABLE event
      ADD COLUMN agenda text,
      ADD COLUMN host_name text,
      ADD COLUMN recorder_name text;

    -- 发言要点：发言人可以是成员（member_id），也可以是列席的来宾（只有姓名）
    CREATE TABLE meeting_speech (
      org_id uuid NOT NULL,
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      event_id uuid NOT NULL,
      member_id uuid,
      speaker_name text NOT NULL,
      content text NOT NULL,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (org_id, id),
      FOREIGN KEY (org_id, event_id) REFERENCES event(org_id, id),
      FOREIGN KEY (org_id, member_id) REFERENCES member(org_id, id)
    );
    CREATE INDEX meeting_speech_event_idx ON meeting_speech (org_id, event_id, created_at);
  `.execute(db);
}
