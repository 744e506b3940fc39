/**
 * 端口：处理器需要的外部能力，由 core 声明、adapters 实现（本地宿主与 CloudBase 各注入自己的一套）。
 * 处理器只依赖这些接口，从不直接 new Date()、读环境变量、碰文件系统或 wx-server-sdk。
 */

/** 时钟：测试可注入固定时间 */
export interface Clock {
  now(): Date;
}

/** 结构化日志（CloudBase 控制台按行收集） */
export interface Logger {
  error(message: string, fields: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
}

/** 随机数：邀请码、随机点名等都从这里取，测试可注入确定的序列 */
export interface Random {
  /** [0, max) 的均匀整数 */
  int(max: number): number;
  bytes(n: number): Buffer;
}

/** 把签到令牌画成可扫的码（data URL）：本地画普通二维码，CloudBase 上画小程序码 */
export interface CodeRenderer {
  render(token: string): Promise<string>;
}

/**
 * 客户端上传的文件：生产环境在 CloudBase 云存储（客户端 Taro.cloud.uploadFile，交给函数 fileID），
 * 本地在 .data/uploads/（宿主的 POST /api/upload 收下，交回一个 id）。函数只凭 id 取回内容，自己检查大小与类型。
 */
export interface FileStorage {
  /** 取回文件内容；找不到 → FILE.NOT_FOUND，超过 maxBytes → FILE.TOO_LARGE（本地在读之前就拒绝） */
  read(fileId: string, maxBytes: number): Promise<Buffer>;
  /** 删除（找不到的忽略） */
  remove(fileIds: readonly string[]): Promise<void>;
  /** 能列出自己文件的存储（本地目录）列出早于 before 的；云存储从函数里列不出，只清理登记过的 */
  listOlderThan?(before: Date): Promise<string[]>;
}

/**
 * 内容安全检查（提交建言、投诉建议之前）：生产环境是微信 security.msgSecCheck（第 2 版，带调用者的 openid），
 * 本地与测试是一小张词表，拒绝的路径在本地也测得到。返回 true 表示可以发布。
 */
export interface ContentCheck {
  isAcceptable(text: string, openid: string): Promise<boolean>;
}

/** 一条订阅消息（wx-server-sdk 的 openapi.subscribeMessage.send） */
export interface SubscribeMessage {
  orgId: string;
  deliveryId: string;
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}

/**
 * 结果：sent 已交给微信；refused 用户拒收或没有额度（43101）；failed 微信明确说没发（其他错误码），不重试这一条。
 * 说不清发没发（网络中断、超时）时抛出：这一行留在“发送中”，租约过后由下一轮重发。
 */
export type SubscribeResult = { status: 'sent' } | { status: 'refused' } | { status: 'failed'; detail: string };

export interface SubscribeSender {
  send(message: SubscribeMessage): Promise<SubscribeResult>;
}

/** 一次短信请求：同一模板、同一组参数，至多 200 个号码（腾讯云 SendSms 的上限） */
export interface SmsRequest {
  orgId: string;
  templateId: string;
  params: string[];
  recipients: Array<{ phone: string; deliveryId: string }>;
}

export interface SmsSender {
  /** 服务器配置了短信（密钥、应用、签名、模板）；没有时短信渠道关闭，投递记为 sms_disabled */
  readonly configured: boolean;
  /** 每个号码一个结果（与 recipients 同序）；整个请求失败时抛出 */
  send(request: SmsRequest): Promise<Array<{ ok: boolean; detail?: string }>>;
}

/** 提醒用到的外部能力与配置（模板 id 来自环境变量，本地有一套默认值） */
export interface ReminderPorts {
  subscribe: SubscribeSender;
  sms: SmsSender;
  /** 每类订阅消息模板：微信后台的模板 id 与字段（键带类型前缀 → 取消息的哪一项） */
  templates: Record<import('@tongxin/shared-types').TemplateKey, { id: string; fields: import('../domain/reminders').FieldMap }>;
  /** 每类消息的短信模板 id */
  smsTemplates: Record<import('@tongxin/shared-types').TemplateKey, string>;
}
