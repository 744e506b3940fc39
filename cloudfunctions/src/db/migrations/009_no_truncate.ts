import { type Kysely, sql } from 'kysely';

/**
 * 只能追加的两张表（审计日志、积分流水）也不能被 TRUNCATE 一下清空：行级触发器管不到 TRUNCATE，
 * 另加语句级触发器（TRUNCATE … CASCADE 连带清空时同样触发）。
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
    CREATE TRIGGER points_entry_no_truncate BEFORE TRUNCATE ON points_entry FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
  `.execute(db);
}
