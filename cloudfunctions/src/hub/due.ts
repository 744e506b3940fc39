import type { TemplateKey } from '@tongxin/shared-types';
import { sql } from 'kysely';
import type { DB } from '../db/connect';
import { MEETING_OFFSETS, dueOffset } from '../domain/reminders';
import { audienceIncludesMember } from '../functions/event/shared';
import type { PendingDelivery } from './deliveries';
import { PAGES } from './notices';

/**
 * 到点的提醒从哪里来：一小张“来源”登记表，定时器每一轮逐个问“现在该提醒谁”，答案入投递队列（幂等，重复问不会重复发）。
 * 会议提醒在下面；学习（必读材料、测验截止前 3 天）、建言（待评价）等以后用 deadlineSource 登记自己的来源。
 */
export interface DueSource {
  name: string;
  find(db: DB, now: Date): Promise<PendingDelivery[]>;
}

const sources: DueSource[] = [];

export function registerDueSource(source: DueSource): void {
  if (!sources.some((s) => s.name === source.name)) sources.push(source);
}

export function dueSources(): readonly DueSource[] {
  return sources;
}

const DAY = 24 * 3600_000;

/** 截止在 deadline 的一件事，要提醒的人 */
export interface DeadlineItem {
  orgId: string;
  subjectId: string;
  title: string;
  deadline: Date;
  memberIds: string[];
  page: string;
}

/**
 * “截止前 N 天提醒”的来源：load 给出截止时间落在 [from, to] 里的事项与该提醒的人（如还没读完必读材料的人）；
 * 从截止前 N 天起到截止为止，每人每件事只提醒一次（幂等键的时刻是截止时间，截止时间改了会再提醒）。
 */
export function deadlineSource(spec: {
  name: string;
  /** 投递的种类，如 'study.reading.3d' */
  kind: string;
  days: number;
  templateKey?: TemplateKey;
  load: (db: DB, from: Date, to: Date) => Promise<DeadlineItem[]>;
}): DueSource {
  const offsets = [{ ms: spec.days * DAY }];
  return {
    name: spec.name,
    async find(db, now) {
      const items = await spec.load(db, now, new Date(now.getTime() + spec.days * DAY));
      return items
        .filter((it) => dueOffset(offsets, it.deadline, now))
        .flatMap((it) =>
          it.memberIds.map((memberId) => ({
            orgId: it.orgId,
            memberId,
            kind: spec.kind,
            subjectId: it.subjectId,
            moment: it.deadline.toISOString(),
            templateKey: spec.templateKey ?? 'deadline',
            payload: { title: it.title, time: it.deadline.toISOString(), note: `${spec.days} 天后截止`, page: it.page },
          })),
        );
    },
  };
}

/**
 * 会议提醒：开始前 24 小时与 1 小时，提醒参加对象里的在册成员；请假已批准的不提醒，取消的活动不提醒。
 * 幂等键的时刻是开始时间：活动改了时间，新的时间再提醒一轮。
 */
export const meetingSource: DueSource = {
  name: 'meeting',
  async find(db, now) {
    const horizon = new Date(now.getTime() + MEETING_OFFSETS[0].ms);
    const events = await db
      .selectFrom('event')
      .select(['org_id', 'id', 'title', 'place', 'starts_at'])
      .where('status', '=', 'scheduled')
      .where('starts_at', '>', now)
      .where('starts_at', '<=', horizon)
      .execute();
    const out: PendingDelivery[] = [];
    for (const e of events) {
      const startsAt = new Date(e.starts_at);
      const offset = dueOffset(MEETING_OFFSETS, startsAt, now);
      if (!offset) continue;
      const members = await db
        .selectFrom('member as m')
        .select('m.id')
        .where('m.org_id', '=', e.org_id)
        .where('m.status', '=', 'active')
        .where(audienceIncludesMember(e.id))
        .where(
          sql<boolean>`NOT EXISTS (SELECT 1 FROM leave_request l WHERE l.org_id = m.org_id AND l.event_id = ${e.id} AND l.member_id = m.id AND l.status = 'approved')`,
        )
        .execute();
      for (const m of members) {
        out.push({
          orgId: e.org_id,
          memberId: m.id,
          kind: offset.kind,
          subjectId: e.id,
          moment: startsAt.toISOString(),
          templateKey: 'meeting',
          payload: { title: e.title, time: startsAt.toISOString(), place: e.place, note: offset.note, page: PAGES.eventDetail(e.id) },
        });
      }
    }
    return out;
  },
};

registerDueSource(meetingSource);
