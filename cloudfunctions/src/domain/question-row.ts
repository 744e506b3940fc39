import { type QuestionDraft, type QuestionKind, contract } from '@tongxin/shared-types';
import { TRUE_FALSE_OPTIONS, questionProblem } from './quiz';

/** 题目导入表格的列（表头去掉空白后比对） */
export const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const OPTION_COLUMNS = OPTION_LETTERS.map((l) => `选项${l}`);
export const QUESTION_COLUMNS = ['题库', '题型', '题干', ...OPTION_COLUMNS, '答案', '解析'];
export const REQUIRED_QUESTION_COLUMNS = ['题库', '题型', '题干', '答案'] as const;
/** 模板里示例题的题干以此开头：忘了删会被指出，不会被导入 */
export const SAMPLE_STEM_PREFIX = '（示例）';

export const KIND_BY_LABEL: Readonly<Record<string, QuestionKind>> = {
  单选: 'single',
  单选题: 'single',
  多选: 'multiple',
  多选题: 'multiple',
  判断: 'truefalse',
  判断题: 'truefalse',
};
const TRUE_WORDS = ['对', '正确', '√', '是'];
const FALSE_WORDS = ['错', '错误', '×', '否'];

/** 同一题库里的同一道题：去掉空白后比对 */
export const stemKey = (bank: string, stem: string) => `${bank}\u0000${stem.replace(/\s+/g, '')}`;

export type QuestionRowResult = { ok: true; question: QuestionDraft } | { ok: false; stem: string; reasons: string[] };

/**
 * 检查一行：逐项列出所有问题（中文），没有问题时给出可写入的题目。
 * existing：题库里已有的题（stemKey）；seen：文件里前面各行的题（stemKey → 行号），本行有效时记入。
 */
export function checkQuestionRow(line: number, cell: (column: string) => string, existing: ReadonlySet<string>, seen: Map<string, number>): QuestionRowResult {
  const reasons: string[] = [];
  const bank = cell('题库');
  const kindText = cell('题型');
  const stem = cell('题干');
  const answerText = cell('答案').replace(/\s+/g, '');
  const explanation = cell('解析');

  if (!bank) reasons.push('缺少题库');
  else if (bank.length > 30) reasons.push('题库名称超过 30 字');

  const kind = KIND_BY_LABEL[kindText];
  if (!kindText) reasons.push('缺少题型');
  else if (!kind) reasons.push(`题型“${kindText}”无法识别，应为单选、多选或判断`);

  if (!stem) reasons.push('缺少题干');
  else if (stem.startsWith(SAMPLE_STEM_PREFIX)) reasons.push('这是模板里的示例题，请删除');
  else if (stem.length < 2) reasons.push('题干太短');
  else if (stem.length > 500) reasons.push('题干超过 500 字');

  if (explanation.length > 1000) reasons.push('解析超过 1000 字');

  // 选项：从 A 起连续填写；判断题不填选项（固定为“对、错”）
  const filled = OPTION_COLUMNS.map((c) => cell(c));
  const last = filled.reduce((n, v, i) => (v ? i + 1 : n), 0);
  let options: string[] = [];
  if (kind === 'truefalse') {
    options = [...TRUE_FALSE_OPTIONS];
  } else if (kind) {
    options = filled.slice(0, last);
    const gap = options.findIndex((o) => !o);
    if (gap >= 0) reasons.push(`${OPTION_COLUMNS[gap]}空着：选项要从 A 起连续填写`);
    else if (options.length < 2) reasons.push('至少要有两个选项（选项A、选项B）');
    options.forEach((o, i) => {
      if (o.length > 100) reasons.push(`${OPTION_COLUMNS[i]}超过 100 字`);
    });
  }

  // 答案：选择题填字母（如 A、AC），判断题填对或错
  let answer: number[] = [];
  if (!answerText) reasons.push('缺少答案');
  else if (kind === 'truefalse') {
    if (TRUE_WORDS.includes(answerText)) answer = [0];
    else if (FALSE_WORDS.includes(answerText)) answer = [1];
    else reasons.push(`判断题的答案应为“对”或“错”，不是“${answerText}”`);
  } else if (kind) {
    const letters = answerText.toUpperCase().replace(/[,，、;；]/g, '');
    if (!/^[A-F]+$/.test(letters)) reasons.push(`答案“${answerText}”应为选项字母，如 A 或 AC`);
    else {
      answer = [...letters].map((l) => l.charCodeAt(0) - 65);
      const missing = [...new Set([...letters].filter((_, i) => answer[i] >= options.length || !options[answer[i]]))];
      if (missing.length) reasons.push(`答案里的 ${missing.join('、')} 没有对应的选项`);
    }
  }

  if (reasons.length === 0 && kind) {
    const problem = questionProblem({ kind, options, answer });
    if (problem) reasons.push(problemText(problem, kind));
  }
  if (reasons.length === 0 && kind) {
    // 与手工出题同一套校验（长度、不可见的控制字符）
    const parsed = contract.study.saveQuestion.safeParse({ bank, kind, stem, options, answer, explanation });
    if (!parsed.success) reasons.push('含有不允许的字符（如不可见的控制字符）');
  }
  if (reasons.length === 0 && kind) {
    const key = stemKey(bank, stem);
    const earlier = seen.get(key);
    if (earlier) reasons.push(`题干与第 ${earlier} 行重复`);
    else if (existing.has(key)) reasons.push(`题库“${bank}”里已有这道题`);
    else seen.set(key, line);
  }
  if (reasons.length || !kind) return { ok: false, stem: stem.slice(0, 40), reasons };
  return { ok: true, question: { line, bank, kind, stem, options, answer, explanation } };
}

function problemText(problem: string, kind: QuestionKind): string {
  if (problem === 'answer-duplicate') return '答案里有重复的字母';
  if (problem === 'options-duplicate') return '选项有重复';
  if (problem === 'answer-count') return kind === 'multiple' ? '多选题至少要有两个答案' : '单选题只能有一个答案';
  return '答案与题型不符';
}
