import { type Kysely, sql } from 'kysely';

/**
 * 社情民意按采用的层级记分：本级政协沿用 duty.opinion_adopted（+5），新增上级政协（+10）、全国政协（+20）两条规则。
 * 已有政协各加一个版本 1（新政协由 installDefaultRules 写入）。
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    INSERT INTO points_rule (org_id, code, version, name, track, category, basis, points, applies_to, description, created_at)
    SELECT o.id, r.code, 1, r.name, 'duty', '履职', 'suggestion', r.points, 'all', r.description, now()
    FROM organisation o
    CROSS JOIN (VALUES
      ('duty.opinion_adopted_upper', '社情民意被上级政协采用', 10, '信息被上级政协采用'),
      ('duty.opinion_adopted_national', '社情民意被全国政协采用', 20, '信息被全国政协采用')
    ) AS r(code, name, points, description)
    ON CONFLICT (org_id, code, version) DO NOTHING
  `.execute(db);
}
