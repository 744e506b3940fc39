import { createFunction } from '../../core/dispatch';
import { config, mine, setSms, subscribed } from './member';
import { log, saveSettings, setMemberSms, settings } from './office';
import { eventReport, resend } from './report';

/**
 * 提醒：成员订阅与短信（config、subscribed、mine、setSms），组织者的送达报告与重发（eventReport、resend），
 * 办公室的短信开关、额度与发送记录（settings、saveSettings、setMemberSms、log）。
 * 定时器（每 5 分钟）不走这些操作：CloudBase 的定时触发事件由 main.ts 交给 tick.ts 的 runTick。
 */
export const remindersFunction = createFunction('reminders', {
  config,
  subscribed,
  mine,
  setSms,
  eventReport,
  resend,
  settings,
  saveSettings,
  setMemberSms,
  log,
});
