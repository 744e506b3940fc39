/**
 * 错误码目录：code → 默认中文提示。客户端展示 message，测试断言 code。
 * 功能错误码用命名空间（如 `CHECKIN.WINDOW_CLOSED`），随功能加入此处。
 */
export const ERROR_MESSAGES = {
  UNAUTHENTICATED: '未能识别您的身份，请重新进入小程序',
  NOT_BOUND: '您的微信尚未绑定委员信息，请输入邀请码完成绑定',
  FORBIDDEN: '您没有权限进行此操作',
  INVALID_PARAMETER: '提交的内容有误，请检查后重试',
  UNKNOWN_ACTION: '不支持的操作',
  NOT_FOUND: '要找的内容不存在或已被删除',
  CONFLICT: '数据已被修改或已存在，请刷新后重试',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  INTERNAL: '系统繁忙，请稍后再试',
  // 活动与签到：谁能办、谁能签、补录与离线补交（见 cloudfunctions/src/domain/event-policy.ts）
  'EVENT.KIND_RESERVED': '这类活动只能由政协办公室举办',
  'EVENT.BACKFILL_TOO_OLD': '只能补录最近 7 天内开始的活动',
  'EVENT.BACKDATED': '不能把活动改到已经过去的时间；补录请新建活动',
  'EVENT.NOT_IN_AUDIENCE': '您不在这场活动的参加范围内，请与会议组织者联系',
  'EVENT.PARTY_ONLY': '这是党内组织生活，只限参加范围内的中共党员签到',
  'EVENT.PROXY_SELF': '不能为自己代签，请扫码或输入数字码签到',
  'EVENT.PROXY_NOT_IN_AUDIENCE': '只能为这场活动的参加人员代签',
  'EVENT.PROXY_PARTY_ONLY': '党内组织生活只能为参加范围内的中共党员代签',
  'EVENT.FINALIZE_RESERVED': '全体会议、常委会议的定案由政协办公室进行',
  'EVENT.PENDING_CONFIRMATIONS': '还有离线补交的签到待确认，请先在签到名单里确认或退回',
  'EVENT.NOT_PENDING': '这条签到不需要确认',
  'EVENT.BACKFILL_NOT_PENDING': '这场活动不是待确认的补录',
  'EVENT.LEAVE_NOT_IN_AUDIENCE': '这场活动不在您的参加范围内，无需请假',
  'EVENT.LEAVE_WITHDRAWN': '这条请假已经撤回',
  'EVENT.LEAVE_DECIDED': '这条请假已经审批，不能撤回；如有变化请与组织者联系',
  'EVENT.SPEECH_NOT_FOUND': '这条发言要点不存在或已删除',
} as const;

export type GenericErrorCode = keyof typeof ERROR_MESSAGES;
/** 功能错误码形如 `MEMBER.INVITE_EXPIRED`。 */
export type FeatureErrorCode = `${Uppercase<string>}.${Uppercase<string>}`;
export type ErrorCode = GenericErrorCode | FeatureErrorCode;

export interface AppErrorBody {
  code: ErrorCode;
  message: string;
  /** 仅 INTERNAL：便于对照服务器日志 */
  requestId?: string;
}

/** 业务预期内的失败：由处理器抛出，在函数边界变成信封。 */
export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message?: string) {
    super(message ?? defaultMessage(code));
    this.code = code;
    this.name = 'AppError';
  }
}

export function defaultMessage(code: ErrorCode): string {
  return (ERROR_MESSAGES as Record<string, string>)[code] ?? ERROR_MESSAGES.INTERNAL;
}
