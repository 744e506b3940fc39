import { type Kysely, sql } from 'kysely';

/**
 * 活动行的修订号：活动的任何改动（编辑、取消、定案）都让它加一，由触发器保证，不靠各处记得去改。
 * 签到热路径把活动行缓存在函数实例里，写签到的那条语句只在修订号未变时才写（见 functions/event/event-cache.ts），
 * 所以缓存永远不会让一场已取消、已改时间或已定案的活动多收一次签到。
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE event ADD COLUMN revision int NOT NULL DEFAULT 0`.execute(db);
  await sql`
    CREATE FUNCTION event_bump_revision() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.revision := OLD.revision + 1;
      RETURN NEW;
    END $$
  `.execute(db);
  await sql`CREATE TRIGGER event_revision BEFORE UPDATE ON event FOR EACH ROW EXECUTE FUNCTION event_bump_revision()`.execute(db);
}
