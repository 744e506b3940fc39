import { type Kysely, sql } from 'kysely';

/**
 * 组织结构：政协（organisation）、党组织树、专委会、界别、成员、组织关系、微信身份绑定。
 * 每张业务表都带 org_id 且主键以它开头：一个部署可服务全省政协系统，
 * 单机容量不够时可按 org_id 分布到 Citus / OpenTenBase / TDSQL-C 而无需重写。
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE organisation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      code text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE party_org (
      org_id uuid NOT NULL REFERENCES organisation(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      parent_id uuid,
      name text NOT NULL,
      level text NOT NULL CHECK (level IN ('党组','机关党组','机关党委','党总支','党支部','党小组')),
      branch_kind text CHECK (branch_kind IN ('机关支部','离退休支部','功能型党支部','界别党支部','临时党支部')),
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','closed')),
      sort_order int NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      closed_at timestamptz,
      PRIMARY KEY (org_id, id),
      FOREIGN KEY (org_id, parent_id) REFERENCES party_org(org_id, id),
      CHECK ((level = '党支部') = (branch_kind IS NOT NULL))
    );
    CREATE INDEX party_org_parent_idx ON party_org (org_id, parent_id);

    CREATE TABLE committee (
      org_id uuid NOT NULL REFERENCES organisation(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      name text NOT NULL,
      sort_order int NOT NULL DEFAULT 0,
      PRIMARY KEY (org_id, id),
      UNIQUE (org_id, name)
    );

    CREATE TABLE sector (
      org_id uuid NOT NULL REFERENCES organisation(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      name text NOT NULL,
      sort_order int NOT NULL DEFAULT 0,
      PRIMARY KEY (org_id, id),
      UNIQUE (org_id, name)
    );

    CREATE TABLE member (
      org_id uuid NOT NULL REFERENCES organisation(id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
      phone text,
      kind text NOT NULL DEFAULT 'committee_member' CHECK (kind IN ('committee_member','staff')),
      position text NOT NULL CHECK (position IN ('主席','副主席','秘书长','常委','委员','机关干部')),
      affiliation text NOT NULL CHECK (affiliation IN ('中共党员','民革','民盟','民建','民进','农工党','致公党','九三学社','台盟','无党派','群众')),
      sector_id uuid,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','retired')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, id),
      FOREIGN KEY (org_id, sector_id) REFERENCES sector(org_id, id)
    );
    CREATE INDEX member_name_idx ON member (org_id, name);

    CREATE TABLE member_committee (
      org_id uuid NOT NULL,
      member_id uuid NOT NULL,
      committee_id uuid NOT NULL,
      PRIMARY KEY (org_id, member_id, committee_id),
      FOREIGN KEY (org_id, member_id) REFERENCES member(org_id, id),
      FOREIGN KEY (org_id, committee_id) REFERENCES committee(org_id, id)
    );

    -- 组织关系：党员有一个第一组织关系（primary），可另有功能型党支部（functional），即“双重组织生活”
    CREATE TABLE branch_membership (
      org_id uuid NOT NULL,
      member_id uuid NOT NULL,
      branch_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('primary','functional')),
      duty text NOT NULL DEFAULT '党员' CHECK (duty IN ('书记','副书记','支委','党务干部','党员')),
      joined_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, member_id, branch_id),
      FOREIGN KEY (org_id, member_id) REFERENCES member(org_id, id),
      FOREIGN KEY (org_id, branch_id) REFERENCES party_org(org_id, id)
    );
    CREATE UNIQUE INDEX branch_membership_one_primary ON branch_membership (org_id, member_id) WHERE kind = 'primary';
    CREATE INDEX branch_membership_branch_idx ON branch_membership (org_id, branch_id);

    -- 应用角色（管理员等）；支部书记由组织关系里的职务推出
    CREATE TABLE member_role (
      org_id uuid NOT NULL,
      member_id uuid NOT NULL,
      role text NOT NULL CHECK (role IN ('admin')),
      PRIMARY KEY (org_id, member_id, role),
      FOREIGN KEY (org_id, member_id) REFERENCES member(org_id, id)
    );

    -- 微信身份绑定：openid 由云函数上下文校验得来，不信任客户端传入的任何 id
    CREATE TABLE wx_binding (
      openid text PRIMARY KEY,
      org_id uuid NOT NULL,
      member_id uuid NOT NULL,
      bound_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (org_id, member_id) REFERENCES member(org_id, id)
    );
    CREATE UNIQUE INDEX wx_binding_member_idx ON wx_binding (org_id, member_id);
  `.execute(db);
}
