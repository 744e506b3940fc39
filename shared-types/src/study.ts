/**
 * 学习（issue 14）：材料库、必学篇目、学习心得与收藏。
 * 国办函〔2026〕12号：这里没有、也不能有阅读时长、连续天数、在线时长或按学习排名——读完由本人在文末确认，只记“读完了”。
 */

/** 材料的栏目 */
export const MATERIAL_CATEGORIES = ['必学篇目', '党纪法规', '政协理论', '党史学习', '委员读书', '政协讲堂'] as const;
export type MaterialCategory = (typeof MATERIAL_CATEGORIES)[number];

export type MaterialStatus = 'published' | 'withdrawn';

/** 附件：客户端先上传，再把 fileId 交给函数（见 README“文件上传”） */
export interface MaterialAttachment {
  fileId: string;
  name: string;
}

/** 音视频链接（只收 https） */
export interface MaterialLink {
  label: string;
  url: string;
}

/** 列表里的一条材料（不带正文） */
export interface MaterialSummary {
  id: string;
  title: string;
  category: MaterialCategory;
  source: string | null;
  status: MaterialStatus;
  publishedAt: string;
  updatedAt: string;
  /** 本人是否已读完（在文末确认过） */
  finished: boolean;
  favourite: boolean;
  /** 支部书记发布的：发布的支部（名称）；办公室发布的为空 */
  branch?: { id: string; name: string } | null;
}

/** 阅读页：正文是服务器渲染并清洗过的 HTML，交给 RichText 显示 */
export interface MaterialView extends MaterialSummary {
  bodyHtml: string;
  attachments: MaterialAttachment[];
  links: MaterialLink[];
  /** 本人对这篇的必学任务（有则显示期限） */
  assignments: Array<{ id: string; dueAt: string }>;
  myNote: { content: string; updatedAt: string } | null;
}

/** 编辑页：作者写的 Markdown 原文 */
export interface MaterialSource extends MaterialView {
  bodyMarkdown: string;
}

export const ASSIGNMENT_TARGET_KINDS = ['all', 'branch', 'committee', 'sector', 'member'] as const;
export type AssignmentTargetKind = (typeof ASSIGNMENT_TARGET_KINDS)[number];

/** 必学任务（本人视角） */
export interface MyAssignment {
  id: string;
  materialId: string;
  title: string;
  category: MaterialCategory;
  dueAt: string;
  finished: boolean;
  overdue: boolean;
}

/** 必学任务（办公室视角）与完成情况 */
export interface AssignmentView {
  id: string;
  materialId: string;
  title: string;
  dueAt: string;
  audience: Array<{ kind: AssignmentTargetKind; id: string | null; name: string }>;
  expected: number;
  finished: number;
}

/** 完成情况：按支部与按人（调用者范围内） */
export interface CompletionReport {
  assignment: AssignmentView;
  branches: Array<{ branchId: string | null; name: string; expected: number; finished: number }>;
  people: Array<{ memberId: string; name: string; branch: string | null; finished: boolean; finishedAt: string | null }>;
}

/** 我的学习心得：材料上写的与活动后写的放在一处 */
export interface MyNote {
  kind: 'material' | 'event';
  /** 材料 id 或活动 id */
  subjectId: string;
  title: string;
  content: string;
  updatedAt: string;
}

export interface FinishResult {
  finishedAt: string;
  /** 这次读完记的分（必学任务之外的材料不记分；上限满了为 0） */
  points: number | null;
}

// —— 学习测试：题目与答案分开，答案与解析只在交卷后给出 ——
export const QUESTION_KINDS = ['single', 'multiple', 'truefalse'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = { single: '单选题', multiple: '多选题', truefalse: '判断题' };

/** 办公室看到的题目（含答案与解析） */
export interface QuestionView {
  id: string;
  bank: string;
  kind: QuestionKind;
  stem: string;
  options: string[];
  answer: number[];
  explanation: string;
}

/** 表格里一道可导入的题（预览用） */
export interface QuestionDraft {
  /** 文件中的行号（表头是第 1 行） */
  line: number;
  bank: string;
  kind: QuestionKind;
  stem: string;
  options: string[];
  answer: number[];
  explanation: string;
}

/** 题目导入的预览：什么也没写；有一行有问题就整份不能导入 */
export interface QuestionImportPreview {
  total: number;
  valid: number;
  /** 有问题的行：行号、题干（name）与原因 */
  errors: Array<{ line: number; name: string; reasons: string[] }>;
  /** 各题库将加入的题数 */
  banks: Array<{ bank: string; count: number }>;
  /** 前几道可导入的题，供核对 */
  sample: QuestionDraft[];
}

export interface QuestionImportResult {
  created: number;
  banks: Array<{ bank: string; count: number }>;
}

/** 作答时发给成员的题目：没有答案，没有解析 */
export interface QuestionForAttempt {
  id: string;
  kind: QuestionKind;
  stem: string;
  options: string[];
}

export interface QuizView {
  id: string;
  title: string;
  bank: string;
  questionCount: number;
  passScore: number;
  maxAttempts: number;
  opensAt: string;
  closesAt: string;
}

/** 成员看到的测试：本人用了几次、最好成绩、是否通过 */
export interface MyQuizView extends QuizView {
  attemptsUsed: number;
  bestScore: number | null;
  passed: boolean;
  /** 有没交卷的作答（继续答，题目不变） */
  openAttemptId: string | null;
}

export interface AttemptView {
  attemptId: string;
  quizId: string;
  title: string;
  attemptNo: number;
  maxAttempts: number;
  questions: QuestionForAttempt[];
}

/** 错题本里的一题：交过卷才会有，此时答案与解析已经给过本人 */
export interface WrongQuestion extends QuestionForAttempt {
  answer: number[];
  explanation: string;
  /** 最近一次的作答 */
  lastChosen: number[];
  quizTitle: string;
}

/** 交卷后的结果：此时才有每题的答案与解析 */
export interface AttemptResult {
  attemptId: string;
  quizId: string;
  score: number;
  correct: number;
  total: number;
  passed: boolean;
  passScore: number;
  attemptsLeft: number;
  points: number | null;
  questions: Array<QuestionForAttempt & { chosen: number[]; answer: number[]; correct: boolean; explanation: string }>;
}
