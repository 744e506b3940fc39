import { AppError, REMINDER_KIND_LABELS, type ReminderSettingsView, UNREACHED_REASON_LABELS, type UnreachedReason, contract } from '@tongxin/shared-types';
import { defineAction } from '../../core/action';
import type { Deps } from '../../core/action';
import { recordAudit } from '../../core/audit';
import { monthKey } from '../../domain/reminders';
import { SMS_SETTING_KEY, loadSmsSetting, reminderPorts } from './ports';

async function loadSettings(deps: Deps, orgId: string): Promise<ReminderSettingsView> {
  const [setting, usage] = await Promise.all([
    loadSmsSetting(deps.db, orgId),
    deps.db.selectFrom('sms_usage').select('used').where('org_id', '=', orgId).where('month', '=', monthKey(deps.clock.now())).executeTakeFirst(),
  ]);
  return {
    smsEnabled: setting.enabled,
    monthlyBudget: setting.monthlyBudget,
    usedThisMonth: usage?.used ?? 0,
    smsConfigured: reminderPorts(deps).sms.configured,
  };
}

/** 办公室：短信开关、每月额度与本月用量 */
export const settings = defineAction({
  input: contract.reminders.settings,
  errors: [],
  access: { roles: ['admin'] },
  handler: async (_input, { deps, actor }) => loadSettings(deps, actor.orgId),
});

export const saveSettings = defineAction({
  input: contract.reminders.saveSettings,
  errors: [],
  access: { roles: ['admin'] },
  writes: true,
  handler: async ({ smsEnabled, monthlyBudget }, ctx) => {
    const { deps, actor } = ctx;
    const now = deps.clock.now();
    const value = JSON.stringify({ enabled: smsEnabled, monthlyBudget });
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('org_setting')
        .values({ org_id: actor.orgId, key: SMS_SETTING_KEY, value, updated_at: now, updated_by: actor.memberId })
        .onConflict((oc) => oc.columns(['org_id', 'key']).doUpdateSet({ value, updated_at: now, updated_by: actor.memberId }))
        .execute();
      await recordAudit(trx, ctx, {
        action: 'reminders.saveSettings',
        targetKind: 'setting',
        targetId: SMS_SETTING_KEY,
        summary: `短信提醒${smsEnabled ? '开启' : '关闭'}，每月额度${monthlyBudget === null ? '不限' : ` ${monthlyBudget} 条`}`,
      });
    });
    return loadSettings(deps, actor.orgId);
  },
});

/** 办公室：为没有绑定微信的成员开通短信提醒（用名册里的手机号）；已绑定的由本人开通 */
export const setMemberSms = defineAction({
  input: contract.reminders.setMemberSms,
  errors: ['NOT_FOUND#MEMBER', 'REMIND.MEMBER_BOUND', 'REMIND.NO_PHONE'],
  access: { roles: ['admin'] },
  writes: true,
  handler: async ({ memberId, enabled }, ctx) => {
    const { deps, actor } = ctx;
    const member = await deps.db.selectFrom('member').select(['name', 'phone']).where('org_id', '=', actor.orgId).where('id', '=', memberId).executeTakeFirst();
    if (!member) throw new AppError('NOT_FOUND#MEMBER');
    const bound = await deps.db
      .selectFrom('wx_binding')
      .select('openid')
      .where('org_id', '=', actor.orgId)
      .where('member_id', '=', memberId)
      .executeTakeFirst();
    if (enabled && bound) throw new AppError('REMIND.MEMBER_BOUND', { name: member.name });
    if (enabled && !member.phone) throw new AppError('REMIND.NO_PHONE', { name: member.name });
    const now = deps.clock.now();
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('reminder_contact')
        .values({ org_id: actor.orgId, member_id: memberId, office_sms: enabled, updated_at: now })
        .onConflict((oc) => oc.columns(['org_id', 'member_id']).doUpdateSet({ office_sms: enabled, updated_at: now }))
        .execute();
      await recordAudit(trx, ctx, {
        action: 'reminders.setMemberSms',
        targetKind: 'member',
        targetId: memberId,
        summary: `${enabled ? '为' : '取消'}${member.name}${enabled ? '开通' : '的'}短信提醒`,
      });
    });
    return { memberId, enabled };
  },
});

/** 办公室：发送记录（新的在前） */
export const log = defineAction({
  input: contract.reminders.log,
  errors: [],
  access: { roles: ['admin'] },
  handler: async ({ page, pageSize, status }, { deps, actor }) => {
    let q = deps.db
      .selectFrom('delivery as d')
      .innerJoin('member as m', (j) => j.onRef('m.org_id', '=', 'd.org_id').onRef('m.id', '=', 'd.member_id'))
      .where('d.org_id', '=', actor.orgId);
    if (status) q = q.where('d.status', '=', status);
    const [total, rows] = await Promise.all([
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      q
        .select(['d.id', 'd.kind', 'd.member_id', 'm.name', 'd.channel', 'd.status', 'd.reason', 'd.round', 'd.created_at', 'd.sent_at'])
        .orderBy('d.created_at', 'desc')
        .orderBy('d.id')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
    ]);
    return {
      total: Number(total.n),
      page,
      pageSize,
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        kindLabel: REMINDER_KIND_LABELS[r.kind] ?? r.kind,
        memberId: r.member_id,
        memberName: r.name,
        channel: r.channel,
        status: r.status,
        reason: r.reason as UnreachedReason | null,
        reasonLabel: r.reason ? UNREACHED_REASON_LABELS[r.reason as UnreachedReason] : null,
        round: r.round,
        createdAt: new Date(r.created_at).toISOString(),
        sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
      })),
    };
  },
});
