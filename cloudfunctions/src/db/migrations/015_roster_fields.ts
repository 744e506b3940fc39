import { type Kysely, sql } from 'kysely';

/**
 * 办公室登记的名册字段（issue 12）：性别、民族、出生年月（YYYY-MM）、工作单位及职务、届次，都可空（老名册没有）。
 * 临时党支部的起止日期（为一次全会、一次考察而设）：开设时写明，撤销照旧由 closeBranch 记 closed_at。
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE member
      ADD COLUMN gender text CHECK (gender IN ('男','女')),
      ADD COLUMN ethnicity text,
      ADD COLUMN birth_month text CHECK (birth_month ~ '^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$'),
      ADD COLUMN work_unit text,
      ADD COLUMN term text;

    ALTER TABLE party_org
      ADD COLUMN starts_on date,
      ADD COLUMN ends_on date,
      ADD CONSTRAINT party_org_dates_check CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on);
  `.execute(db);
}
