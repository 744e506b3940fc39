/**
 * 首页的待办与站内通知（issue 12）。待办由服务器按现状算出：事情办完了（不论谁办的），待办就没了。
 * 以后的建言、学习、提醒各自加自己的类别。
 */

/** 通知的类别：决定它是否成为待办、打开哪一页 */
export const NOTICE_KINDS = [
  'general',
  /** 被扣了分（评定、定案缺席、冲正） */
  'points.deducted',
  /** 一条记录被撤销（加分撤销或扣分撤销） */
  'points.reversed',
  /** 申诉有了答复 */
  'points.appealAnswered',
  /** 请假有了答复 */
  'leave.answered',
  /** 给书记：有人请假 */
  'leave.requested',
  /** 应参加的活动改了时间或地点 */
  'event.changed',
  'event.cancelled',
  /** 建言：被邀请联名（答复后消失） */
  'suggestion.cosign',
  /** 建言：办理有了进展（立案、交办、采用、批示……） */
  'suggestion.progress',
  /** 建言：承办单位答复了，请评价（评价后消失） */
  'suggestion.replied',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** study：布置给本人、还没读完的必学篇目 */
export type TodoKind = 'checkin' | 'attend' | 'decideLeave' | 'answerAppeal' | 'notice' | 'answerCosign' | 'rateReply' | 'study';

export interface TodoItem {
  /** 稳定的 id（同一件事刷新前后相同） */
  id: string;
  kind: TodoKind;
  title: string;
  detail: string;
  /** 须在何时之前办（活动开始）；没有期限的为 null */
  dueAt: string | null;
  /** 点开去办的页面（小程序路径，带参数） */
  link: string;
  eventId: string | null;
  /** decideLeave：可在首页直接审批 */
  leaveId?: string;
  /** answerAppeal */
  appealId?: string;
  /** answerCosign、rateReply：哪件建言 */
  suggestionId?: string;
  /** notice：点开或办完后标为已读 */
  noticeId?: string;
  noticeKind?: NoticeKind;
  /** study：要读的材料 */
  materialId?: string;
}

export interface TodoList {
  items: TodoItem[];
  /** 组织活动里每场活动待审批的请假数（活动卡片上的角标） */
  eventBadges: Array<{ eventId: string; pendingLeaves: number }>;
}
