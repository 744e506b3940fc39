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
  'POINTS.SELF': '不能为自己评定、冲正积分或登记五个一，也不能答复与自己有关的申诉；请由其他书记或政协办公室办理',
  'POINTS.OWN_ENTRY': '这条记分是您评定的，对它的申诉须由其他书记或政协办公室答复',
  'POINTS.OFFICE_ONLY': '委员履职积分与系统自动记的分，只能由政协办公室评定或更正',
  'POINTS.YEAR_NOT_OPEN': '只能记入本年度；年初可补记尚未关账的上一年度',
  'POINTS.FUTURE_DATE': '日期不能晚于今天',
  'POINTS.ONCE_A_YEAR': '这条规则每人每年只记一次，本年度已经记过了',
  'ROSTER.INVITE_ABOVE': '不能为管理员或支部书记、党务干部签发邀请码，请由政协办公室签发',
  'ROSTER.MEMBER_ABOVE': '支部书记不能修改管理员或支部书记、党务干部（包括自己）的资料，请联系政协办公室',
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
