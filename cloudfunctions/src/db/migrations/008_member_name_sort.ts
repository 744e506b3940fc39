import { type Kysely, sql } from 'kysely';
import { nameSortKey } from '../../domain/name-sort';

/**
 * 成员名单按姓名拼音排序：member.name_sort 存拼音排序键（domain/name-sort），写姓名时一并写它；
 * 已有成员在这里补上。按字节比较（COLLATE "C"），PGlite 与服务器一致。
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE member ADD COLUMN name_sort text`.execute(db);
  const { rows } = await sql<{ org_id: string; id: string; name: string }>`SELECT org_id, id, name FROM member`.execute(db);
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await sql`
      UPDATE member m SET name_sort = v.key
      FROM (SELECT unnest(${chunk.map((r) => r.org_id)}::uuid[]) AS org_id, unnest(${chunk.map((r) => r.id)}::uuid[]) AS id, unnest(${chunk.map((r) => nameSortKey(r.name))}::text[]) AS key) v
      WHERE m.org_id = v.org_id AND m.id = v.id`.execute(db);
  }
  await sql`ALTER TABLE member ALTER COLUMN name_sort SET NOT NULL`.execute(db);
  await sql`CREATE INDEX member_name_sort_idx ON member (org_id, name_sort COLLATE "C")`.execute(db);
}
