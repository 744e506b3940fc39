import { type Kysely, sql } from 'kysely';

/**
 * 客户端上传的文件（云存储 fileID 或本地 id）：函数第一次见到时登记归属的政协；
 * 有记录引用它（如导入完成后的审计日志）时记下 used_at。一天后仍没人引用的，由清理删掉文件与登记。
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE file_upload (
      file_id text PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES organisation(id),
      purpose text NOT NULL,
      uploaded_by uuid,
      seen_at timestamptz NOT NULL,
      used_at timestamptz,
      used_by text
    );
    CREATE INDEX file_upload_unused_idx ON file_upload (seen_at) WHERE used_at IS NULL;
  `.execute(db);
}
