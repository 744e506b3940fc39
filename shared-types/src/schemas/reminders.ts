import { z } from 'zod';
import { emptyInput, idSchema, pageInput, plainText } from './common';
import { phoneSchema } from './roster';

const eventId = idSchema('活动');

export const reminderSchemas = {
  /** 订阅消息的模板 id（客户端调 requestSubscribeMessage 用） */
  config: emptyInput,
  /**
   * 客户端上报 wx.requestSubscribeMessage 的结果：每个模板 id 一项。accept 加一次额度；reject 本次不订阅；
   * ban 用户在设置里关掉了这类消息（记为拒收，不再走这条渠道，直到重新 accept）。
   */
  subscribed: z.strictObject({
    results: z
      .array(
        z.strictObject({
          templateId: plainText().trim().min(1).max(64).describe('模板 id'),
          result: z.enum(['accept', 'reject', 'ban', 'filter']).describe('订阅结果'),
        }),
      )
      .min(1)
      .max(10)
      .describe('订阅结果'),
  }),
  /** 我的提醒：每类还能收几次、短信 */
  mine: emptyInput,
  /** 本人开通或关闭短信提醒（只能设置自己的手机号） */
  setSms: z
    .strictObject({
      enabled: z.boolean().describe('开通短信提醒'),
      phone: phoneSchema.optional(),
    })
    .refine((v) => !v.enabled || v.phone, { message: '开通短信提醒须填写手机号', path: ['phone'] }),
  /** 组织者：这场活动谁收到了提醒、谁没有、为什么 */
  eventReport: z.strictObject({ eventId }),
  /** 组织者：给没有送达的人再提醒一次 */
  resend: z.strictObject({ eventId }),
  /** 办公室：短信开关与每月额度 */
  settings: emptyInput,
  saveSettings: z.strictObject({
    smsEnabled: z.boolean().describe('短信开关'),
    monthlyBudget: z.number().int().min(0).max(1_000_000).nullable().describe('每月短信额度'),
  }),
  /** 办公室：为没有绑定微信的成员开通短信（用名册里的手机号） */
  setMemberSms: z.strictObject({ memberId: idSchema('成员'), enabled: z.boolean().describe('开通短信') }),
  /** 办公室：发送记录 */
  log: z.strictObject({
    ...pageInput,
    status: z.enum(['pending', 'sending', 'sent', 'unreached']).optional().describe('状态'),
  }),
};
