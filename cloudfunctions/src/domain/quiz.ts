/**
 * 学习测试的纯规则：题目是否自洽、抽题、评分。评分只在服务器上做；答案与解析在交卷之前从不发给客户端。
 * 国办函〔2026〕12号：不计答题用时，只看答对几题。
 */

export type QuestionKind = 'single' | 'multiple' | 'truefalse';

/** 判断题的两个选项（固定） */
export const TRUE_FALSE_OPTIONS = ['对', '错'] as const;

export interface QuestionSpec {
  kind: QuestionKind;
  options: readonly string[];
  /** 正确选项的下标 */
  answer: readonly number[];
}

/** 题目自洽：单选与判断恰有一个正确选项，多选至少两个；下标在范围内、不重复；判断题的选项是“对、错” */
export function questionProblem(q: QuestionSpec): string | null {
  if (q.kind === 'truefalse' && (q.options.length !== 2 || q.options[0] !== '对' || q.options[1] !== '错')) return 'truefalse-options';
  if (q.answer.some((i) => !Number.isInteger(i) || i < 0 || i >= q.options.length)) return 'answer-out-of-range';
  if (new Set(q.answer).size !== q.answer.length) return 'answer-duplicate';
  if (new Set(q.options.map((o) => o.trim())).size !== q.options.length) return 'options-duplicate';
  if (q.kind === 'multiple' ? q.answer.length < 2 : q.answer.length !== 1) return 'answer-count';
  return null;
}

/** 从题库里不重复地抽 n 题（Fisher–Yates 的前 n 步）；random(max) 给 [0, max) 的整数 */
export function drawQuestions<T>(bank: readonly T[], n: number, random: (max: number) => number): T[] {
  const pool = [...bank];
  const count = Math.min(n, pool.length);
  for (let i = 0; i < count; i++) {
    const j = i + random(pool.length - i);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count);
}

/** 一题答对：选的与正确的集合完全相同（多选少选、多选都不得分） */
export function isCorrect(answer: readonly number[], chosen: readonly number[] | undefined): boolean {
  if (!chosen) return false;
  const a = new Set(answer);
  const c = new Set(chosen);
  return a.size === c.size && [...a].every((i) => c.has(i));
}

/** 百分制得分（取整）与是否及格 */
export function grade(results: readonly boolean[], passScore: number): { correct: number; score: number; passed: boolean } {
  const correct = results.filter(Boolean).length;
  const score = results.length === 0 ? 0 : Math.round((correct * 100) / results.length);
  return { correct, score, passed: score >= passScore };
}
