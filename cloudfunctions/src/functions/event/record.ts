import { AppError, type AttendancePending, type CheckinMethod, type CheckinResult, PARTY_ONLY_KINDS, TRACK_LABELS, WALK_IN_KINDS } from '@tongxin/shared-types';
import { type RawBuilder, type Transaction, sql } from 'kysely';
import { type ActorRow, actorSelect, toActor } from '../../core/actor';
import type { DB } from '../../db/connect';
import type { Database } from '../../db/schema';
import { EVENT_EFFECTS } from '../../domain/events';
import { yearOf } from '../../domain/points';
import { mapAwardError } from '../../db/errors';
import { type AwardRow, awardPointsCall, toOutcome } from '../points/ledger';
import { type EventRow, audienceIncludesMember, iso } from './shared';

type Queryable = Transaction<Database> | DB;

export interface AttendanceWrite {
  event: EventRow;
  at: Date;
  receivedAt: Date;
  method: CheckinMethod;
  proxy?: { by: string; byName: string; reason: string };
  /** 分还在等确认时（离线补交、未确认的补录）只记签到，不记分、不记五个一；确认时再记（见 confirm.ts） */
  confirmation: AttendancePending;
}

/** 签到写入后取回的一行：新插入时有签到时间与各条积分的结果；已签过时签到列为 null */
type WrittenRow = { checked_in_at: Date | null; late: boolean | null } & Record<string, AwardRow | null>;

/**
 * 扫码人能否签到这场活动（规则见 domain/event-policy 的 checkinEligibility，这里是同一规则的 SQL 写法，
 * 好并进热路径的那条语句）：欢迎旁听的活动不用查；组织生活只收参加对象里的党员；其他只收参加对象。
 */
function eligibleSql(event: EventRow): RawBuilder<boolean> | null {
  if (WALK_IN_KINDS.includes(event.kind)) return null;
  const inAudience = sql<boolean>`EXISTS (SELECT 1 FROM member m WHERE m.org_id = actor.org_id AND m.id = actor.member_id AND ${audienceIncludesMember(event.id)})`;
  return PARTY_ONLY_KINDS.includes(event.kind) ? sql<boolean>`(actor.affiliation = '中共党员' AND ${inAudience})` : inAudience;
}

/**
 * 记一次出席：签到、积分（经台账的 award_points）与五个一写在同一条语句里——一条语句本身就是一个事务，
 * 要么都成，要么都不成；签到高峰时也只需一次往返。每人每场只有一条签到（主键）；重复签到只回答“已签到”。
 * 可以在调用方的事务里调用（如代签要同时写审计），也可以直接用连接池。
 */
export async function recordAttendance(db: Queryable, req: AttendanceWrite & { memberId: string }): Promise<CheckinResult> {
  const statement = attendanceStatement(req, sql`VALUES (${attendanceValues(req, sql`${req.memberId}::uuid`)})`);
  const { rows } = await sql<WrittenRow>`${statement}`
    .execute(db)
    .catch(mapAwardError({ at: req.at, ruleCode: EVENT_EFFECTS[req.event.kind].rules.join('、') }));
  return toResult(db, req, req.memberId, rows[0]);
}

/**
 * 扫码签到的热路径：身份（actorSelect）、签到、积分与五个一全在一条语句、一次往返里。
 * 活动行来自函数实例的缓存，所以只在活动行的修订号仍是 revision 时才写；修订号变了（活动被编辑、取消或定案）
 * 返回 'stale'，调用方重新读活动、重新判断。身份与其他操作同一个定义、同样的判定（toActor）。
 */
export async function recordOwnAttendance(db: DB, req: AttendanceWrite, openid: string, revision: number): Promise<CheckinResult | 'stale'> {
  const { event } = req;
  const eligible = eligibleSql(event);
  const insert = sql`SELECT ${attendanceValues(req, sql`actor.member_id`)} FROM actor
    WHERE actor.status = 'active' AND actor.org_id = ${event.org_id}::uuid${eligible ? sql` AND ${eligible}` : sql``}
      AND EXISTS (SELECT 1 FROM event e WHERE e.org_id = ${event.org_id}::uuid AND e.id = ${event.id}::uuid AND e.revision = ${revision}::int)`;
  const { rows } = await sql<ActorRow & WrittenRow & { current_revision: number | null; eligible: boolean }>`
    WITH actor AS (${actorSelect(openid)}), ${attendanceCtes(req, insert)}
    SELECT actor.*, w.*, ${eligible ?? sql`true`} AS eligible,
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
  if (!row.eligible) throw new AppError(PARTY_ONLY_KINDS.includes(event.kind) ? 'EVENT.PARTY_ONLY' : 'EVENT.NOT_IN_AUDIENCE');
  return toResult(db, req, actor.memberId, row);
}

/** 签到行的各列：成员可以是参数，也可以是同一语句里别处的列（身份在语句里才解析出来） */
function attendanceValues(req: AttendanceWrite, member: RawBuilder<unknown>) {
  const { event, at } = req;
  return sql`${event.org_id}::uuid, ${event.id}::uuid, ${member}, ${at}::timestamptz, ${req.receivedAt}::timestamptz, ${req.method}::text,
    ${at > new Date(event.late_after)}::boolean, ${req.proxy?.by ?? null}::uuid, ${req.proxy?.reason ?? null}::text, ${req.confirmation}::text`;
}

/** 写签到（a）与五个一（f）的 CTE；source 是 INSERT 的行来源（VALUES 或 SELECT） */
function attendanceCtes(req: AttendanceWrite, source: RawBuilder<unknown>) {
  const { event } = req;
  const effects = EVENT_EFFECTS[event.kind];
  const fiveOne =
    effects.fiveOne && !req.confirmation
      ? sql`, f AS (
        INSERT INTO five_one_fulfilment (org_id, member_id, year, item, source_kind, source_id, title, at)
        SELECT ${event.org_id}, a.member_id, ${yearOf(req.at)}, ${effects.fiveOne}, 'event', ${event.id}, ${event.title}, a.checked_in_at FROM a
        ON CONFLICT (org_id, member_id, item, source_kind, source_id) DO NOTHING
      )`
      : sql``;
  return sql`a AS (
      INSERT INTO attendance (org_id, event_id, member_id, checked_in_at, received_at, method, late, proxy_by, proxy_reason, confirmation)
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
  const rules = req.confirmation ? [] : EVENT_EFFECTS[event.kind].rules;
  const awards = rules.map((ruleCode, i) => ({
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
      .select(['checked_in_at', 'late', 'confirmation'])
      .where('org_id', '=', event.org_id)
      .where('event_id', '=', event.id)
      .where('member_id', '=', memberId)
      .executeTakeFirstOrThrow();
    return {
      eventId: event.id,
      eventTitle: event.title,
      already: true,
      checkedInAt: iso(existing.checked_in_at),
      late: existing.late,
      points: [],
      pending: existing.confirmation,
    };
  }
  const points: CheckinResult['points'] = [];
  if (!req.confirmation)
    EVENT_EFFECTS[event.kind].rules.forEach((_, i) => {
      const award = row[`award${i}`];
      const outcome = award ? toOutcome(award) : undefined;
      if (outcome?.status === 'awarded' || outcome?.status === 'capped')
        points.push({ track: TRACK_LABELS[outcome.track], ruleName: outcome.ruleName, points: outcome.points });
    });
  return {
    eventId: event.id,
    eventTitle: event.title,
    already: false,
    checkedInAt: iso(row.checked_in_at),
    late: Boolean(row.late),
    points,
    pending: req.confirmation,
  };
}
