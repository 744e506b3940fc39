import { z } from 'zod';
import { AUDIENCE_KINDS, EVENT_KINDS } from '../events';
import { idSchema, multilineText, pageInput, plainText } from './common';

const eventId = idSchema('活动');
const datetime = (label: string) => z.iso.datetime({ offset: true, error: `${label}应为带时区的时间，如 2026-12-01T09:00:00+08:00` }).describe(label);

const audienceTarget = z
  .strictObject({
    kind: z.enum(AUDIENCE_KINDS).describe('参加对象类别'),
    id: idSchema('参加对象').nullable().default(null),
  })
  .refine((t) => (t.kind === 'all') === (t.id === null), { message: '除“全体成员”外须指定具体对象', path: ['id'] });

const eventFields = {
  kind: z.enum(EVENT_KINDS).describe('活动类型'),
  title: plainText().trim().min(2).max(60).describe('标题'),
  place: plainText().trim().min(1).max(60).describe('地点'),
  startsAt: datetime('开始时间'),
  endsAt: datetime('结束时间'),
  /** 签到开始：缺省为开始前 30 分钟 */
  checkinOpensAt: datetime('签到开始时间').optional(),
  /** 签到截止：缺省为结束时间 */
  checkinClosesAt: datetime('签到截止时间').optional(),
  /** 迟到界限：开始后多少分钟算迟到 */
  lateAfterMinutes: z.number().int().min(0).max(240).default(10).describe('迟到界限（分钟）'),
  rotateSeconds: z.number().int().min(10).max(300).default(15).describe('换码间隔（秒）'),
  ownerBranchId: idSchema('主办支部').nullable().default(null),
  audience: z.array(audienceTarget).min(1, '请至少选择一类参加对象').max(50).describe('参加对象'),
  geo: z
    .strictObject({
      lat: z.number().min(-90).max(90).describe('纬度'),
      lng: z.number().min(-180).max(180).describe('经度'),
      radiusM: z.number().int().min(50).max(5000).describe('半径（米）'),
    })
    .nullable()
    .default(null)
    .describe('位置校验'),
  agenda: multilineText().trim().max(2000).describe('议程').nullable().default(null).describe('议程'),
  hostName: plainText().trim().max(30).describe('主持人').nullable().default(null).describe('主持人'),
  recorderName: plainText().trim().max(30).describe('记录人').nullable().default(null).describe('记录人'),
};

const location = z.strictObject({ lat: z.number().min(-90).max(90).describe('纬度'), lng: z.number().min(-180).max(180).describe('经度') });

/** 修改时没传的字段保持原样：去掉新建时的缺省值（否则只改标题也会把主办支部、位置校验、迟到界限悄悄改回缺省） */
function withoutDefault(v: z.ZodType): z.ZodType {
  if (!(v instanceof z.ZodDefault)) return v;
  const inner = v.unwrap() as z.ZodType;
  return v.description && !inner.description ? inner.describe(v.description) : inner;
}

export const eventSchemas = {
  create: z.strictObject(eventFields).refine((e) => Date.parse(e.endsAt) > Date.parse(e.startsAt), { message: '结束时间须晚于开始时间', path: ['endsAt'] }),
  update: z.strictObject({
    eventId,
    ...Object.fromEntries(Object.entries(eventFields).map(([k, v]) => [k, withoutDefault(v as z.ZodType).optional()])),
  } as { eventId: typeof eventId } & { [K in keyof typeof eventFields]: z.ZodOptional<(typeof eventFields)[K]> }),
  cancel: z.strictObject({ eventId, reason: multilineText().trim().min(2).max(200).describe('取消原因') }),
  get: z.strictObject({ eventId }),
  /** 管理端的活动列表 */
  list: z.strictObject({ from: datetime('起始时间').optional(), includeCancelled: z.boolean().default(false).describe('含已取消'), ...pageInput }),
  /** 成员：我应参加的近期活动 */
  upcoming: z.strictObject({ includePast: z.boolean().default(false).describe('含已结束') }).optional(),
  /** 签到大屏：当前令牌、二维码、六位码与实时人数 */
  screen: z.strictObject({ eventId, knownToken: plainText().max(64).optional().describe('大屏上已有的令牌') }),
  /** 扫码签到；离线时记下扫码时间，联网后补交 */
  checkin: z.strictObject({
    token: plainText().trim().min(1).max(64).describe('签到码'),
    eventId: eventId.optional(),
    scannedAt: datetime('扫码时间').optional(),
    location: location.optional().describe('位置'),
  }),
  /** 扫码困难时输入六位数字码 */
  checkinByCode: z.strictObject({
    eventId,
    code: plainText()
      .trim()
      .regex(/^\d{6}$/, '请输入 6 位数字')
      .describe('数字签到码'),
    location: location.optional().describe('位置'),
  }),
  /** 代签：为没有手机的人签到，须写明原因 */
  proxyCheckin: z.strictObject({ eventId, memberId: idSchema('成员'), reason: multilineText().trim().min(2).max(100).describe('代签原因') }),
  requestLeave: z.strictObject({ eventId, reason: multilineText().trim().min(2).max(200).describe('请假原因') }),
  decideLeave: z.strictObject({
    leaveId: idSchema('请假'),
    approve: z.boolean().describe('是否批准'),
    answer: multilineText().trim().max(200).default('').describe('答复'),
  }),
  attendance: z.strictObject({ eventId }),
  exportAttendance: z.strictObject({ eventId }),
  /** 双重组织生活：本支部党员在功能型支部参加组织生活的记录，供所在支部使用 */
  exportDualLife: z.strictObject({
    branchId: idSchema('支部'),
    from: z.iso.date('日期格式应为 YYYY-MM-DD').describe('起始日期'),
    to: z.iso.date('日期格式应为 YYYY-MM-DD').describe('截止日期'),
  }),
  rollCall: z.strictObject({ eventId }),
  rollCallNote: z.strictObject({ eventId, memberId: idSchema('成员'), note: multilineText().trim().min(1).max(500).describe('发言要点') }),
  finalize: z.strictObject({ eventId }),
  /** 组织者确认（或退回）一条离线补交的签到 */
  confirmOffline: z.strictObject({ eventId, memberId: idSchema('成员'), accept: z.boolean().describe('是否确认') }),
  /** 办公室确认书记补录的活动：按名单补记积分 */
  confirmBackfill: z.strictObject({ eventId }),
  writeNote: z.strictObject({ eventId, content: multilineText().trim().min(10, '学习心得至少 10 个字').max(5000).describe('学习心得') }),
  notes: z.strictObject({ eventId }),
  notifications: z.strictObject({ unreadOnly: z.boolean().default(false).describe('只看未读') }).optional(),
  markRead: z.strictObject({ ids: z.array(idSchema('通知')).min(1).max(100).describe('通知') }),
  /** 审批前撤回自己的请假 */
  withdrawLeave: z.strictObject({ leaveId: idSchema('请假') }),
  /** 会议记录：抬头、发言要点、随机点名 */
  record: z.strictObject({ eventId }),
  saveRecord: z.strictObject({
    eventId,
    agenda: multilineText().trim().max(2000).nullable().optional().describe('议程'),
    hostName: plainText().trim().max(30).nullable().optional().describe('主持人'),
    recorderName: plainText().trim().max(30).nullable().optional().describe('记录人'),
  }),
  /** 新增（不带 speechId）或修改一条发言要点；发言人是成员时给 memberId，来宾只写姓名 */
  saveSpeech: z.strictObject({
    eventId,
    speechId: idSchema('发言要点').optional(),
    memberId: idSchema('发言人').nullable().default(null),
    speakerName: plainText().trim().min(1).max(30).describe('发言人'),
    content: multilineText().trim().min(1).max(2000).describe('发言要点'),
  }),
  deleteSpeech: z.strictObject({ eventId, speechId: idSchema('发言要点') }),
};
