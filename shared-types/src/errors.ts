/**
 * 错误码目录：唯一的一处 code → 默认中文提示。客户端展示 message，测试断言 code。
 *
 * 约定：
 * - 键就是线上的错误码（`CHECKIN.WINDOW_CLOSED`），功能错误码用功能的命名空间；
 * - 同一个通用码需要更具体的提示时，写成 `通用码#变体`（如 `NOT_FOUND#EVENT`）：线上的 code 仍是 `#` 之前的部分，
 *   客户端与测试照旧按通用码处理，提示文字仍在这里；
 * - 需要带值的提示用 `{名字}` 占位，抛出处传同名参数（类型检查核对参数齐全）：
 *   `new AppError('POINTS.YEAR_CLOSED', { year: 2026 })`。
 * 拼错的码通不过 `npm run typecheck`；抛出处不写句子（cloudfunctions/src/core/errors.test.ts 核对）。
 */
import { CLIENT_ERROR_MESSAGES } from './errors-client';

export const ERROR_MESSAGES = {
  // —— 通用码（线上只有这些通用码，外加下面各功能的码）——
  UNAUTHENTICATED: '未能识别您的身份，请重新进入小程序',
  NOT_BOUND: '您的微信尚未绑定委员信息，请输入邀请码完成绑定',
  FORBIDDEN: '您没有权限进行此操作',
  INVALID_PARAMETER: '提交的内容有误，请检查后重试',
  UNKNOWN_ACTION: '不支持的操作',
  NOT_FOUND: '要找的内容不存在或已被删除',
  CONFLICT: '数据已被修改或已存在，请刷新后重试',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  /** 部署时漏设了环境变量（密钥、数据库连接）：日志里写明是哪一项 */
  'CONFIG.MISSING': '系统尚未配置完成，请联系管理员',

  // —— 通用码的具体提示（线上的 code 是 # 之前的部分）——
  /** 由 zod 校验结果写成的、点名字段的说明 */
  'INVALID_PARAMETER#FIELD': '{detail}',
  'INVALID_PARAMETER#NO_ACTION': '请求格式不正确：缺少 action',
  'INVALID_PARAMETER#NOT_JSON': '请求内容不是有效的 JSON',
  'INVALID_PARAMETER#BODY_TOO_LARGE': '请求内容过大',
  'INVALID_PARAMETER#METHOD': '不支持的请求方法',
  'INVALID_PARAMETER#USE_POST': '请使用 POST 调用云函数',
  'UNKNOWN_ACTION#NAMED': '不支持的操作：{action}',
  'UNKNOWN_ACTION#FUNCTION': '没有名为 {name} 的云函数',
  'NOT_FOUND#API': '接口不存在',
  'FORBIDDEN#OUT_OF_BRANCH': '只能管理您所在支部的事务',
  'FORBIDDEN#MEMBER_OUT_OF_BRANCH': '只能管理您所在支部的成员',

  // —— 成员与绑定（member）——
  'NOT_FOUND#SELF': '没有找到您的成员信息',
  'MEMBER.INVITE_INVALID': '邀请码不正确，请核对后重新输入',
  'MEMBER.INVITE_INVALID#RETIRED': '该成员已不在册，请联系政协办公室',
  'MEMBER.INVITE_USED': '这个邀请码已经用过或已作废，请向政协办公室索取新的邀请码',
  'MEMBER.INVITE_EXPIRED': '邀请码已过期，请向政协办公室索取新的邀请码',
  'MEMBER.NAME_MISMATCH': '姓名与邀请码不符，请输入登记的姓名',
  'CONFLICT#ALREADY_BOUND': '这个微信已经绑定过了，如需更换请联系政协办公室',
  'CONFLICT#MEMBER_TAKEN': '该成员已绑定了另一个微信，如需更换请联系政协办公室',
  'RATE_LIMITED#BIND': '尝试次数过多，请 {minutes} 分钟后再试',

  // —— 名册（roster）——
  'NOT_FOUND#MEMBER': '没有找到这位成员',
  'CONFLICT#PHONE_TAKEN': '该手机号已登记给其他成员',
  'FORBIDDEN#SECRETARY_FIELDS': '支部书记只能修改姓名和手机号，其他信息请联系政协办公室',
  'CONFLICT#RETIRE_SELF': '不能把自己设为退出',
  'CONFLICT#ALREADY_RETIRED': '{name} 已经退出',
  'CONFLICT#ADMIN_SELF': '不能撤销自己的管理员角色，请由另一位管理员操作',
  'CONFLICT#ADMIN_RETIRED': '已退出的成员不能设为管理员',
  'CONFLICT#NOT_BOUND': '{name} 尚未绑定微信',
  'CONFLICT#INVITE_RETIRED': '{name} 已退出，不能签发邀请码',
  'CONFLICT#INVITE_BOUND': '{name} 已绑定微信，无需邀请码；换手机请先由政协办公室解除绑定',
  'INVALID_PARAMETER#SECTOR_UNKNOWN': '「界别」不存在',
  'INVALID_PARAMETER#COMMITTEE_UNKNOWN': '「专委会」不存在',
  'INVALID_PARAMETER#MEMBERSHIP': '「组织关系」{reasons}',
  'ROSTER.IMPORT_UNREADABLE': '文件无法读取，请确认是 Excel（.xlsx）或 CSV 文件',
  'ROSTER.IMPORT_COLUMNS': '表头缺少：{missing}（应有：{expected}）',
  'ROSTER.IMPORT_EMPTY': '文件里没有数据行',
  'ROSTER.IMPORT_TOO_LARGE': '一次最多导入 {max} 行，请拆分文件',
  'ROSTER.IMPORT_UNZIPPED_TOO_BIG': '表格解压后超过 {maxMb} MB，远大于一份名单；请只保留名单所在的工作表后另存再导入',
  'ROSTER.IMPORT_SHEET_TOO_BIG': '表格的范围太大（声明了 {rows} 行、{columns} 列）：一次最多 {maxRows} 行、{maxColumns} 列，请删去多余的行列后另存再导入',

  // —— 文件（客户端先上传到云存储或本地 .data/uploads，函数再取回自己检查）——
  'FILE.NOT_FOUND': '找不到上传的文件，可能已过期，请重新选择文件',
  'FILE.TOO_LARGE': '文件不能超过 {maxMb} MB',
  'FILE.EMPTY': '文件是空的',
  'FILE.TYPE_NOT_ALLOWED': '只支持 {allowed} 文件；这个文件的内容不是这些格式（可能是改了扩展名的其他文件）',

  // —— 党组织（org）——
  'NOT_FOUND#ORG': '组织不存在',
  'NOT_FOUND#PARENT_ORG': '上级组织不存在',
  'NOT_FOUND#BRANCH': '支部不存在',
  'NOT_FOUND#GROUP': '{label}不存在',
  'CONFLICT#PARENT_CLOSED': '上级组织已撤销',
  'CONFLICT#ORG_NAME_TAKEN': '已有名为“{name}”的组织',
  'CONFLICT#ORG_CLOSED': '{name}已经撤销',
  'CONFLICT#MERGE_CLOSED': '已撤销的支部不能合并',
  'CONFLICT#GROUP_NAME_TAKEN': '已有同名的{label}',
  'INVALID_PARAMETER#BRANCH_KIND_REQUIRED': '「支部类别」党支部须选择类别',
  'INVALID_PARAMETER#BRANCH_KIND_ONLY_BRANCH': '「支部类别」只有党支部才有类别',
  'INVALID_PARAMETER#LEVEL_ORDER': '「层级」{level}不能设在{parentLevel}之下',
  'INVALID_PARAMETER#PARENT_ORDER': '「上级组织」{level}不能设在{parentLevel}之下',
  'INVALID_PARAMETER#PARENT_CYCLE': '「上级组织」不能是它自己或它的下级',
  'INVALID_PARAMETER#MERGE_SAME': '「合并到的支部」不能是同一个支部',
  'INVALID_PARAMETER#MERGE_TARGET_KIND': '「合并到的支部」{name}不是功能型、临时或界别党支部',
  'ORG.NOT_TEMPORARY': '只有临时党支部可以撤销',
  'ORG.NOT_TEMPORARY#MERGE': '只有临时党支部可以被合并',
  'ORG.TEMP_NOT_PARTY': '{names} 不是中共党员，不能加入临时党支部',
  'ORG.TEMP_RETIRED': '{names} 已退出，不能加入临时党支部',
  'ORG.TEMP_TOO_MANY': '临时党支部一次最多加入 {max} 人（这次是 {count} 人）',
  'NOT_FOUND#TEMP_MEMBERS': '有 {count} 位成员不存在，请刷新后重新选择',

  // —— 会议活动（event）：组织、请假、随机点名、定案、学习心得 ——
  'NOT_FOUND#EVENT': '活动不存在',
  'NOT_FOUND#LEAVE': '请假申请不存在',
  'NOT_FOUND#ROLLCALL': '此人未被点名',
  'CONFLICT#EVENT_CANCELLED': '活动已取消',
  'CONFLICT#EVENT_CANCELLED_NO_EDIT': '活动已取消，不能修改',
  'CONFLICT#EVENT_ALREADY_CANCELLED': '活动已经取消',
  'CONFLICT#EVENT_FINALIZED': '这场活动已经定案',
  'CONFLICT#LEAVE_ATTENDED': '您已经签到了，无需请假',
  'CONFLICT#LEAVE_REQUESTED': '您已经请过假了，请等待审批',
  'CONFLICT#LEAVE_DECIDED': '这条请假已经处理过了',
  'INVALID_PARAMETER#ENDS_BEFORE_STARTS': '「结束时间」须晚于开始时间',
  'INVALID_PARAMETER#CHECKIN_CLOSES_BEFORE_OPENS': '「签到截止时间」须晚于签到开始时间',
  'INVALID_PARAMETER#AUDIENCE_UNKNOWN': '「参加对象」不存在',
  'INVALID_PARAMETER#OWNER_BRANCH_UNKNOWN': '「主办支部」不存在或已撤销',
  'FORBIDDEN#EVENT_OWN_BRANCH': '支部书记只能以本支部名义组织活动',
  'FORBIDDEN#EVENT_OWN_AUDIENCE': '支部书记只能面向本支部组织活动',
  'FORBIDDEN#STUDY_OWN_AUDIENCE': '支部书记只能给本支部或本支部的成员布置必学篇目',
  'FORBIDDEN#EVENT_OWNER_FIXED': '支部书记不能更改主办支部',
  'EVENT.FINALIZE_TOO_EARLY': '活动结束后才能定案',
  'EVENT.LEAVE_EVENT_CANCELLED': '活动已取消，无需请假',
  'EVENT.LEAVE_EVENT_OVER': '活动已经结束，不能再请假',
  'EVENT.LEAVE_FINALIZED': '这场活动的名单已经定案，不能再审批请假',
  'EVENT.ROLLCALL_CANCELLED': '活动已取消，不能点名',
  'EVENT.ROLLCALL_EXHAUSTED': '已签到的人都点过了',
  'EVENT.NOTE_NOT_STARTED': '活动开始后才能写学习心得',
  'EVENT.NOTE_NOT_ATTENDED': '签到参加后才能写这场活动的学习心得',

  // —— 学习（study）：材料、必学任务、学习心得 ——
  'NOT_FOUND#MATERIAL': '没有找到这篇材料，可能已被撤回',
  'NOT_FOUND#ASSIGNMENT': '没有找到这项必学任务',
  'NOT_FOUND#ATTACHMENT': '这篇材料没有这个附件',
  'STUDY.WITHDRAWN': '这篇材料已撤回，不能再修改或布置',
  'STUDY.DUE_PASSED': '完成期限须晚于现在',
  'STUDY.AUDIENCE_UNKNOWN': '学习对象里有不存在的支部、专委会、界别或成员',
  'NOT_FOUND#QUIZ': '没有找到这个学习测试',
  'NOT_FOUND#ATTEMPT': '没有找到这次作答',
  'STUDY.QUESTION_INVALID': '题目的正确答案与题型不符：单选、判断题选一个答案，多选题至少两个，判断题的选项为“对、错”',
  'STUDY.QUESTION_DUPLICATE': '题库“{bank}”里已有题干相同的题，没有再加一道',
  'STUDY.IMPORT_HAS_ERRORS': '表格里有 {count} 行有问题，这次没有导入任何题目；请按检查结果改好后重新选择文件',
  'STUDY.IMPORT_UNREADABLE': '文件无法读取，请确认是 Excel（.xlsx）文件',
  'STUDY.IMPORT_COLUMNS': '表头缺少：{missing}（应有：{expected}）',
  'STUDY.IMPORT_EMPTY': '表格里没有题目',
  'STUDY.IMPORT_TOO_LARGE': '一次最多导入 {max} 道题（{maxColumns} 列以内），请拆分文件或删去多余的行列后再导入',
  'STUDY.BANK_TOO_SMALL': '题库“{bank}”只有 {count} 道题，不够抽 {need} 道',
  'STUDY.QUIZ_NOT_OPEN': '这个测试现在不在开放时间内',
  'STUDY.QUIZ_NOT_IN_AUDIENCE': '这个测试不在您的参加范围内',
  'STUDY.ATTEMPTS_USED': '这个测试可以答 {max} 次，您已经答完了',
  'STUDY.ATTEMPT_SUBMITTED': '这次作答已经交卷，不能再交',
  'STUDY.ATTEMPT_NOT_SUBMITTED': '交卷后才能看答案与解析',
  'STUDY.ATTACHMENT_TYPE': '附件只支持 PDF、Word、Excel、PowerPoint 文件；“{name}”不是这些格式',

  // —— 签到（event 函数的签到操作）——
  'CHECKIN.TOKEN_INVALID': '这不是本活动的签到码',
  'CHECKIN.TOKEN_INVALID#SCAN_TIME': '扫码时间不正确',
  'CHECKIN.TOKEN_WRONG_EVENT': '这是另一场活动的签到码',
  'CHECKIN.TOKEN_EXPIRED': '签到码已过期，请扫描屏幕上最新的码',
  'CHECKIN.OFFLINE_TOO_LATE': '这次扫码离现在太久，未能补签，请重新扫码或联系组织者',
  'CHECKIN.EVENT_CANCELLED': '活动已取消',
  'CHECKIN.FINALIZED': '这场活动的名单已经定案，不能再签到',
  'CHECKIN.FINALIZED#PROXY': '这场活动的名单已经定案，不能再代签',
  'CHECKIN.WINDOW_NOT_OPEN': '还没到签到时间',
  'CHECKIN.WINDOW_CLOSED': '签到已经截止，请联系会议组织者',
  'CHECKIN.LOCATION_REQUIRED': '这场活动需要确认您在会场附近，请允许获取位置后再签到',
  'CHECKIN.TOO_FAR': '您离会场较远，请到会场后再签到',
  'CHECKIN.CODE_INVALID': '数字码不正确或已过期，请看屏幕上最新的数字',
  'CONFLICT#EVENT_CHANGED': '活动信息刚刚有变动，请再扫一次',
  'RATE_LIMITED#CHECKIN_CODE': '数字码输错次数过多，请 10 分钟后再试，或请组织者代签',

  // —— 积分（points）——
  'NOT_FOUND#POINTS_ENTRY': '积分记录不存在',
  'NOT_FOUND#APPEAL': '申诉不存在',
  'POINTS.YEAR_CLOSED': '{year} 年度积分已关账，不能再记分',
  'POINTS.YEAR_CLOSED#APPEAL': '{year} 年度积分已关账，请联系政协办公室',
  'POINTS.YEAR_NOT_OVER': '{year} 年度尚未结束，不能关账',
  'CONFLICT#YEAR_ALREADY_CLOSED': '{year} 年度已经关账',
  'INVALID_PARAMETER#YEAR_RANGE': '「年度」只能是 {current} 年或 {previous} 年',
  'POINTS.RULE_NOT_FOUND': '积分规则 {ruleCode} 不存在',
  'POINTS.RULE_NOT_FOUND#INACTIVE': '积分规则不存在或已停用',
  'POINTS.RULE_TRACK_FIXED': '已有规则的积分类别与分类不能修改（会打乱已记分的归类）；请停用它并新建一条规则',
  /** 原因由 domain/points.ts 的规则检查写出 */
  'POINTS.ADJUSTMENT_INVALID': '{reason}',
  'POINTS.NOT_APPLICABLE': '{reason}',
  'FORBIDDEN#ADJUST_SELF': '不能给自己评定积分，请由其他书记或政协办公室评定',
  'FORBIDDEN#DUTY_ADMIN_ONLY': '委员履职积分的评定由政协办公室进行',
  'FORBIDDEN#REVERSE_SCOPE': '支部书记只能冲正支部评定的党员积分，其他记录请联系政协办公室',
  'FORBIDDEN#APPEAL_SELF': '不能答复自己的申诉，请由其他书记或政协办公室答复',
  'POINTS.NOT_REVERSIBLE': '冲正记录本身不能再冲正',
  'POINTS.ALREADY_REVERSED': '这条记录已经冲正过了',
  'POINTS.NOT_APPEALABLE': '只有支部评定的品行、考评等手工记分可以申诉；自动记分有误请联系支部书记核对签到记录',
  'CONFLICT#APPEAL_REVERSED': '这条记录已经冲正，无需申诉',
  'CONFLICT#APPEAL_PENDING': '这条记录已有一个待处理的申诉',
  'CONFLICT#APPEAL_ONCE': '每条记录只能申诉一次；如仍有异议，请联系政协办公室复核',
  'CONFLICT#APPEAL_ANSWERED': '这个申诉已经答复过了',
  'POINTS.NOT_PUBLIC': '政协办公室未开放他人积分的查看',

  // —— INTERNAL 与只在客户端产生的（请求没到服务器，或在发出前就被拦下）：在 errors-client.ts，小程序只引那一块 ——
  ...CLIENT_ERROR_MESSAGES,

  // —— 记分有根据（议题 9）：谁能办、谁能签、补录与离线补交；谁能让谁得分、失分；邀请码 ——
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
  'POINTS.SELF': '不能为自己评定、冲正积分或登记五个一，也不能答复与自己有关的申诉；请由其他书记或政协办公室办理',
  'POINTS.OWN_ENTRY': '这条记分是您评定的，对它的申诉须由其他书记或政协办公室答复',
  'POINTS.OFFICE_ONLY': '委员履职积分与系统自动记的分，只能由政协办公室评定或更正',
  'POINTS.YEAR_NOT_OPEN': '只能记入本年度；年初可补记尚未关账的上一年度',
  'POINTS.FUTURE_DATE': '日期不能晚于今天',
  'POINTS.ONCE_A_YEAR': '这条规则每人每年只记一次，本年度已经记过了',
  'ROSTER.INVITE_ABOVE': '不能为管理员或支部书记、党务干部签发邀请码，请由政协办公室签发',
  'ROSTER.BATCH_TOO_MANY': '符合条件的成员有 {count} 位，一次最多签发 {max} 张邀请码，请按支部或界别分批签发',
  'ROSTER.MEMBER_ABOVE': '支部书记不能修改管理员或支部书记、党务干部（包括自己）的资料，请联系政协办公室',
  'EVENT.LEAVE_WITHDRAWN': '这条请假已经撤回',
  'EVENT.LEAVE_DECIDED': '这条请假已经审批，不能撤回；如有变化请与组织者联系',
  'INVALID_PARAMETER#SPEAKER_UNKNOWN': '「发言人」不存在',
  'EVENT.SPEECH_NOT_FOUND': '这条发言要点不存在或已删除',

  // —— 建言（suggestions）：提案、社情民意、意见建议；承办单位；投诉建议 ——
  'NOT_FOUND#SUGGESTION': '这件建言不存在',
  'NOT_FOUND#UNIT': '承办单位不存在',
  'NOT_FOUND#UNIT_STAFF': '没有找到这位承办单位工作人员',
  'NOT_FOUND#COSIGN': '没有这份联名邀请',
  'NOT_FOUND#SUGGESTION_FILE': '这件建言没有这个文件',
  'NOT_FOUND#FEEDBACK': '这条投诉建议不存在',
  'SUGGEST.NOT_DRAFT': '只有草稿可以修改；已提交、尚未审查的可以先撤回',
  'SUGGEST.WRONG_STATUS': '这件{kind}现在是“{status}”，不能{step}',
  'SUGGEST.WRONG_KIND': '{kind}不能{step}',
  'SUGGEST.ALREADY_MARKED': '这件提案已经{step}了',
  'SUGGEST.INCOMPLETE': '提交前请填写「{field}」',
  'SUGGEST.CONTENT_REJECTED': '「{field}」含有不宜发布的内容，请修改后再提交',
  'SUGGEST.COSIGN_KIND': '只有提案可以邀请联名',
  'SUGGEST.COSIGN_SELF': '不能邀请自己联名',
  'SUGGEST.COSIGN_UNKNOWN': '联名人须是名册里在册的委员',
  'SUGGEST.COSIGN_TOO_MANY': '联名人最多 {max} 位',
  'SUGGEST.COSIGN_ANSWERED': '这份联名邀请已经答复过了',
  'SUGGEST.COSIGN_CLOSED': '这件提案已经审查或撤回，联名邀请不能再答复',
  'SUGGEST.PHOTO_INVALID': '照片只能是 JPEG、PNG 或 WebP 图片，每张不超过 5 MB',
  'SUGGEST.LETTER_INVALID': '答复函只能是 PDF 或图片文件，不超过 10 MB',
  'SUGGEST.DUE_TOO_LATE': '答复期限最长为交办后 {months} 个月',
  'SUGGEST.DUE_PAST': '答复期限须晚于今天',
  'SUGGEST.LEAD_IN_CO': '主办单位不能同时是协办单位',
  'SUGGEST.NOT_LEAD_UNIT': '只有主办单位可以答复；协办单位的意见请交主办单位汇总',
  'SUGGEST.MEET_FUTURE': '见面日期不能晚于今天',
  'CONFLICT#UNIT_NAME_TAKEN': '已有名为“{name}”的承办单位',
  'CONFLICT#UNIT_STAFF_BOUND': '{name} 已绑定微信，无需邀请码',
  'FEEDBACK.ANSWERED': '这条投诉建议已经答复过了',
  // —— 提醒（reminders）——
  'REMIND.UNKNOWN_TEMPLATE': '不认识的订阅消息模板，请更新小程序后重试',
  'REMIND.SMS_UNAVAILABLE': '本单位尚未开通短信提醒，请联系政协办公室',
  'REMIND.MEMBER_BOUND': '{name} 已绑定微信，短信提醒请由本人在“我的 → 提醒”里开通',
  'REMIND.NO_PHONE': '{name} 在名册里没有手机号，请先补上',
  'REMIND.EVENT_OVER': '活动已经开始或结束，不再提醒',
} as const;

/** 目录里的键：抛出处用它（含 `#变体`） */
export type ErrorKey = keyof typeof ERROR_MESSAGES;
/** 线上的错误码：键去掉 `#变体` */
export type ErrorCode = ErrorKey extends infer K ? (K extends `${infer C}#${string}` ? C : K) : never;

type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
/** 某个键的提示需要的参数（由提示里的 `{名字}` 推出） */
export type ErrorParams<K extends ErrorKey> = { [P in Placeholders<(typeof ERROR_MESSAGES)[K]>]: string | number };
/**
 * 抛出处的第二个参数：提示带占位符时必须给参数；不带时可省略。
 * 也接受一句现成的话，只为两种情况：由输入算出的说明（见 INVALID_PARAMETER#FIELD 之外的合并过渡），以及合并别的分支时的过渡；
 * 写死在抛出处的中文句子会被 core/errors.test.ts 指出来，请改成目录里的键。
 */
export type ErrorArgs<K extends ErrorKey> = [Placeholders<(typeof ERROR_MESSAGES)[K]>] extends [never] ? [message?: string] : [params: ErrorParams<K>];

export interface AppErrorBody {
  code: ErrorCode;
  message: string;
  /** 仅 INTERNAL：便于对照服务器日志 */
  requestId?: string;
}

/** 线上的码：`NOT_FOUND#EVENT` → `NOT_FOUND` */
export function wireCode(key: ErrorKey): ErrorCode {
  const hash = key.indexOf('#');
  return (hash < 0 ? key : key.slice(0, hash)) as ErrorCode;
}

/** 按目录写出提示，把 `{名字}` 换成参数 */
export function formatMessage<K extends ErrorKey>(key: K, ...args: ErrorArgs<K>): string {
  const arg = args[0] as string | Record<string, string | number> | undefined;
  if (typeof arg === 'string') return arg;
  const template: string = ERROR_MESSAGES[key] ?? ERROR_MESSAGES.INTERNAL;
  if (!arg) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(arg, name) ? String(arg[name]) : whole));
}

/** 业务预期内的失败：由处理器抛出，在函数边界变成信封。 */
export class AppError<K extends ErrorKey = ErrorKey> extends Error {
  /** 线上的错误码 */
  readonly code: ErrorCode;
  /** 目录里的键（含变体） */
  readonly key: K;
  constructor(key: K, ...args: ErrorArgs<K>) {
    super(formatMessage(key, ...args));
    this.key = key;
    this.code = wireCode(key);
    this.name = 'AppError';
  }
}

export function defaultMessage(code: ErrorCode | ErrorKey): string {
  return (ERROR_MESSAGES as Record<string, string>)[code] ?? ERROR_MESSAGES.INTERNAL;
}

export function isErrorKey(value: string): value is ErrorKey {
  return Object.hasOwn(ERROR_MESSAGES, value);
}
