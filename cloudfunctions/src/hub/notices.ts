import { BRANCH_MANAGER_DUTIES, type NoticeKind } from '@tongxin/shared-types';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { reversalLabel, signedPoints } from '../domain/points';
import { PUSH_KINDS, enqueueDeliveries } from './deliveries';

/**
 * 通知中心：把“发生了这件事”变成给相关的人的站内通知。每个写操作在自己的事务里调用这里的 tell.*，
 * 通知与那次写入同生共死。要推送的类别（见 hub/deliveries.ts 的 PUSH_KINDS）同时入投递队列，由提醒函数决定走订阅消息还是短信；
 * 建言、学习各自加 tell 的条目。
 * 待办另见 hub/todos.ts：待办由现状算出，这里只管“告诉谁”。
 */

type Trx = Pick<Kysely<Database>, 'insertInto' | 'selectFrom' | 'updateTable'> | Transaction<Database>;

/** 小程序里打开的页面（与前端的路由一致） */
export const PAGES = {
  eventDetail: (id: string) => `/events/detail/index?id=${encodeURIComponent(id)}`,
  attendance: (id: string) => `/events/attendance/index?id=${encodeURIComponent(id)}`,
  pointsMine: '/points/mine/index',
  appeals: '/points/appeals/index',
  feedback: '/suggest/feedback/index',
  suggestionDetail: (id: string) => `/suggest/detail/index?id=${encodeURIComponent(id)}`,
  studyReader: (id: string) => `/study/reader/index?id=${encodeURIComponent(id)}`,
  studyQuiz: '/study/quiz/index',
} as const;

export interface Notice {
  kind: NoticeKind;
  title: string;
  body: string;
  eventId?: string | null;
  link?: string | null;
  /** 所说的事（请假、申诉、积分记录）：事情办完时按它把通知一并标为已读 */
  subjectId?: string | null;
  at: Date;
  /** 推送（订阅消息、短信）里的结果短语（≤ 5 字）：已批准、已取消…… */
  result?: string;
}

/** 发给一批人；标题、正文按表的长度截断。要推送的类别一并入投递队列（同一事务） */
export async function notify(trx: Trx, orgId: string, memberIds: readonly string[], n: Notice): Promise<void> {
  const to = [...new Set(memberIds)];
  if (to.length === 0) return;
  const rows = await trx
    .insertInto('notification')
    .values(
      to.map((member_id) => ({
        org_id: orgId,
        member_id,
        kind: n.kind,
        title: n.title.slice(0, 40),
        body: n.body.slice(0, 300),
        event_id: n.eventId ?? null,
        link: n.link ?? null,
        subject_id: n.subjectId ?? null,
        created_at: n.at,
      })),
    )
    .returning(['id', 'member_id'])
    .execute();
  const template = PUSH_KINDS[n.kind];
  if (!template) return;
  // 活动的通知带上活动的（新）时间与地点：订阅消息的 time 字段不能空
  const event = n.eventId
    ? await trx.selectFrom('event').select(['starts_at', 'place']).where('org_id', '=', orgId).where('id', '=', n.eventId).executeTakeFirst()
    : undefined;
  await enqueueDeliveries(
    trx,
    rows.map((r) => ({
      orgId,
      memberId: r.member_id,
      kind: n.kind,
      subjectId: n.eventId ?? n.subjectId ?? null,
      moment: r.id,
      templateKey: template,
      payload: {
        title: n.title,
        note: n.body,
        page: n.link ?? '/pages/index/index',
        result: n.result,
        time: event ? new Date(event.starts_at).toISOString() : n.at.toISOString(),
        place: event?.place,
      },
    })),
    n.at,
  );
}

/** 事情已经办完（不论谁办的）：关于它的这类通知对所有收件人都标为已读 */
export async function resolveNotices(trx: Trx, orgId: string, kind: NoticeKind, subjectId: string, at: Date): Promise<void> {
  await trx
    .updateTable('notification')
    .set({ read_at: at })
    .where('org_id', '=', orgId)
    .where('kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .where('read_at', 'is', null)
    .execute();
}

/** 某支部的书记、副书记、党务干部（在册的） */
async function branchManagers(trx: Trx, orgId: string, branchId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('branch_membership as bm')
    .innerJoin('member as m', (j) => j.onRef('m.org_id', '=', 'bm.org_id').onRef('m.id', '=', 'bm.member_id'))
    .select('bm.member_id')
    .where('bm.org_id', '=', orgId)
    .where('bm.branch_id', '=', branchId)
    .where('bm.duty', 'in', [...BRANCH_MANAGER_DUTIES])
    .where('m.status', '=', 'active')
    .execute();
  return rows.map((r) => r.member_id);
}

export interface EventRef {
  id: string;
  title: string;
  owner_branch_id: string | null;
  organiser_id: string;
}

/** 发生的事 → 通知谁、说什么 */
export const tell = {
  /** 有人请假：告诉能审批的人——主办支部的书记们；没有主办支部的（办公室办的）告诉组织者 */
  async leaveRequested(trx: Trx, orgId: string, e: { event: EventRef; leaveId: string; memberId: string; memberName: string; reason: string; at: Date }) {
    const to = e.event.owner_branch_id ? await branchManagers(trx, orgId, e.event.owner_branch_id) : [e.event.organiser_id];
    await notify(
      trx,
      orgId,
      to.filter((id) => id !== e.memberId),
      {
        kind: 'leave.requested',
        title: `请假待审批：${e.event.title}`,
        body: `${e.memberName}：${e.reason}`,
        eventId: e.event.id,
        link: PAGES.attendance(e.event.id),
        subjectId: e.leaveId,
        at: e.at,
      },
    );
  },

  async leaveAnswered(trx: Trx, orgId: string, e: { event: EventRef; leaveId: string; memberId: string; approved: boolean; answer: string | null; at: Date }) {
    await resolveNotices(trx, orgId, 'leave.requested', e.leaveId, e.at);
    await notify(trx, orgId, [e.memberId], {
      kind: 'leave.answered',
      title: `请假${e.approved ? '已批准' : '未批准'}：${e.event.title}`,
      body: e.answer || (e.approved ? '已批准您的请假。' : '请按时参加。'),
      eventId: e.event.id,
      link: PAGES.eventDetail(e.event.id),
      subjectId: e.leaveId,
      at: e.at,
      result: e.approved ? '已批准' : '未批准',
    });
  },

  /** 请假撤回了：书记那边的“请假待审批”通知也就不用看了 */
  async leaveWithdrawn(trx: Trx, orgId: string, e: { leaveId: string; at: Date }) {
    await resolveNotices(trx, orgId, 'leave.requested', e.leaveId, e.at);
  },

  /** 应参加的人：活动改了时间（开始或结束）或地点 */
  async eventChanged(trx: Trx, orgId: string, e: { event: EventRef; to: string[]; changes: string[]; at: Date }) {
    if (e.changes.length === 0) return;
    await notify(trx, orgId, e.to, {
      kind: 'event.changed',
      title: `活动变更：${e.event.title}`,
      body: e.changes.join('；'),
      eventId: e.event.id,
      link: PAGES.eventDetail(e.event.id),
      at: e.at,
      result: '已变更',
    });
  },

  async eventCancelled(trx: Trx, orgId: string, e: { event: EventRef; to: string[]; reason: string; at: Date }) {
    await notify(trx, orgId, e.to, {
      kind: 'event.cancelled',
      title: `活动取消：${e.event.title}`,
      body: `原因：${e.reason}`,
      eventId: e.event.id,
      link: PAGES.eventDetail(e.event.id),
      at: e.at,
      result: '已取消',
    });
  },

  /** 扣了分（评定、定案缺席）：说清哪条规则、为什么、扣了多少 */
  async pointsDeducted(trx: Trx, orgId: string, e: { memberIds: string[]; points: number; what: string; reason: string; entryId?: string; at: Date }) {
    await notify(trx, orgId, e.memberIds, {
      kind: 'points.deducted',
      title: `积分变动：${e.what} ${signedPoints(e.points)} 分`,
      body: e.reason,
      link: PAGES.pointsMine,
      subjectId: e.entryId ?? null,
      at: e.at,
    });
  },

  /** 撤销了一条记录（不经申诉）：说成“撤销加分 +2”“撤销扣分 −3” */
  async entryReversed(
    trx: Trx,
    orgId: string,
    e: { memberId: string; originalPoints: number; sourceTitle: string; reason: string; entryId: string; at: Date },
  ) {
    await notify(trx, orgId, [e.memberId], {
      kind: 'points.reversed',
      title: `${reversalLabel(e.originalPoints, false)}：${e.sourceTitle}`,
      body: e.reason,
      link: PAGES.pointsMine,
      subjectId: e.entryId,
      at: e.at,
    });
  },

  /** 被邀请联名：答复前它是首页的待办（由 suggestion_cosigner 算出），这条通知说清是谁、哪件 */
  async cosignInvited(trx: Trx, orgId: string, e: { suggestionId: string; memberIds: string[]; authorName: string; title: string; at: Date }) {
    await notify(trx, orgId, e.memberIds, {
      kind: 'suggestion.cosign',
      title: `联名邀请：${e.title}`,
      body: `${e.authorName} 邀请您联名提出这件提案，请确认或谢绝。`,
      link: PAGES.suggestionDetail(e.suggestionId),
      subjectId: e.suggestionId,
      at: e.at,
      result: '待确认',
    });
  },

  /** 联名邀请已答复（或提案已审查、撤回，邀请作废）：这些通知不必再看 */
  async cosignSettled(trx: Trx, orgId: string, e: { suggestionId: string; memberId?: string; at: Date }) {
    let q = trx
      .updateTable('notification')
      .set({ read_at: e.at })
      .where('org_id', '=', orgId)
      .where('kind', '=', 'suggestion.cosign')
      .where('subject_id', '=', e.suggestionId)
      .where('read_at', 'is', null);
    if (e.memberId) q = q.where('member_id', '=', e.memberId);
    await q.execute();
  },

  /** 建言有了进展：告诉提出者与已确认的联名人 */
  async suggestionProgress(trx: Trx, orgId: string, e: { suggestionId: string; to: string[]; title: string; body: string; at: Date }) {
    await notify(trx, orgId, e.to, {
      kind: 'suggestion.progress',
      title: e.title,
      body: e.body,
      link: PAGES.suggestionDetail(e.suggestionId),
      subjectId: e.suggestionId,
      at: e.at,
    });
  },

  /** 承办单位答复了：提出者去评价（评价后这条通知一并标为已读） */
  async suggestionReplied(trx: Trx, orgId: string, e: { suggestionId: string; authorId: string; unitName: string; title: string; at: Date }) {
    await notify(trx, orgId, [e.authorId], {
      kind: 'suggestion.replied',
      title: `已答复：${e.title}`,
      body: `${e.unitName}已答复，请阅读后评价。`,
      link: PAGES.suggestionDetail(e.suggestionId),
      subjectId: e.suggestionId,
      at: e.at,
      result: '请评价',
    });
  },

  async suggestionRated(trx: Trx, orgId: string, e: { suggestionId: string; at: Date }) {
    await resolveNotices(trx, orgId, 'suggestion.replied', e.suggestionId, e.at);
  },

  /** 具名的投诉建议有了答复（匿名的没有收件人：本人在“我的投诉建议”里看到） */
  async feedbackAnswered(trx: Trx, orgId: string, e: { feedbackId: string; senderId: string; answer: string; at: Date }) {
    await notify(trx, orgId, [e.senderId], {
      kind: 'general',
      title: '您的投诉建议有了答复',
      body: e.answer,
      link: PAGES.feedback,
      subjectId: e.feedbackId,
      at: e.at,
    });
  },

  async appealAnswered(
    trx: Trx,
    orgId: string,
    e: { appealId: string; memberId: string; accepted: boolean; entryPoints: number; sourceTitle: string; answer: string; at: Date },
  ) {
    const title = e.accepted ? reversalLabel(e.entryPoints, true) : '申诉未被采纳';
    await notify(trx, orgId, [e.memberId], {
      kind: 'points.appealAnswered',
      title: `${title}：${e.sourceTitle}`,
      body: e.answer,
      link: PAGES.pointsMine,
      subjectId: e.appealId,
      at: e.at,
      result: e.accepted ? '已采纳' : '未采纳',
    });
  },
};
