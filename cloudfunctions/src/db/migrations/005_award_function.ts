import { type Kysely, sql } from 'kysely';

/**
 * 记分原语放进数据库函数：锁人年、查关账与幂等、按年度上限截分、写流水，一次往返完成。
 * 200 人同时签到时，往返次数就是吞吐；函数里每条语句在 READ COMMITTED 下各取新快照，
 * 所以先拿锁、再求已用分的顺序在并发下仍然精确。业务含义见 functions/points/ledger.ts。
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION award_points(
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

      IF r.yearly_cap IS NOT NULL AND v_requested > 0 THEN
        -- 锁住此人此年：同一人的记分串行；之后的语句看得到先拿到锁的事务已提交的记录
        INSERT INTO points_member_year (org_id, member_id, year) VALUES (p_org, p_member, p_year)
          ON CONFLICT (org_id, member_id, year) DO UPDATE SET year = EXCLUDED.year;
        SELECT e.id, e.points INTO v_id, v_existing_points FROM points_entry e WHERE e.org_id = p_org AND e.idempotency_key = p_key;
        IF v_id IS NOT NULL THEN
          RETURN QUERY SELECT 'duplicate'::text, v_id, v_existing_points, r.name, r.track;
          RETURN;
        END IF;
        SELECT coalesce(sum(e.points), 0)::int INTO v_used FROM points_entry e
          WHERE e.org_id = p_org AND e.member_id = p_member AND e.year = p_year AND e.rule_code = p_rule_code;
        -- 超过上限的部分记 0，仍留一条记录，本人看得到为什么没加分
        v_points := GREATEST(0, LEAST(v_requested, r.yearly_cap - v_used));
        INSERT INTO points_entry (org_id, member_id, year, track, category, rule_id, rule_code, points, requested_points,
            source_kind, source_id, source_title, idempotency_key, reason, operator_id, operator_name, created_at)
          VALUES (p_org, p_member, p_year, r.track, r.category, r.id, r.code, v_points, v_requested,
            p_source_kind, p_source_id, p_source_title, p_key, coalesce(p_reason, ''), p_operator_id, p_operator_name, p_at)
          RETURNING id INTO v_id;
      ELSE
        -- 没有上限（或是扣分）：幂等键的唯一约束就够了
        v_points := v_requested;
        INSERT INTO points_entry (org_id, member_id, year, track, category, rule_id, rule_code, points, requested_points,
            source_kind, source_id, source_title, idempotency_key, reason, operator_id, operator_name, created_at)
          VALUES (p_org, p_member, p_year, r.track, r.category, r.id, r.code, v_points, v_requested,
            p_source_kind, p_source_id, p_source_title, p_key, coalesce(p_reason, ''), p_operator_id, p_operator_name, p_at)
          ON CONFLICT (org_id, idempotency_key) DO NOTHING
          RETURNING id INTO v_id;
        IF v_id IS NULL THEN
          SELECT e.id, e.points INTO v_id, v_existing_points FROM points_entry e WHERE e.org_id = p_org AND e.idempotency_key = p_key;
          RETURN QUERY SELECT 'duplicate'::text, v_id, v_existing_points, r.name, r.track;
          RETURN;
        END IF;
      END IF;
      RETURN QUERY SELECT CASE WHEN v_points = v_requested THEN 'awarded' ELSE 'capped' END, v_id, v_points, r.name, r.track;
    END $$;
  `.execute(db);
}
