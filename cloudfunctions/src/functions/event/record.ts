import { AppError, type CheckinMethod, type CheckinResult, TRACK_LABELS } from '@tongxin/shared-types';
import { type RawBuilder, type Transaction, sql } from 'kysely';
import { type ActorRow, actorSelect, toActor } from '../../core/actor';
import type { DB } from '../../db/connect';
import type { Database } from '../../db/schema';
import { EVENT_EFFECTS } from '../../domain/events';
import { yearOf } from '../../domain/points';
import { mapAwardError } from '../../db/errors';
import { type AwardRow, awardPointsCall, toOutcome } from '../points/ledger';
import { type EventRow, iso } from './shared';

type Queryable = Transaction<Database> | DB;

export interface AttendanceWrite {
  event: EventRow;
  at: Date;
  receivedAt: Date;
  method: CheckinMethod;
  proxy?: { by: string; byName: string; reason: string };
}

/** 签到写入后取回的一行：新插入时有签到时间与各条积分的结果；已签过时签到列为 null */
type WrittenRow = { checked_in_at: Date | null; late: boolean | null } & Record<string, AwardRow | null>;

/**
 * 记一次出席：签到、积分（经台账的 award_points）与五个一写在同一条语句里——一条语句本身就是一个事务，
 * 要么都成，要么都不成；签到高峰时也只需一次往返。每人每场只有一条签到（主键）；重复签到只回答“已签到”。
 * 可以在调用方的事务里调用（如代签要同时写审计），也可以直接用连接池。
 */
export async function recordAttendance(db: Queryable, req: AttendanceWrite & { memberId: string }): Promise<CheckinResult> {
  const statement = attendanceStatement(req, sql`VALUES (${attendanceValues(req, sql`${req.memberId}::uuid`)})`);
  const { rows } = await sql<WrittenRow>`${statement}`.execute(db).catch(mapAwardError({ at: req.at, ruleCode: EVENT_EFFECTS[req.event.kind].rules.join('、') }));
  return toResult(db, req, req.memberId, rows[0]);
}

/**
 * 扫码签到的热路径：身份（actorSelect）、签到、积分与五个一全在一条语句、一次往返里。
 * 活动行来自函数实例的缓存，所以只在活动行的修订号仍是 revision 时才写；修订号变了（活动被编辑、取消或定案）
 * 返回 'stale'，调用方重新读活动、重新判断。身份与其他操作同一个定义、同样的判定（toActor）。
 */
export async function recordOwnAttendance(db: DB, req: AttendanceWrite, openid: string, revision: number): Promise<CheckinResult | 'stale'> {
  const { event } = req;
  const insert = sql`SELECT ${attendanceValues(req, sql`actor.member_id`)} FROM actor
    WHERE actor.status = 'active' AND actor.org_id = ${event.org_id}::uuid
      AND EXISTS (SELECT 1 FROM event e WHERE e.org_id = ${event.org_id}::uuid AND e.id = ${event.id}::uuid AND e.revision = ${revision}::int)`;
  const { rows } = await sql<ActorRow & WrittenRow & { current_revision: number | null }>`
    WITH actor AS (${actorSelect(openid)}), ${attendanceCtes(req, insert)}
    SELECT actor.*, w.*,
      (SELECT e.revision FROM event e WHERE e.org_id = ${event.org_id}::uuid AND e.id = ${event.id}::uuid) AS current_revision
    FROM actor LEFT JOIN LATERAL (${writtenSelect(req)}) w ON true
  `
    .execute(db)
    .catch(mapAwardError({ at: req.at, ruleCode: EVENT_EFFECTS[event.kind].rules.join('、') }));
  const row = rows[0];
  const actor = await toActor(db, openid, row);
  // 别的政协的活动与伪造的码答复相同
  if (actor.orgId !== event.org_id) throw new AppError('CHECKIN.TOKEN_INVALID');
  if (row.current_revision !== revision) return 'stale';
  return toResult(db, req, actor.memberId, row);
}

/** 签到行的各列：成员可以是参数，也可以是同一语句里别处的列（身份在语句里才解析出来） */
function attendanceValues(req: AttendanceWrite, member: RawBuilder<unknown>) {
  const { event, at } = req;
  return sql`${event.org_id}::uuid, ${event.id}::uuid, ${member}, ${at}::timestamptz, ${req.receivedAt}::timestamptz, ${req.method}::text,
    ${at > new Date(event.late_after)}::boolean, ${req.proxy?.by ?? null}::uuid, ${req.proxy?.reason ?? null}::text`;
}

/** 写签到（a）与五个一（f）的 CTE；source 是 INSERT 的行来源（VALUES 或 SELECT） */
function attendanceCtes(req: AttendanceWrite, source: RawBuilder<unknown>) {
  const { event } = req;
  const effects = EVENT_EFFECTS[event.kind];
  const fiveOne = effects.fiveOne
    ? sql`, f AS (
        INSERT INTO five_one_fulfilment (org_id, member_id, year, item, source_kind, source_id, title, at)
        SELECT ${event.org_id}, a.member_id, ${yearOf(req.at)}, ${effects.fiveOne}, 'event', ${event.id}, ${event.title}, a.checked_in_at FROM a
        ON CONFLICT (org_id, member_id, item, source_kind, source_id) DO NOTHING
      )`
    : sql``;
  return sql`a AS (
      INSERT INTO attendance (org_id, event_id, member_id, checked_in_at, received_at, method, late, proxy_by, proxy_reason)
      ${source}
      ON CONFLICT (org_id, event_id, member_id) DO NOTHING
      RETURNING member_id, checked_in_at, late
    )${fiveOne}`;
}

/** 刚写入的签到与它挣的积分：积分的时间取自签到行，函数只在真的插入了签到时才会执行（LATERAL 依赖 a） */
function writtenSelect(req: AttendanceWrite) {
  const { event } = req;
  const source = { kind: 'event', id: event.id, title: event.title };
  const operator = req.proxy ? { id: req.proxy.by, name: req.proxy.byName } : undefined;
  const reason = req.proxy ? `代签：${req.proxy.reason}` : undefined;
  const awards = EVENT_EFFECTS[event.kind].rules.map((ruleCode, i) => ({
    alias: sql.raw(`p${i}`),
    call: awardPointsCall({ orgId: event.org_id, memberId: sql<string>`a.member_id`, ruleCode, source, at: req.at, operator, reason }, sql`a.checked_in_at`),
  }));
  const columns = awards.map((a, i) => sql`, row_to_json(${a.alias}) AS ${sql.raw(`award${i}`)}`);
  const laterals = awards.map((a) => sql` LEFT JOIN LATERAL ${a.call} AS ${a.alias} ON true`);
  return sql`SELECT a.checked_in_at, a.late${sql.join(columns, sql``)} FROM a${sql.join(laterals, sql``)}`;
}

function attendanceStatement(req: AttendanceWrite, source: RawBuilder<unknown>) {
  return sql`WITH ${attendanceCtes(req, source)} ${writtenSelect(req)}`;
}

async function toResult(db: Queryable, req: AttendanceWrite, memberId: string, row: WrittenRow | undefined): Promise<CheckinResult> {
  const { event } = req;
  if (!row?.checked_in_at) {
    const existing = await db
      .selectFrom('attendance')
      .select(['checked_in_at', 'late'])
      .where('org_id', '=', event.org_id)
      .where('event_id', '=', event.id)
      .where('member_id', '=', memberId)
      .executeTakeFirstOrThrow();
    return { eventId: event.id, eventTitle: event.title, already: true, checkedInAt: iso(existing.checked_in_at), late: existing.late, points: [] };
  }
  const points: CheckinResult['points'] = [];
  EVENT_EFFECTS[event.kind].rules.forEach((_, i) => {
    const award = row[`award${i}`];
    const outcome = award ? toOutcome(award) : undefined;
    if (outcome?.status === 'awarded' || outcome?.status === 'capped') points.push({ track: TRACK_LABELS[outcome.track], ruleName: outcome.ruleName, points: outcome.points });
  });
  return { eventId: event.id, eventTitle: event.title, already: false, checkedInAt: iso(row.checked_in_at), late: Boolean(row.late), points };
}
