import type { Deps } from '../../core/action';
import type { ReminderPorts } from '../../core/ports';
import type { DB } from '../../db/connect';
import { localReminderPorts } from '../../adapters/senders-local';

const local = new WeakMap<DB, ReminderPorts>();

/** 提醒端口：注入的（CloudBase、测试），否则本地发件箱（每个数据库一套） */
export function reminderPorts(deps: Deps): ReminderPorts {
  if (deps.reminders) return deps.reminders;
  let ports = local.get(deps.db);
  if (!ports) local.set(deps.db, (ports = localReminderPorts(deps.db)));
  return ports;
}

export const SMS_SETTING_KEY = 'reminders.sms';

export interface SmsSetting {
  enabled: boolean;
  monthlyBudget: number | null;
}

export async function loadSmsSetting(db: Pick<DB, 'selectFrom'>, orgId: string): Promise<SmsSetting> {
  const row = await db.selectFrom('org_setting').select('value').where('org_id', '=', orgId).where('key', '=', SMS_SETTING_KEY).executeTakeFirst();
  const v = (row?.value ?? {}) as Partial<SmsSetting>;
  return { enabled: v.enabled === true, monthlyBudget: typeof v.monthlyBudget === 'number' ? v.monthlyBudget : null };
}
