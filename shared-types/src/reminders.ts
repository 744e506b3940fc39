import type { PageOf } from './views';

/**
 * 提醒（issue 15）：订阅消息与短信。站内通知由 hub/notices.ts 发出，提醒在它之上决定走哪条渠道。
 * 模板键是逻辑上的“哪一类消息”；真正的模板 id 来自配置（环境变量），客户端向 reminders.config 取。
 */
export const TEMPLATE_KEYS = ['meeting', 'eventChange', 'result', 'deadline'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export const TEMPLATE_LABELS: Record<TemplateKey, string> = {
  meeting: '会议开始前提醒',
  eventChange: '活动变更、取消通知',
  result: '请假、申诉、建言的答复与联名邀请',
  deadline: '截止前提醒（学习材料、建言）',
};

/** 渠道：订阅消息、短信 */
export type DeliveryChannel = 'subscribe' | 'sms';

/** 投递的状态：pending 待发，sending 发送中（有租约），sent 已送达渠道，unreached 没能送达（原因见 reason） */
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'unreached';

/** 没能送达的原因（组织者据此打电话） */
export const UNREACHED_REASONS = ['no_quota', 'refused', 'unbound', 'no_phone', 'sms_disabled', 'budget_exhausted', 'sms_failed', 'send_failed'] as const;
export type UnreachedReason = (typeof UNREACHED_REASONS)[number];

export const UNREACHED_REASON_LABELS: Record<UnreachedReason, string> = {
  no_quota: '没有订阅（提醒次数用完）',
  refused: '拒收了订阅消息',
  unbound: '未绑定微信，也未开通短信',
  no_phone: '没有手机号',
  sms_disabled: '短信未开通',
  budget_exhausted: '本月短信额度已用完',
  sms_failed: '短信发送失败',
  send_failed: '订阅消息发送失败',
};

/** 提醒的种类（投递记录的 kind）：会议提醒，以及由站内通知转来的推送 */
export const REMINDER_KIND_LABELS: Record<string, string> = {
  'meeting.24h': '会前 24 小时提醒',
  'meeting.1h': '会前 1 小时提醒',
  'event.changed': '活动变更通知',
  'event.cancelled': '活动取消通知',
  'leave.answered': '请假答复',
  'points.appealAnswered': '申诉答复',
};

export interface ReminderTemplateView {
  key: TemplateKey;
  /** 微信后台的模板 id（requestSubscribeMessage 用） */
  templateId: string;
  label: string;
}

export interface ReminderConfigView {
  templates: ReminderTemplateView[];
  /** 本政协开通了短信（办公室的开关，且服务器配置了短信） */
  smsAvailable: boolean;
}

export interface MyRemindersView {
  /** 每类消息还能收几次；refused：拒收过（重新订阅即恢复） */
  quotas: Array<ReminderTemplateView & { remaining: number; refused: boolean }>;
  sms: {
    /** 本人开通了短信提醒 */
    optedIn: boolean;
    /** 掩码后的手机号 */
    phone: string | null;
    available: boolean;
  };
}

export interface ReminderSettingsView {
  smsEnabled: boolean;
  /** 每月短信条数上限；null 为不限 */
  monthlyBudget: number | null;
  /** 本月已用 */
  usedThisMonth: number;
  /** 服务器是否配置了短信（密钥、签名、模板） */
  smsConfigured: boolean;
}

export interface DeliveryView {
  id: string;
  kind: string;
  kindLabel: string;
  memberId: string;
  memberName: string;
  channel: DeliveryChannel | null;
  status: DeliveryStatus;
  reason: UnreachedReason | null;
  reasonLabel: string | null;
  round: number;
  createdAt: string;
  sentAt: string | null;
}

export interface EventReminderRow {
  memberId: string;
  name: string;
  bound: boolean;
  /** 收到的提醒（每种取最新一轮） */
  deliveries: Array<Pick<DeliveryView, 'kind' | 'kindLabel' | 'channel' | 'status' | 'reason' | 'reasonLabel' | 'round' | 'sentAt'>>;
  /** 最近一次没有送达的原因；全部送达为 null */
  unreached: UnreachedReason | null;
  unreachedLabel: string | null;
}

export interface EventReminderReport {
  eventId: string;
  title: string;
  counts: { expected: number; reached: number; unreached: number; pending: number };
  rows: EventReminderRow[];
}

export type DeliveryLog = PageOf<DeliveryView>;

export interface TickResult {
  enqueued: number;
  sent: number;
  unreached: number;
  /** 还有没发完的（到了时间上限，留给下一轮） */
  remaining: number;
  housekeeping: Record<string, number>;
}
