import { TEMPLATE_KEYS, type TemplateKey } from '@tongxin/shared-types';
import { DEFAULT_FIELD_MAPS, type FieldMap, type ReminderPayload } from '../domain/reminders';
import type { ReminderPorts } from '../core/ports';

/** 环境变量名里的模板键：meeting → MEETING，eventChange → EVENT_CHANGE */
const envName = (key: TemplateKey) => key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();

const PAYLOAD_KEYS: ReadonlyArray<keyof ReminderPayload> = ['title', 'time', 'place', 'note', 'result'];

/** REMIND_TEMPLATE_<键>_FIELDS="thing1:title,time2:time"：所选模板的字段与默认不同时覆盖 */
function parseFields(spec: string | undefined, fallback: FieldMap): FieldMap {
  if (!spec) return fallback;
  const map: FieldMap = {};
  for (const part of spec.split(',')) {
    const [field, from] = part.split(':').map((x) => x.trim());
    if (field && PAYLOAD_KEYS.includes(from as keyof ReminderPayload) && from !== 'page') map[field] = from as FieldMap[string];
  }
  return Object.keys(map).length ? map : fallback;
}

/**
 * 模板配置：订阅消息 REMIND_TEMPLATE_MEETING / _EVENT_CHANGE / _RESULT / _DEADLINE（微信后台“订阅消息”里选用的模板 id），
 * 短信 SMS_TEMPLATE_MEETING / …（腾讯云短信的模板 id）。没设时用本地的默认 id（local-meeting 等），本地发件箱照样能看。
 */
export function templatesFromEnv(env: NodeJS.ProcessEnv): Pick<ReminderPorts, 'templates' | 'smsTemplates'> {
  const templates = {} as ReminderPorts['templates'];
  const smsTemplates = {} as ReminderPorts['smsTemplates'];
  for (const key of TEMPLATE_KEYS) {
    const name = envName(key);
    templates[key] = {
      id: env[`REMIND_TEMPLATE_${name}`] || `local-${key}`,
      fields: parseFields(env[`REMIND_TEMPLATE_${name}_FIELDS`], DEFAULT_FIELD_MAPS[key]),
    };
    smsTemplates[key] = env[`SMS_TEMPLATE_${name}`] || `local-sms-${key}`;
  }
  return { templates, smsTemplates };
}
