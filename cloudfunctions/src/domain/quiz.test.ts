import { drawQuestions, grade, isCorrect, questionProblem } from './quiz';

describe('学习测试的规则', () => {
  test('题目自洽：单选一个答案、多选至少两个、判断题选项固定、下标在范围内', () => {
    expect(questionProblem({ kind: 'single', options: ['甲', '乙', '丙'], answer: [1] })).toBeNull();
    expect(questionProblem({ kind: 'single', options: ['甲', '乙'], answer: [0, 1] })).toBe('answer-count');
    expect(questionProblem({ kind: 'multiple', options: ['甲', '乙', '丙'], answer: [0, 2] })).toBeNull();
    expect(questionProblem({ kind: 'multiple', options: ['甲', '乙', '丙'], answer: [2] })).toBe('answer-count');
    expect(questionProblem({ kind: 'truefalse', options: ['对', '错'], answer: [0] })).toBeNull();
    expect(questionProblem({ kind: 'truefalse', options: ['是', '否'], answer: [0] })).toBe('truefalse-options');
    expect(questionProblem({ kind: 'single', options: ['甲', '乙'], answer: [2] })).toBe('answer-out-of-range');
    expect(questionProblem({ kind: 'multiple', options: ['甲', '乙', '丙'], answer: [1, 1] })).toBe('answer-duplicate');
    expect(questionProblem({ kind: 'single', options: ['甲', '甲 '], answer: [0] })).toBe('options-duplicate');
  });

  test('抽题不重复，题库不够时全给', () => {
    const bank = ['a', 'b', 'c', 'd', 'e'];
    let seed = 7;
    const random = (max: number) => (seed = (seed * 31 + 11) % 1000) % max;
    const drawn = drawQuestions(bank, 3, random);
    expect(drawn).toHaveLength(3);
    expect(new Set(drawn).size).toBe(3);
    expect(drawQuestions(bank, 9, random).sort()).toEqual(bank);
  });

  test('多选少选、多选都算错；没答算错', () => {
    expect(isCorrect([0, 2], [2, 0])).toBe(true);
    expect(isCorrect([0, 2], [0])).toBe(false);
    expect(isCorrect([0, 2], [0, 1, 2])).toBe(false);
    expect(isCorrect([1], undefined)).toBe(false);
  });

  test('百分制取整；到及格线即及格', () => {
    expect(grade([true, true, false], 60)).toEqual({ correct: 2, score: 67, passed: true });
    expect(grade([true, false, false], 60)).toEqual({ correct: 1, score: 33, passed: false });
    expect(grade([true, true, true, false, false], 60)).toEqual({ correct: 3, score: 60, passed: true });
    expect(grade([], 60)).toEqual({ correct: 0, score: 0, passed: false });
  });
});
