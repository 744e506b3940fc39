import type { Logger, ReminderPorts, SmsRequest, SmsSender, SubscribeSender } from '../core/ports';
import { templatesFromEnv } from './reminder-config';

/** 43101：用户拒收（没有订阅额度或关掉了这类消息）。其他错误码：微信明确没有发出 */
const REFUSED = 43101;

interface OpenApi {
  openapi: { subscribeMessage: { send(o: object): Promise<{ errCode?: number }> } };
}

/** 订阅消息：wx-server-sdk 的开放接口（函数的 config.json 须声明 subscribeMessage.send 权限） */
export function wechatSubscribeSender(cloud: OpenApi, miniprogramState: string): SubscribeSender {
  return {
    async send(m) {
      try {
        await cloud.openapi.subscribeMessage.send({ touser: m.touser, templateId: m.templateId, page: m.page, data: m.data, miniprogramState });
        return { status: 'sent' };
      } catch (err) {
        const code = (err as { errCode?: number }).errCode;
        if (code === REFUSED) return { status: 'refused' };
        // 有错误码的是微信明确的拒绝（模板不对、字段超长……）：不重试；没有错误码的说不清发没发，抛出留给下一轮
        if (typeof code === 'number') return { status: 'failed', detail: `errCode ${code}` };
        throw err;
      }
    },
  };
}

const SMS_SETTINGS = ['TENCENTCLOUD_SECRET_ID', 'TENCENTCLOUD_SECRET_KEY', 'SMS_SDK_APP_ID', 'SMS_SIGN_NAME'] as const;

/**
 * 腾讯云短信（tencentcloud-sdk-nodejs-sms，只在真的发短信时加载）。密钥、应用、签名任何一项没设，短信渠道关闭（configured = false），
 * 投递记为 sms_disabled，不抛出。一次至多 200 个号码；每个号码的结果在 SendStatusSet[i].Code（'Ok' 为成功），单个失败不抛出。
 */
export function tencentSmsSender(env: NodeJS.ProcessEnv, logger: Logger): SmsSender {
  const missing = SMS_SETTINGS.filter((k) => !env[k]);
  if (missing.length) {
    return {
      configured: false,
      send: async (r) => r.recipients.map(() => ({ ok: false, detail: 'sms_disabled' })),
    };
  }
  type Client = { SendSms(req: object): Promise<{ SendStatusSet?: Array<{ PhoneNumber?: string; Code?: string; Message?: string }> }> };
  let client: Client | undefined;
  const connect = (): Client => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sdk = require('tencentcloud-sdk-nodejs-sms');
    const SmsClient = sdk.sms.v20210111.Client;
    return new SmsClient({
      credential: { secretId: env.TENCENTCLOUD_SECRET_ID, secretKey: env.TENCENTCLOUD_SECRET_KEY },
      region: env.SMS_REGION || 'ap-guangzhou',
      profile: { httpProfile: { reqTimeout: 10 } },
    });
  };
  return {
    configured: true,
    async send(r: SmsRequest) {
      client ??= connect();
      const res = await client.SendSms({
        PhoneNumberSet: r.recipients.map((x) => `+86${x.phone}`),
        SmsSdkAppId: env.SMS_SDK_APP_ID,
        SignName: env.SMS_SIGN_NAME,
        TemplateId: r.templateId,
        TemplateParamSet: r.params,
      });
      const set = res.SendStatusSet ?? [];
      return r.recipients.map((x) => {
        const status = set.find((s) => s.PhoneNumber === `+86${x.phone}`);
        if (status?.Code !== 'Ok') logger.info('sms failed', { phone: `${x.phone.slice(0, 3)}****`, code: status?.Code, message: status?.Message });
        return status?.Code === 'Ok' ? { ok: true } : { ok: false, detail: status?.Code ?? 'no status' };
      });
    },
  };
}

/** CloudBase 上的提醒端口：订阅消息走微信，短信走腾讯云；模板 id 来自环境变量 */
export function cloudReminderPorts(cloud: OpenApi, env: NodeJS.ProcessEnv, logger: Logger): ReminderPorts {
  return {
    ...templatesFromEnv(env),
    // 正式版 formal；体验版 trial、开发版 developer 时在环境变量里设
    subscribe: wechatSubscribeSender(cloud, env.REMIND_MINIPROGRAM_STATE || 'formal'),
    sms: tencentSmsSender(env, logger),
  };
}
