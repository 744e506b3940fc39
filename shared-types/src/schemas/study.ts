import { z } from 'zod';
import { ASSIGNMENT_TARGET_KINDS, MATERIAL_CATEGORIES, QUESTION_KINDS } from '../study';
import { emptyInput, idSchema, multilineText, pageInput, plainText } from './common';

const materialId = idSchema('材料');
/** 题目表格：先上传（小程序：云存储 fileID；本地：POST /api/upload 交回的 id），函数凭 id 取回；只收 XLSX */
const questionFile = z.strictObject({
  fileName: plainText()
    .trim()
    .min(1)
    .max(120)
    .regex(/\.xlsx$/i, '只支持 Excel（.xlsx）文件')
    .describe('文件名'),
  fileId: plainText()
    .trim()
    .max(512)
    .regex(/^(local\/[0-9a-f-]{36}|cloud:\/\/\S+)$/, '不是有效的上传文件')
    .describe('上传的文件'),
});
const assignmentId = idSchema('必学任务');

/** 正文上限：约两万五千字的长文也放得下，再大的请作为附件上传 */
export const MATERIAL_BODY_MAX = 50_000;
export const MATERIAL_ATTACHMENTS_MAX = 10;

const attachment = z.strictObject({
  fileId: plainText().trim().min(1).max(300).describe('附件文件'),
  name: plainText().trim().min(1).max(80).describe('附件名称'),
});

/** 音视频链接只收 https：http 在小程序里打不开，javascript: 之类更不行 */
const link = z.strictObject({
  label: plainText().trim().min(1).max(30).describe('链接名称'),
  url: plainText()
    .trim()
    .max(500)
    .regex(/^https:\/\/[^\s/]+\.[^\s]*$/i, '链接须以 https:// 开头')
    .describe('链接地址'),
});

const materialFields = {
  title: plainText().trim().min(2).max(80).describe('标题'),
  category: z.enum(MATERIAL_CATEGORIES).describe('栏目'),
  bodyMarkdown: multilineText().trim().min(1).max(MATERIAL_BODY_MAX, `正文不能超过 ${MATERIAL_BODY_MAX} 个字，更长的请作为附件上传`).describe('正文'),
  source: plainText().trim().max(60).nullable().default(null).describe('来源'),
  attachments: z.array(attachment).max(MATERIAL_ATTACHMENTS_MAX).default([]).describe('附件'),
  links: z.array(link).max(10).default([]).describe('音视频链接'),
};

const target = z
  .strictObject({
    kind: z.enum(ASSIGNMENT_TARGET_KINDS).describe('对象类别'),
    id: idSchema('对象').nullable().default(null),
  })
  .refine((t) => (t.kind === 'all') === (t.id === null), { message: '除“全体成员”外须指定具体对象', path: ['id'] });

export const studySchemas = {
  /** 材料库：按栏目、按关键词（两个字的词也能找到） */
  list: z
    .strictObject({
      category: z.enum(MATERIAL_CATEGORIES).optional().describe('栏目'),
      q: plainText().trim().max(30).optional().describe('搜索词'),
      ...pageInput,
    })
    .optional(),
  get: z.strictObject({ materialId }),
  attachment: z.strictObject({ materialId, fileId: plainText().trim().min(1).max(300).describe('附件文件') }),
  finish: z.strictObject({ materialId }),
  favourite: z.strictObject({ materialId, on: z.boolean().describe('收藏') }),
  favourites: emptyInput,
  writeNote: z.strictObject({ materialId, content: multilineText().trim().min(10, '学习心得至少 10 个字').max(5000).describe('学习心得') }),
  myNotes: emptyInput,
  myAssignments: emptyInput,
  // —— 办公室 ——
  manageList: z.strictObject({ q: plainText().trim().max(30).optional().describe('搜索词'), ...pageInput }).optional(),
  source: z.strictObject({ materialId }),
  /** 支部书记须写明本支部（branchId）；办公室不写即以办公室名义发布 */
  publish: z.strictObject({ ...materialFields, branchId: idSchema('支部').nullable().optional() }),
  edit: z.strictObject({
    materialId,
    title: materialFields.title.optional(),
    category: materialFields.category.optional(),
    bodyMarkdown: materialFields.bodyMarkdown.optional(),
    source: plainText().trim().max(60).nullable().optional().describe('来源'),
    attachments: z.array(attachment).max(MATERIAL_ATTACHMENTS_MAX).optional().describe('附件'),
    links: z.array(link).max(10).optional().describe('音视频链接'),
  }),
  withdraw: z.strictObject({ materialId }),
  assign: z.strictObject({
    materialId,
    dueAt: z.iso.datetime({ offset: true, error: '完成期限应为带时区的时间，如 2026-12-31T23:59:00+08:00' }).describe('完成期限'),
    audience: z.array(target).min(1, '请至少选择一类对象').max(50).describe('学习对象'),
  }),
  assignments: emptyInput,
  completion: z.strictObject({ assignmentId, branchId: idSchema('支部').optional() }),
  // —— 学习测试 ——
  saveQuestion: z.strictObject({
    bank: plainText().trim().min(1).max(30).describe('题库'),
    kind: z.enum(QUESTION_KINDS).describe('题型'),
    stem: multilineText().trim().min(2).max(500).describe('题干'),
    options: z.array(plainText().trim().min(1).max(100).describe('选项')).min(2).max(6).describe('选项'),
    answer: z.array(z.number().int().min(0).max(5)).min(1).max(6).describe('正确答案'),
    explanation: multilineText().trim().max(1000).default('').describe('解析'),
  }),
  questions: z.strictObject({ bank: plainText().trim().max(30).optional().describe('题库') }).optional(),
  /** 题目导入模板（XLSX）：表头、每种题型一行示例、可填的值 */
  questionTemplate: emptyInput,
  previewQuestions: questionFile,
  importQuestions: questionFile,
  createQuiz: z
    .strictObject({
      title: plainText().trim().min(2).max(60).describe('测试名称'),
      bank: plainText().trim().min(1).max(30).describe('题库'),
      questionCount: z.number().int().min(1).max(100).describe('题数'),
      passScore: z.number().int().min(1).max(100).describe('及格分'),
      maxAttempts: z.number().int().min(1).max(10).describe('可答次数'),
      opensAt: z.iso.datetime({ offset: true, error: '开始时间应为带时区的时间' }).describe('开始时间'),
      closesAt: z.iso.datetime({ offset: true, error: '截止时间应为带时区的时间' }).describe('截止时间'),
      audience: z.array(target).min(1, '请至少选择一类对象').max(50).describe('参加对象'),
    })
    .refine((q) => Date.parse(q.closesAt) > Date.parse(q.opensAt), { message: '截止时间须晚于开始时间', path: ['closesAt'] }),
  myQuizzes: emptyInput,
  startAttempt: z.strictObject({ quizId: idSchema('测试') }),
  submitAttempt: z.strictObject({
    attemptId: idSchema('作答'),
    answers: z
      .array(z.strictObject({ questionId: idSchema('题目'), choice: z.array(z.number().int().min(0).max(5)).max(6).describe('所选') }))
      .max(100)
      .describe('作答'),
  }),
  attemptResult: z.strictObject({ attemptId: idSchema('作答') }),
  /** 错题本：交过卷的题里，最近一次答错的 */
  wrongBook: emptyInput,
  exportCompletion: z.strictObject({ assignmentId, branchId: idSchema('支部').optional() }),
};
