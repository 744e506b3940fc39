import { type Kysely, sql } from 'kysely';

/** 邀请码是谁作废的：重新签发、退出或角色变化时记下作废人，办公室在成员资料与审计日志里看得到谁作废了哪个邀请码。 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE invite_code ADD COLUMN revoked_by uuid`.execute(db);
}
