import { type RawBuilder, sql } from 'kysely';

/** 各对象表指向其所属记录的列 */
const AUDIENCE_KEY = {
  event_audience: 'event_id',
  study_assignment_audience: 'assignment_id',
  quiz_audience: 'quiz_id',
} as const;

/**
 * “成员 m 在某个对象名单里”：全体、指定人员、界别、支部（含功能型）、专委会。活动、必学任务、学习测试的对象表
 * 都是 (org_id, <键列>, target_kind, target_id)，写法只有这一处。调用处须有别名为 m 的 member 表；
 * id 可以是参数，也可以是外层查询的列（如 sql.ref('e.id')）。
 */
export function memberInAudience(table: keyof typeof AUDIENCE_KEY, id: string | RawBuilder<unknown>) {
  return sql<boolean>`EXISTS (
    SELECT 1 FROM ${sql.table(table)} a WHERE a.org_id = m.org_id AND ${sql.ref(`a.${AUDIENCE_KEY[table]}`)} = ${id} AND (
      a.target_kind = 'all'
      OR (a.target_kind = 'member' AND a.target_id = m.id)
      OR (a.target_kind = 'sector' AND a.target_id = m.sector_id)
      OR (a.target_kind = 'branch' AND EXISTS (SELECT 1 FROM branch_membership bm WHERE bm.org_id = m.org_id AND bm.member_id = m.id AND bm.branch_id = a.target_id))
      OR (a.target_kind = 'committee' AND EXISTS (SELECT 1 FROM member_committee mc WHERE mc.org_id = m.org_id AND mc.member_id = m.id AND mc.committee_id = a.target_id))
    ))`;
}
