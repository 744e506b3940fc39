import { fireEvent, render, screen } from '@testing-library/react'
import type { AttemptResult, AttemptView, MyQuizView } from '@tongxin/shared-types'
import StudyQuizPage from '../../src/study/quiz/index'
import { useAppStore } from '../../src/store'
import { li } from '../fixtures'
import { callsTo, ok, routeCalls } from '../events/support'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), listDevIdentities: jest.fn() }))

const quiz: MyQuizView = {
  id: 'q-1',
  title: '政协知识测试',
  bank: '政协知识',
  questionCount: 2,
  passScore: 60,
  maxAttempts: 2,
  opensAt: '2026-11-20T00:00:00.000Z',
  closesAt: '2026-12-20T00:00:00.000Z',
  attemptsUsed: 0,
  bestScore: null,
  passed: false,
  openAttemptId: null,
}
const attempt: AttemptView = {
  attemptId: 'at-1',
  quizId: 'q-1',
  title: '政协知识测试',
  attemptNo: 1,
  maxAttempts: 2,
  questions: [
    { id: 'x-1', kind: 'single', stem: '人民政协是什么机构？', options: ['专门协商机构', '权力机关'] },
    { id: 'x-2', kind: 'multiple', stem: '政协的主要职能有哪些？', options: ['政治协商', '民主监督', '审判'] },
  ],
}
const result: AttemptResult = {
  attemptId: 'at-1',
  quizId: 'q-1',
  score: 50,
  correct: 1,
  total: 2,
  passed: false,
  passScore: 60,
  attemptsLeft: 1,
  points: null,
  questions: [
    { ...attempt.questions[0], chosen: [0], answer: [0], correct: true, explanation: '人民政协是专门协商机构' },
    { ...attempt.questions[1], chosen: [0], answer: [0, 1], correct: false, explanation: '政治协商与民主监督都是' },
  ],
}

beforeEach(() => useAppStore.getState().chooseDevIdentity(li))

describe('学习测试', () => {
  it('开始作答、没答完先提示；交卷发出所选的下标；结果里才有答案与解析', async () => {
    const mock = routeCalls({
      'study.myQuizzes': () => ok([quiz]),
      'study.startAttempt': () => ok(attempt),
      'study.submitAttempt': () => ok(result),
    })
    render(<StudyQuizPage />)
    fireEvent.click(await screen.findByText('政协知识测试'))
    expect(await screen.findByText('人民政协是什么机构？')).toBeTruthy()
    expect(screen.queryByText('人民政协是专门协商机构')).toBeNull()
    fireEvent.click(screen.getByText('A. 专门协商机构'))
    fireEvent.click(screen.getByText('交卷'))
    expect(await screen.findByText('还有 1 题没有作答')).toBeTruthy()
    expect(callsTo(mock, 'study', 'submitAttempt')).toEqual([])
    fireEvent.click(screen.getByText('A. 政治协商'))
    fireEvent.click(screen.getByText('交卷'))
    expect(await screen.findByText('50 分（及格 60 分）')).toBeTruthy()
    expect(callsTo(mock, 'study', 'submitAttempt')).toEqual([
      {
        attemptId: 'at-1',
        answers: [
          { questionId: 'x-1', choice: [0] },
          { questionId: 'x-2', choice: [0] },
        ],
      },
    ])
    expect(screen.getByText('政治协商与民主监督都是')).toBeTruthy()
    expect(screen.getByText('您的答案：A；正确答案：A、B')).toBeTruthy()
    expect(screen.getByText('还可以再答 1 次。')).toBeTruthy()
  })

  it('错题本：先选再核对，才显示正确答案与解析', async () => {
    routeCalls({
      'study.myQuizzes': () => ok([quiz]),
      'study.wrongBook': () =>
        ok([{ ...attempt.questions[1], answer: [0, 1], explanation: '政治协商与民主监督都是', lastChosen: [0], quizTitle: '政协知识测试' }]),
    })
    render(<StudyQuizPage />)
    fireEvent.click(await screen.findByText('错题本'))
    expect(await screen.findByText('政协的主要职能有哪些？')).toBeTruthy()
    expect(screen.queryByText('政治协商与民主监督都是')).toBeNull()
    fireEvent.click(screen.getByText('A. 政治协商'))
    fireEvent.click(screen.getByText('B. 民主监督'))
    fireEvent.click(screen.getByText('核对'))
    expect(await screen.findByText('✓ 答对了')).toBeTruthy()
    expect(screen.getByText('政治协商与民主监督都是')).toBeTruthy()
  })
})
