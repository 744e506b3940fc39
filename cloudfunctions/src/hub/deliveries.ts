import type { NoticeKind, TemplateKey } from '@tongxin/shared-types';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { ReminderPayload } from '../domain/reminders';

/**
 * 投递队列（delivery 表）：“这个人该听到这件事”的一处记录。功能代码只管发出（站内通知经 hub/notices.ts 的 notify，
 * 定时的提醒经 hub/due.ts 的来源），走哪条渠道（订阅消息、短信）、没送达的原因，由 functions/reminders 在投递时决定。
 * 幂等键（种类 + 对象 + 成员 + 时刻）唯一：同一件事重复入队只留一行。
 */

type Trx = Pick<Kysely<Database>, 'insertInto' | 'selectFrom'> | Transaction<Database>;

export interface PendingDelivery {
  orgId: string;
  memberId: string;
  /** 提醒的种类：meeting.24h、event.changed…… */
  kind: string;
  /** 所说的事（活动、请假、申诉）：组织者的报告按它汇总 */
  subjectId: string | null;
  /** 幂等键里的“时刻”：会议的开始时间、通知的 id…… */
  moment: string;
  templateKey: TemplateKey;
  payload: ReminderPayload;
  /** 组织者“重新提醒”的轮次（第 0 轮是自动的） */
  round?: number;
}

export const idempotencyKey = (d: Pick<PendingDelivery, 'kind' | 'subjectId' | 'memberId' | 'moment' | 'round'>) =>
  `${d.kind}:${d.subjectId ?? '-'}:${d.memberId}:${d.moment}${d.round ? `:r${d.round}` : ''}`;

/** 入队（已有同一幂等键的不重复）；返回新入队的行数 */
export async function enqueueDeliveries(trx: Trx, rows: readonly PendingDelivery[], at: Date): Promise<number> {
  let added = 0;
  // 一条语句的参数有上限（65535）：分批插入
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const res = await trx
      .insertInto('delivery')
      .values(
        chunk.map((d) => ({
          org_id: d.orgId,
          idem_key: idempotencyKey(d),
          kind: d.kind,
          member_id: d.memberId,
          subject_id: d.subjectId,
          template_key: d.templateKey,
          round: d.round ?? 0,
          payload: JSON.stringify(d.payload),
          created_at: at,
          updated_at: at,
        })),
      )
      .onConflict((oc) => oc.columns(['org_id', 'idem_key']).doNothing())
      .executeTakeFirst();
    added += Number(res.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}

/**
 * 哪些站内通知也要推送、用哪类模板。建言（答复、待评价、联名邀请）、学习等以后的通知类别在这里登记一行即可。
 */
export const PUSH_KINDS: Partial<Record<NoticeKind | (string & {}), TemplateKey>> = {
  'event.changed': 'eventChange',
  'event.cancelled': 'eventChange',
  'leave.answered': 'result',
  'points.appealAnswered': 'result',
  // 建言：联名邀请在等答复；承办单位答复了、请评价
  'suggestion.cosign': 'result',
  'suggestion.replied': 'result',
};

export function registerPushKind(kind: string, template: TemplateKey): void {
  PUSH_KINDS[kind] = template;
}
