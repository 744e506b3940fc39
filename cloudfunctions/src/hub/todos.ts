import { PARTY_ONLY_KINDS, type NoticeKind, type TodoItem, type TodoList } from '@tongxin/shared-types';
import { sql } from 'kysely';
import type { Actor } from '../core/actor';
import type { DB } from '../db/connect';
import { type RankInput, TODO_NOTICE_KINDS, WEEK_AHEAD_MS, meetingDuty, rankTodos } from '../domain/todos';
import { signedPoints } from '../domain/points';
import { audienceIncludesMember } from '../functions/event/shared';
import { PAGES } from './notices';
import { loadMyAssignments } from '../functions/study/shared';

/**
 * 一个人此刻的待办：由现状算出（待审批的请假、待答复的申诉、该签到或该请假的会、未读的通知），
 * 所以事情一办完——不论是谁办的——刷新就没了。先后见 domain/todos.ts。
 */
export async function loadTodos(db: DB, actor: Actor, now: Date): Promise<TodoList> {
  const organiser = actor.roles.includes('admin') || actor.roles.includes('secretary');
  const [meetings, notices, leaves, appeals, badges, cosigns, ratings, study] = await Promise.all([
    meetingTodos(db, actor, now),
    noticeTodos(db, actor),
    organiser ? leaveTodos(db, actor) : [],
    organiser ? appealTodos(db, actor) : [],
    organiser ? leaveBadges(db, actor) : [],
    cosignTodos(db, actor),
    ratingTodos(db, actor),
    studyTodos(db, actor, now),
  ]);
  const ranked = rankTodos<RankInput & { item: TodoItem }>([...meetings, ...leaves, ...appeals, ...cosigns, ...ratings, ...study, ...notices], now);
  return { items: ranked.map((x) => x.item), eventBadges: badges };
}

const iso = (d: Date | string) => new Date(d).toISOString();
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
/** 北京时间的“12月3日 周四 14:30”与“14:30” */
function dayLabel(d: Date | string): string {
  const b = new Date(new Date(d).getTime() + 8 * 3600_000);
  return `${b.getUTCMonth() + 1}月${b.getUTCDate()}日 周${WEEKDAYS[b.getUTCDay()]} ${clock(d)}`;
}
function clock(d: Date | string): string {
  const b = new Date(new Date(d).getTime() + 8 * 3600_000);
  return `${String(b.getUTCHours()).padStart(2, '0')}:${String(b.getUTCMinutes()).padStart(2, '0')}`;
}

/** 本人这周应参加的会：今天的要签到，以后的要参加或请假 */
async function meetingTodos(db: DB, actor: Actor, now: Date) {
  const events = await db
    .selectFrom('event as e')
    .innerJoin('member as m', (j) => j.onRef('m.org_id', '=', 'e.org_id'))
    .select(['e.id', 'e.kind', 'e.title', 'e.place', 'e.starts_at', 'e.ends_at', 'e.checkin_opens_at', 'e.checkin_closes_at', 'e.status'])
    .where('e.org_id', '=', actor.orgId)
    .where('m.id', '=', actor.memberId)
    .where('m.status', '=', 'active')
    .where('e.status', '=', 'scheduled')
    .where('e.ends_at', '>', now)
    .where('e.starts_at', '<', new Date(now.getTime() + WEEK_AHEAD_MS))
    .where(audienceIncludesMember(sql.ref('e.id')))
    .orderBy('e.starts_at')
    .limit(30)
    .execute();
  // 组织生活只有党员能签到：不让非党员为此操心
  const mine = events.filter((e) => actor.affiliation === '中共党员' || !PARTY_ONLY_KINDS.includes(e.kind));
  if (mine.length === 0) return [];
  const ids = mine.map((e) => e.id);
  const [attended, leaves] = await Promise.all([
    db
      .selectFrom('attendance')
      .select('event_id')
      .where('org_id', '=', actor.orgId)
      .where('member_id', '=', actor.memberId)
      .where('event_id', 'in', ids)
      .execute(),
    db
      .selectFrom('leave_request')
      .select(['event_id', 'status'])
      .where('org_id', '=', actor.orgId)
      .where('member_id', '=', actor.memberId)
      .where('event_id', 'in', ids)
      .where('status', '!=', 'withdrawn')
      .$narrowType<{ status: 'pending' | 'approved' | 'refused' }>()
      .orderBy('created_at')
      .execute(),
  ]);
  const checkedIn = new Set(attended.map((a) => a.event_id));
  const leaveOf = new Map(leaves.map((l) => [l.event_id, l.status]));
  const out: Array<RankInput & { item: TodoItem }> = [];
  for (const e of mine) {
    const m = {
      now,
      startsAt: new Date(e.starts_at),
      endsAt: new Date(e.ends_at),
      checkinOpensAt: new Date(e.checkin_opens_at),
      checkinClosesAt: new Date(e.checkin_closes_at),
    };
    const duty = meetingDuty({ ...m, cancelled: false, checkedIn: checkedIn.has(e.id), leave: leaveOf.get(e.id) ?? null });
    if (!duty) continue;
    const windowOpen = now >= m.checkinOpensAt && now <= m.checkinClosesAt;
    out.push({
      windowOpen,
      item: {
        id: `${duty}:${e.id}`,
        kind: duty,
        title: duty === 'checkin' ? `今天 ${clock(e.starts_at)}：${e.title}` : `${dayLabel(e.starts_at)}：${e.title}`,
        detail:
          duty === 'checkin'
            ? `${e.place}。${windowOpen ? '签到已开始，到场扫大屏上的二维码' : `${clock(e.checkin_opens_at)} 起可以签到`}`
            : `${e.place}。请准时参加，不能参加的请假`,
        dueAt: iso(e.starts_at),
        link: PAGES.eventDetail(e.id),
        eventId: e.id,
      },
    });
  }
  return out;
}

/** 书记：本支部主办的活动里待审批的请假；管理员：全部。已取消、已定案的活动不用再批 */
function pendingLeaves(db: DB, actor: Actor) {
  let q = db
    .selectFrom('leave_request as l')
    .innerJoin('event as e', (j) => j.onRef('e.org_id', '=', 'l.org_id').onRef('e.id', '=', 'l.event_id'))
    .where('l.org_id', '=', actor.orgId)
    .where('l.status', '=', 'pending')
    .where('l.member_id', '!=', actor.memberId)
    .where('e.status', '=', 'scheduled')
    .where('e.finalized_at', 'is', null);
  if (!actor.roles.includes('admin'))
    q = actor.managedBranchIds.length ? q.where('e.owner_branch_id', 'in', actor.managedBranchIds) : q.where(sql<boolean>`false`);
  return q;
}

async function leaveTodos(db: DB, actor: Actor) {
  const rows = await pendingLeaves(db, actor)
    .innerJoin('member as m', (j) => j.onRef('m.org_id', '=', 'l.org_id').onRef('m.id', '=', 'l.member_id'))
    .select(['l.id', 'l.event_id', 'l.reason', 'l.created_at', 'e.title', 'e.starts_at', 'm.name'])
    .orderBy('e.starts_at')
    .limit(50)
    .execute();
  return rows.map((r) => ({
    item: {
      id: `decideLeave:${r.id}`,
      kind: 'decideLeave' as const,
      title: `请假待审批：${r.name}`,
      detail: `${r.title}（${dayLabel(r.starts_at)}）：${r.reason}`,
      dueAt: iso(r.starts_at),
      link: PAGES.attendance(r.event_id),
      eventId: r.event_id,
      leaveId: r.id,
    },
  }));
}

async function leaveBadges(db: DB, actor: Actor) {
  const rows = await pendingLeaves(db, actor)
    .select((eb) => ['l.event_id', eb.fn.countAll<number>().as('n')])
    .groupBy('l.event_id')
    .execute();
  return rows.map((r) => ({ eventId: r.event_id, pendingLeaves: Number(r.n) }));
}

/** 待答复的申诉：书记看本支部成员的，管理员看全部；自己的申诉不由自己答复 */
async function appealTodos(db: DB, actor: Actor) {
  let q = db
    .selectFrom('points_appeal as a')
    .innerJoin('member as m', (j) => j.onRef('m.org_id', '=', 'a.org_id').onRef('m.id', '=', 'a.member_id'))
    .innerJoin('points_entry as e', (j) => j.onRef('e.org_id', '=', 'a.org_id').onRef('e.id', '=', 'a.entry_id'))
    .select(['a.id', 'a.reason', 'a.created_at', 'm.name', 'e.source_title', 'e.points'])
    .where('a.org_id', '=', actor.orgId)
    .where('a.status', '=', 'pending')
    .where('a.member_id', '!=', actor.memberId);
  if (!actor.roles.includes('admin')) {
    const branches = actor.managedBranchIds;
    q = branches.length
      ? q.where((eb) =>
          eb.exists(
            eb
              .selectFrom('branch_membership as bm')
              .select('bm.member_id')
              .whereRef('bm.org_id', '=', 'a.org_id')
              .whereRef('bm.member_id', '=', 'a.member_id')
              .where('bm.branch_id', 'in', branches),
          ),
        )
      : q.where(sql<boolean>`false`);
  }
  const rows = await q.orderBy('a.created_at').limit(50).execute();
  return rows.map((r) => ({
    happenedAt: iso(r.created_at),
    item: {
      id: `answerAppeal:${r.id}`,
      kind: 'answerAppeal' as const,
      title: `申诉待答复：${r.name}`,
      detail: `「${r.source_title}」${signedPoints(r.points)} 分：${r.reason}`,
      dueAt: null,
      link: PAGES.appeals,
      eventId: null,
      appealId: r.id,
    },
  }));
}

/** 待答复的联名邀请：提案还没审查（已提交或仍是草稿）；审查、撤回后邀请作废，待办随之消失 */
async function cosignTodos(db: DB, actor: Actor) {
  const rows = await db
    .selectFrom('suggestion_cosigner as c')
    .innerJoin('suggestion as s', (j) => j.onRef('s.org_id', '=', 'c.org_id').onRef('s.id', '=', 'c.suggestion_id'))
    .innerJoin('member as a', (j) => j.onRef('a.org_id', '=', 's.org_id').onRef('a.id', '=', 's.author_id'))
    .select(['s.id', 's.title', 'a.name', 'c.invited_at'])
    .where('c.org_id', '=', actor.orgId)
    .where('c.member_id', '=', actor.memberId)
    .where('c.status', '=', 'invited')
    .where('s.status', 'in', ['draft', 'submitted'])
    .orderBy('c.invited_at')
    .limit(20)
    .execute();
  return rows.map((r) => ({
    happenedAt: iso(r.invited_at),
    item: {
      id: `answerCosign:${r.id}`,
      kind: 'answerCosign' as const,
      title: `联名邀请：${r.title}`,
      detail: `${r.name} 邀请您联名，请确认或谢绝`,
      dueAt: null,
      link: PAGES.suggestionDetail(r.id),
      eventId: null,
      suggestionId: r.id,
    },
  }));
}

/** 承办单位已答复、等本人评价的建言 */
async function ratingTodos(db: DB, actor: Actor) {
  const rows = await db
    .selectFrom('suggestion')
    .select(['id', 'title', 'replied_at'])
    .where('org_id', '=', actor.orgId)
    .where('author_id', '=', actor.memberId)
    .where('status', '=', 'replied')
    .orderBy('replied_at')
    .limit(20)
    .execute();
  return rows.map((r) => ({
    happenedAt: iso(r.replied_at ?? new Date(0)),
    item: {
      id: `rateReply:${r.id}`,
      kind: 'rateReply' as const,
      title: `请评价答复：${r.title}`,
      detail: '承办单位已答复，请阅读后评价满意、基本满意或不满意',
      dueAt: null,
      link: PAGES.suggestionDetail(r.id),
      eventId: null,
      suggestionId: r.id,
    },
  }));
}

/** 未读的通知里该让本人知道的：扣分、撤销、申诉与请假的答复、活动变更与取消 */
async function noticeTodos(db: DB, actor: Actor) {
  const rows = await db
    .selectFrom('notification')
    .select(['id', 'kind', 'title', 'body', 'event_id', 'link', 'created_at'])
    .where('org_id', '=', actor.orgId)
    .where('member_id', '=', actor.memberId)
    .where('read_at', 'is', null)
    .where('kind', 'in', [...TODO_NOTICE_KINDS])
    .orderBy('created_at', 'desc')
    .limit(20)
    .execute();
  return rows.map((r) => ({
    happenedAt: iso(r.created_at),
    item: {
      id: `notice:${r.id}`,
      kind: 'notice' as const,
      title: r.title,
      detail: r.body,
      dueAt: null,
      link: r.link ?? (r.event_id ? PAGES.eventDetail(r.event_id) : PAGES.pointsMine),
      eventId: r.event_id,
      noticeId: r.id,
      noticeKind: r.kind as NoticeKind,
    },
  }));
}

/** 布置给本人、还没读完的必学篇目（期限近的在前；过了期限的仍列出，读完即消失） */
async function studyTodos(db: DB, actor: Actor, now: Date) {
  const rows = await loadMyAssignments(db, actor, now, { unfinishedOnly: true });
  return rows.slice(0, 20).map((a) => ({
    item: {
      id: `study:${a.id}`,
      kind: 'study' as const,
      title: `必学篇目：${a.title}`,
      detail: a.overdue ? `已过完成期限（${dayLabel(a.dueAt)}），读完请在文末确认` : `请在 ${dayLabel(a.dueAt)} 前读完，读完在文末确认`,
      dueAt: a.dueAt,
      link: PAGES.studyReader(a.materialId),
      eventId: null,
      materialId: a.materialId,
    },
  }));
}
