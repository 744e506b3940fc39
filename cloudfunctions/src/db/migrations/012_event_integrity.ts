import { type Kysely, sql } from 'kysely';

/**
 * 记分要有根据（见 domain/event-policy.ts）：
 * - event.backfill：开始时间已过才建的活动是“补录”，书记补录的在办公室确认（backfill_confirmed_at）之前不记分、不扣分；
 * - attendance.confirmation：这条签到的分还在等谁确认——'offline'（扫码后很久才送达，等组织者确认）、
 *   'backfill'（补录活动，等办公室确认）；NULL 是普通签到，分已当即记入台账。
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE event
      ADD COLUMN backfill boolean NOT NULL DEFAULT false,
      ADD COLUMN backfill_confirmed_at timestamptz,
      ADD COLUMN backfill_confirmed_by uuid;
    ALTER TABLE attendance
      ADD COLUMN confirmation text CHECK (confirmation IN ('offline', 'backfill'));
    CREATE INDEX attendance_pending_idx ON attendance (org_id, event_id) WHERE confirmation IS NOT NULL;
  `.execute(db);
}
