import { type Kysely, sql } from 'kysely';

/**
 * 支部书记发布的学习材料（issue 14）：记下是哪个支部发的（branch_id），办公室发布的为空。
 * 书记只能修改、撤回本支部的材料；材料对全体成员可见，列表与阅读页标明发布的支部。
 * 发布人仍记在 created_by。
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE study_material ADD COLUMN branch_id uuid;
    ALTER TABLE study_material ADD CONSTRAINT study_material_branch_fk FOREIGN KEY (org_id, branch_id) REFERENCES party_org(org_id, id);
    CREATE INDEX study_material_branch_idx ON study_material (org_id, branch_id, updated_at DESC) WHERE branch_id IS NOT NULL;
  `.execute(db);
}
