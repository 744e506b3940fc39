import { AppError, TEMPLATE_KEYS, TEMPLATE_LABELS, type MyRemindersView, type ReminderConfigView, contract } from '@tongxin/shared-types';
import { defineAction } from '../../core/action';
import type { Deps } from '../../core/action';
import type { Actor } from '../../core/actor';
import { maskPhone } from '../../domain/reminders';
import { loadSmsSetting, reminderPorts } from './ports';

async function smsAvailable(deps: Deps, orgId: string): Promise<boolean> {
  return reminderPorts(deps).sms.configured && (await loadSmsSetting(deps.db, orgId)).enabled;
}

function templateViews(deps: Deps) {
  const ports = reminderPorts(deps);
  return TEMPLATE_KEYS.map((key) => ({ key, templateId: ports.templates[key].id, label: TEMPLATE_LABELS[key] }));
}

async function loadMine(deps: Deps, actor: Actor): Promise<MyRemindersView> {
  const [subs, contact, available] = await Promise.all([
    deps.db
      .selectFrom('reminder_subscription')
      .select(['template_key', 'remaining', 'refused_at'])
      .where('org_id', '=', actor.orgId)
      .where('member_id', '=', actor.memberId)
      .execute(),
    deps.db.selectFrom('reminder_contact').selectAll().where('org_id', '=', actor.orgId).where('member_id', '=', actor.memberId).executeTakeFirst(),
    smsAvailable(deps, actor.orgId),
  ]);
  return {
    quotas: templateViews(deps).map((t) => {
      const s = subs.find((x) => x.template_key === t.key);
      return { ...t, remaining: s?.remaining ?? 0, refused: Boolean(s?.refused_at) };
    }),
    sms: { optedIn: Boolean(contact?.sms_opt_in), phone: maskPhone(contact?.sms_opt_in ? contact.sms_phone : null), available },
  };
}

/** 订阅消息的模板 id：客户端在“提醒我”的点击里调 requestSubscribeMessage */
export const config = defineAction({
  input: contract.reminders.config,
  errors: [],
  access: 'member',
  handler: async (_input, { deps, actor }): Promise<ReminderConfigView> => ({
    templates: templateViews(deps),
    smsAvailable: await smsAvailable(deps, actor.orgId),
  }),
});

/**
 * 上报 requestSubscribeMessage 的结果：accept 给这类消息加一次额度（一次性订阅 = 一条消息），并清掉拒收；
 * ban（在设置里关掉了这类消息）记为拒收，不再走订阅消息；reject、filter 这次没订阅，什么也不改。
 */
export const subscribed = defineAction({
  input: contract.reminders.subscribed,
  errors: ['REMIND.UNKNOWN_TEMPLATE'],
  access: 'member',
  handler: async ({ results }, { deps, actor }) => {
    const ports = reminderPorts(deps);
    const keyOf = (id: string) => TEMPLATE_KEYS.find((k) => ports.templates[k].id === id);
    if (results.some((r) => !keyOf(r.templateId))) throw new AppError('REMIND.UNKNOWN_TEMPLATE');
    const now = deps.clock.now();
    await deps.db.transaction().execute(async (trx) => {
      for (const r of results) {
        if (r.result !== 'accept' && r.result !== 'ban') continue;
        const accept = r.result === 'accept';
        await trx
          .insertInto('reminder_subscription')
          .values({
            org_id: actor.orgId,
            member_id: actor.memberId,
            template_key: keyOf(r.templateId)!,
            remaining: accept ? 1 : 0,
            refused_at: accept ? null : now,
            updated_at: now,
          })
          .onConflict((oc) =>
            oc
              .columns(['org_id', 'member_id', 'template_key'])
              .doUpdateSet((eb) =>
                accept
                  ? { remaining: eb('reminder_subscription.remaining', '+', 1), refused_at: null, updated_at: now }
                  : { remaining: 0, refused_at: now, updated_at: now },
              ),
          )
          .execute();
      }
    });
    return loadMine(deps, actor);
  },
});

/** 我的提醒：每类还能收几次，短信 */
export const mine = defineAction({
  input: contract.reminders.mine,
  errors: [],
  access: 'member',
  handler: async (_input, { deps, actor }) => loadMine(deps, actor),
});

/** 本人开通或关闭短信提醒：只改自己的（没有 memberId 参数，身份只来自微信） */
export const setSms = defineAction({
  input: contract.reminders.setSms,
  errors: [],
  access: 'member',
  handler: async ({ enabled, phone }, { deps, actor }) => {
    const now = deps.clock.now();
    await deps.db
      .insertInto('reminder_contact')
      .values({ org_id: actor.orgId, member_id: actor.memberId, sms_opt_in: enabled, sms_phone: phone ?? null, updated_at: now })
      .onConflict((oc) =>
        oc
          .columns(['org_id', 'member_id'])
          .doUpdateSet(enabled ? { sms_opt_in: true, sms_phone: phone ?? null, updated_at: now } : { sms_opt_in: false, updated_at: now }),
      )
      .execute();
    return loadMine(deps, actor);
  },
});
