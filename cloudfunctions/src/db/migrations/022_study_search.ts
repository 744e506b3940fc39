import { type Kysely, sql } from 'kysely';

/**
 * 学习材料的搜索：中文没有空格分词，两个字的词（党史、协商）又短于 pg_trgm 的三元组，ILIKE '%党史%' 用不上三元组索引。
 * 所以给每篇材料存下“标题与正文里所有相邻两个字”的集合（study_grams，按空白切段、转小写），建 GIN 索引：
 * 搜索词的每个两字组都在集合里的材料才可能含有它，再用 ILIKE 核对。PGlite 与 PostgreSQL 都是同一套核心功能，不需要扩展。
 * 一个字的搜索词没有两字组，退回只用 ILIKE。
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION study_grams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT coalesce(array_agg(DISTINCT substr(w, i, 2)), '{}'::text[])
      FROM regexp_split_to_table(lower(t), '\\s+') AS w, generate_series(1, length(w) - 1) AS i
    $$;
    ALTER TABLE study_material ADD COLUMN search_grams text[] GENERATED ALWAYS AS (study_grams(title || ' ' || body_markdown)) STORED;
    CREATE INDEX study_material_grams_idx ON study_material USING gin (search_grams);
  `.execute(db);
}
