import { type Kysely, sql } from 'kysely';

/**
 * award_points 第二版，两处改动，都为签到高峰：
 * 1. 锁“此人此年”改用事务级咨询锁（pg_advisory_xact_lock），不再靠 upsert points_member_year 的一行。原来每次记分
 *    都给这张表写一个新的行版本、一条主键索引项和相应的 WAL（SET year = EXCLUDED.year 改的是主键列，不能 HOT 更新）；
 *    咨询锁只在内存里，事务结束自动释放，串行的语义不变。锁键是 (政协, 成员, 年度) 的 64 位哈希：
 *    偶有碰撞只会让两个人的记分多排一次队，不会出错。
 * 2. 不再先按幂等键查一遍：插入时 ON CONFLICT DO NOTHING 就是幂等检查。原来那条 `WHERE org_id = $1 AND
 *    idempotency_key = $2` 在 PL/pgSQL 缓存的通用计划里，若计划是在表还很小时做的，规划器会挑
 *    (org_id, member_id, year) 索引、按 org_id 扫全政协的记录再过滤（实测每次 0.7 ms 以上，且随记录数增长）。
 *    只在重复时才查已有记录，并带上 member_id，哪个索引都只扫这一个人。
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION lock_points_member_year(p_org uuid, p_member uuid, p_year int) RETURNS void
    LANGUAGE sql AS $$
      SELECT pg_advisory_xact_lock(hashtextextended('points_member_year:' || p_org || ':' || p_member || ':' || p_year, 0))
    $$
  `.execute(db);
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
  await sql`DROP TABLE points_member_year`.execute(db);
}
