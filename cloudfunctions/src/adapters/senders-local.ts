import type { DB } from '../db/connect';
import type { ReminderPorts, SmsRequest, SubscribeMessage } from '../core/ports';
import { templatesFromEnv } from './reminder-config';

/**
 * 本地模式的发送器：不连微信、不发短信，把消息写进发件箱表 dev_outbox（GET /api/dev/outbox 可看）。
 * hooks 供测试与基准：模拟每次发送的延迟、拒收、短信失败，以及“发了 k 条后进程死了”（之后每次发送都抛出）。
 */
export interface LocalSenderHooks {
  latencyMs: number;
  /** 发了这么多条之后，发送器抛出（模拟运行中途被杀）；null 不模拟 */
  crashAfter: number | null;
  /** 这些 openid 拒收（43101） */
  refuse: Set<string>;
  /** 这些号码短信失败 */
  failPhones: Set<string>;
  /** 'db' 写进 dev_outbox；'memory' 只记在 sent 里（基准用：模拟的是远端接口，不该算本地写库的时间） */
  sink: 'db' | 'memory';
  sent: Array<{ channel: 'subscribe' | 'sms'; recipient: string; templateId: string; deliveryId: string }>;
  count: number;
}

export function localReminderPorts(db: DB, options: Partial<Omit<LocalSenderHooks, 'sent' | 'count'>> = {}): ReminderPorts & { hooks: LocalSenderHooks } {
  const hooks: LocalSenderHooks = {
    latencyMs: 0,
    crashAfter: null,
    refuse: new Set(),
    failPhones: new Set(),
    sink: 'db',
    ...options,
    sent: [],
    count: 0,
  };
  const step = async () => {
    if (hooks.latencyMs) await new Promise((r) => setTimeout(r, hooks.latencyMs));
    if (hooks.crashAfter !== null && hooks.count >= hooks.crashAfter) throw new Error('simulated crash: sender died');
  };
  const record = async (
    channel: 'subscribe' | 'sms',
    orgId: string,
    deliveryId: string,
    recipient: string,
    templateId: string,
    page: string | null,
    data: unknown,
  ) => {
    hooks.count++;
    hooks.sent.push({ channel, recipient, templateId, deliveryId });
    if (hooks.sink === 'db') {
      await db
        .insertInto('dev_outbox')
        .values({ org_id: orgId, delivery_id: deliveryId, channel, recipient, template_id: templateId, page, data: JSON.stringify(data), sent_at: new Date() })
        .execute();
    }
  };
  return {
    ...templatesFromEnv({}),
    hooks,
    subscribe: {
      async send(m: SubscribeMessage) {
        await step();
        if (hooks.refuse.has(m.touser)) return { status: 'refused' };
        await record('subscribe', m.orgId, m.deliveryId, m.touser, m.templateId, m.page, m.data);
        return { status: 'sent' };
      },
    },
    sms: {
      configured: true,
      async send(r: SmsRequest) {
        await step();
        const results = [];
        for (const to of r.recipients) {
          if (hooks.failPhones.has(to.phone)) {
            results.push({ ok: false, detail: 'LimitExceeded.PhoneNumberDailyLimit' });
            continue;
          }
          await record('sms', r.orgId, to.deliveryId, to.phone, r.templateId, null, { params: r.params });
          results.push({ ok: true });
        }
        return results;
      },
    },
  };
}
