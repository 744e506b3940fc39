import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { ActorContext } from './action';

export interface AuditEntry {
  action: string;
  targetKind:
    | 'member'
    | 'party_org'
    | 'committee'
    | 'sector'
    | 'invite'
    | 'import'
    | 'export'
    | 'binding'
    | 'event'
    | 'points_rule'
    | 'points_year'
    | 'setting'
    | 'suggestion'
    | 'handling_unit'
    | 'feedback'
    | 'study_material'
    | 'study_assignment'
    | 'quiz';
  targetId?: string | null;
  /** 一句中文：谁做了什么 */
  summary: string;
  details?: Record<string, unknown>;
}

/** 写入审计日志：与被审计的写操作在同一个事务里，要么都成功要么都不发生。 */
export async function recordAudit(trx: Transaction<Database>, ctx: ActorContext, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      org_id: ctx.actor.orgId,
      at: ctx.deps.clock.now(),
      actor_member_id: ctx.actor.memberId,
      actor_name: ctx.actor.name,
      action: entry.action,
      target_kind: entry.targetKind,
      target_id: entry.targetId ?? null,
      summary: entry.summary,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}
