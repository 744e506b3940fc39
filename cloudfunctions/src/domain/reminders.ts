import type { TemplateKey, UnreachedReason } from '@tongxin/shared-types';
import { fieldValue } from './subscribe-fields';

/**
 * 提醒的纯规则：什么时候该提醒、走哪条渠道、消息里写什么。没有 I/O，调度与发送在 functions/reminders。
 */

const HOUR = 3600_000;

/** 会前提醒：24 小时与 1 小时（从远到近） */
export const MEETING_OFFSETS = [
  { kind: 'meeting.24h', ms: 24 * HOUR, note: '明天此时开始' },
  { kind: 'meeting.1h', ms: HOUR, note: '一小时后开始' },
] as const;
export type MeetingReminderKind = (typeof MEETING_OFFSETS)[number]['kind'];

/**
 * “提前 N 的提醒”现在是否该发：从 deadline − offset 起，到下一档（更近的一档）开始前为止；过了 deadline 不再发。
 * 定时器每 5 分钟一轮，漏掉的一轮由下一轮补上；离得太近才建的活动只发最近的一档（建于会前 3 小时，只发 1 小时提醒之前的 24 小时档，
 * 即刻发出一次，之后再发 1 小时档）。
 */
export function dueOffset<T extends { ms: number }>(offsets: readonly T[], deadline: Date, now: Date): T | undefined {
  const left = deadline.getTime() - now.getTime();
  if (left <= 0) return undefined;
  const sorted = [...offsets].sort((a, b) => b.ms - a.ms);
  for (let i = 0; i < sorted.length; i++) {
    const next = sorted[i + 1]?.ms ?? 0;
    if (left <= sorted[i].ms && left > next) return sorted[i];
  }
  return undefined;
}

/** 投递时才知道的、这个人能不能收到 */
export interface Reachability {
  /** 绑定的微信（没有则为 null） */
  openid: string | null;
  /** 这类模板还能收几次；拒收过 */
  quota: number;
  refused: boolean;
  /** 本人开通的短信手机号 */
  smsOptInPhone: string | null;
  /** 办公室为未绑定的成员开通了短信时，名册里的手机号（没有则为 ''） */
  officeSmsPhone: string | null;
  /** 本政协的短信开关且服务器配置了短信 */
  smsAvailable: boolean;
}

export type ChannelChoice = { channel: 'subscribe'; openid: string } | { channel: 'sms'; phone: string } | { channel: null; reason: UnreachedReason };

/**
 * 渠道：有订阅额度的走订阅消息（不花钱、点开进小程序）；否则开通了短信的走短信；都不行时说清为什么。
 * 拒收（43101 或关掉了这类消息）不再走订阅消息，直到本人重新订阅。
 */
export function chooseChannel(r: Reachability): ChannelChoice {
  if (r.openid && r.quota > 0 && !r.refused) return { channel: 'subscribe', openid: r.openid };
  const phone = r.smsOptInPhone ?? (r.openid ? null : r.officeSmsPhone);
  if (phone === null) {
    if (!r.openid) return { channel: null, reason: 'unbound' };
    return { channel: null, reason: r.refused ? 'refused' : 'no_quota' };
  }
  if (!phone) return { channel: null, reason: 'no_phone' };
  if (!r.smsAvailable) return { channel: null, reason: 'sms_disabled' };
  return { channel: 'sms', phone };
}

/** 北京时间的月份，短信额度按月计：2026-12 */
export function monthKey(at: Date): string {
  const t = new Date(at.getTime() + 8 * HOUR);
  return `${t.getUTCFullYear()}-${String(t.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** 投递行里存的消息内容（与渠道无关）：发送时按模板写成订阅消息的字段或短信的参数 */
export interface ReminderPayload {
  title: string;
  /** 时间（ISO）：会议开始、截止 */
  time?: string;
  place?: string;
  /** 一句补充：“一小时后开始”“已批准”“改到……” */
  note: string;
  /** 结果短语（≤ 5 字）：已批准、未批准、已变更、已取消 */
  result?: string;
  /** 点开打开的页面 */
  page: string;
}

/** 每类模板的字段：字段键（带类型前缀）← 取 payload 的哪一项。须与微信后台所选模板一致，可由配置覆盖 */
export type FieldMap = Record<string, keyof Omit<ReminderPayload, 'page'>>;

export const DEFAULT_FIELD_MAPS: Record<TemplateKey, FieldMap> = {
  // 会议提醒：会议名称、会议时间、会议地点、备注
  meeting: { thing1: 'title', time2: 'time', thing3: 'place', thing4: 'note' },
  // 活动变更通知：活动名称、变更内容、活动时间、变更类型
  eventChange: { thing1: 'title', thing2: 'note', time3: 'time', phrase4: 'result' },
  // 审批结果通知：事项、结果、说明
  result: { thing1: 'title', phrase2: 'result', thing3: 'note' },
  // 截止提醒：事项、截止时间、备注
  deadline: { thing1: 'title', time2: 'time', thing3: 'note' },
};

/** 订阅消息的 data：{ thing1: { value } }；缺的取值写“—”（空值会让整条消息发送失败） */
export function templateData(fields: FieldMap, p: ReminderPayload): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {};
  for (const [key, from] of Object.entries(fields)) {
    const raw = p[from];
    data[key] = { value: raw ? fieldValue(key, raw) : '—' };
  }
  return data;
}

/** 短信模板参数：标题、时间、补充（每个参数不超过 12 个字，腾讯云对变量长度有限制） */
export function smsParams(p: ReminderPayload): string[] {
  const time = p.time ? fieldValue('time1', p.time).slice(5) : '';
  return [fieldValue('thing1', p.title).slice(0, 12), time || '—', fieldValue('thing1', p.note).slice(0, 12)];
}

/** 掩码手机号：138****0001 */
export function maskPhone(phone: string | null): string | null {
  return phone ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : null;
}
