import { type Kysely, sql } from 'kysely';

/**
 * 规则带上自己的限度，由台账执行（award_points 是唯一的记分入口，限度只在这里判断）：
 * 1. points_rule.once_per_year：每人每年只记一次的规则（民主评议）。award_points 在“此人此年”的锁下查本年度
 *    是否已有未冲正的记录，有就答 once_a_year、什么也不写。
 * 2. 默认规则表补上年度上限：出席全体会议、常委会议每年最多 60 分（约 12 个半天），参加履职活动每年最多 40 分
 *    （约 8 次）；民主评议每年一次。已有政协的规则按版本规矩改：现行版本被替代、新增一个版本（已记的分仍指向旧版本）；
 *    办公室已经自己设过上限（或已设为每年一次）的不动。
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE points_rule ADD COLUMN once_per_year boolean NOT NULL DEFAULT false`.execute(db);
  await sql`
    CREATE OR REPLACE FUNCTION award_points(
      p_org uuid, p_member uuid, p_year int, p_rule_code text, p_points int,
      p_source_kind text, p_source_id text, p_source_title text, p_key text,
      p_reason text, p_operator_id uuid, p_operator_name text, p_at timestamptz
    ) RETURNS TABLE (status text, entry_id uuid, points int, rule_name text, track text)
    LANGUAGE plpgsql AS $$
    DECLARE
      r points_rule%ROWTYPE;
      v_requested int;
      v_points int;
      v_used int;
      v_id uuid;
      v_existing_points int;
    BEGIN
      IF EXISTS (SELECT 1 FROM points_year y WHERE y.org_id = p_org AND y.year = p_year) THEN
        RAISE EXCEPTION 'POINTS.YEAR_CLOSED' USING ERRCODE = 'P0001';
      END IF;
      SELECT * INTO r FROM points_rule x WHERE x.org_id = p_org AND x.code = p_rule_code AND x.superseded_at IS NULL;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'POINTS.RULE_NOT_FOUND' USING ERRCODE = 'P0001';
      END IF;
      IF NOT r.active THEN
        RETURN QUERY SELECT 'not_applicable'::text, NULL::uuid, 0, '规则已停用'::text, r.track;
        RETURN;
      END IF;
      IF r.applies_to = 'cpc' AND NOT EXISTS (
        SELECT 1 FROM member m WHERE m.org_id = p_org AND m.id = p_member AND m.affiliation = '中共党员'
      ) THEN
        RETURN QUERY SELECT 'not_applicable'::text, NULL::uuid, 0, '党员积分只适用于中共党员'::text, r.track;
        RETURN;
      END IF;
      v_requested := coalesce(p_points, r.points);
      v_points := v_requested;
      IF r.once_per_year THEN
        -- 每年只记一次（如民主评议）：同一把“此人此年”的锁下查，并发的两次评定也只有一次成功。
        -- 已被冲正的记录不算（记错了要能重记）；同一幂等键的重复调用照常答 duplicate。
        PERFORM lock_points_member_year(p_org, p_member, p_year);
        IF EXISTS (
          SELECT 1 FROM points_entry e
          WHERE e.org_id = p_org AND e.member_id = p_member AND e.year = p_year AND e.rule_code = p_rule_code
            AND e.reverses_entry_id IS NULL AND e.idempotency_key <> p_key
            AND NOT EXISTS (SELECT 1 FROM points_entry x WHERE x.org_id = p_org AND x.member_id = p_member AND x.reverses_entry_id = e.id)
        ) THEN
          RETURN QUERY SELECT 'once_a_year'::text, NULL::uuid, 0, r.name, r.track;
          RETURN;
        END IF;
      END IF;
      IF r.yearly_cap IS NOT NULL AND v_requested > 0 THEN
        -- 锁住此人此年：同一人的记分串行；之后的语句看得到先拿到锁的事务已提交的记录
        PERFORM lock_points_member_year(p_org, p_member, p_year);
        SELECT coalesce(sum(e.points), 0)::int INTO v_used FROM points_entry e
          WHERE e.org_id = p_org AND e.member_id = p_member AND e.year = p_year AND e.rule_code = p_rule_code;
        -- 超过上限的部分记 0，仍留一条记录，本人看得到为什么没加分
        v_points := GREATEST(0, LEAST(v_requested, r.yearly_cap - v_used));
      END IF;
      -- 幂等靠唯一约束：已经记过（含并发的另一次、已按锁排在前面提交了的）就什么也不写
      INSERT INTO points_entry (org_id, member_id, year, track, category, rule_id, rule_code, points, requested_points,
          source_kind, source_id, source_title, idempotency_key, reason, operator_id, operator_name, created_at)
        VALUES (p_org, p_member, p_year, r.track, r.category, r.id, r.code, v_points, v_requested,
          p_source_kind, p_source_id, p_source_title, p_key, coalesce(p_reason, ''), p_operator_id, p_operator_name, p_at)
        ON CONFLICT (org_id, idempotency_key) DO NOTHING
        RETURNING id INTO v_id;
      IF v_id IS NULL THEN
        -- 幂等键里含成员 id（见 ledger.ts），带上 member_id，无论规划器挑哪个索引都只看这一个人的记录
        SELECT e.id, e.points INTO v_id, v_existing_points FROM points_entry e
          WHERE e.org_id = p_org AND e.member_id = p_member AND e.idempotency_key = p_key;
        RETURN QUERY SELECT 'duplicate'::text, v_id, v_existing_points, r.name, r.track;
        RETURN;
      END IF;
      RETURN QUERY SELECT CASE WHEN v_points = v_requested THEN 'awarded' ELSE 'capped' END, v_id, v_points, r.name, r.track;
    END $$;
  `.execute(db);
  await applyDefaultRuleLimits(db);
}

/** 已有政协的规则补上默认的限度；orgId 只用于测试（对一个旧式规则表的政协再跑一次） */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function applyDefaultRuleLimits(db: Kysely<any>, orgId?: string): Promise<void> {
  const scope = orgId ? sql`AND org_id = ${orgId}::uuid` : sql``;
  await newVersion(db, 'duty.plenary', sql`yearly_cap IS NULL ${scope}`, sql`60`, sql`once_per_year`);
  await newVersion(db, 'duty.activity', sql`yearly_cap IS NULL ${scope}`, sql`40`, sql`once_per_year`);
  await newVersion(db, 'party.evaluation', sql`NOT once_per_year ${scope}`, sql`yearly_cap`, sql`true`);
}

/** 每个政协里该规则的现行版本（满足 when 的）被替代，新增一个版本，只改上限与“每年一次” */
async function newVersion(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- 迁移面对任何一版的库结构
  db: Kysely<any>,
  code: string,
  when: ReturnType<typeof sql>,
  yearlyCap: ReturnType<typeof sql>,
  oncePerYear: ReturnType<typeof sql>,
): Promise<void> {
  await sql`
    WITH cur AS (
      UPDATE points_rule SET superseded_at = now()
      WHERE code = ${code} AND superseded_at IS NULL AND ${when}
      RETURNING *
    )
    INSERT INTO points_rule (org_id, code, version, name, track, category, basis, points, min_points, max_points, yearly_cap,
        applies_to, active, description, created_at, created_by, once_per_year)
      SELECT org_id, code, version + 1, name, track, category, basis, points, min_points, max_points, ${yearlyCap},
        applies_to, active, description, now(), NULL, ${oncePerYear}
      FROM cur`.execute(db);
}
