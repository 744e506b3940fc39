import { fireEvent, render, screen } from '@testing-library/react'
import QuizAdminPage from '../../src/study/quiz-admin/index'
import { useAppStore } from '../../src/store'
import { li, liProfile, zhangProfile } from '../fixtures'
import { callsTo, ok, routeCalls } from '../events/support'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), listDevIdentities: jest.fn() }))

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })

describe('出题与测试（办公室）', () => {
  it('多选题：选项按行、答案字母换成下标；设测试：日期换成北京时间', async () => {
    useAppStore.getState().chooseDevIdentity({ openid: 'dev_admin', name: '周敏', roles: ['admin'], description: '' })
    const mock = routeCalls({
      'member.me': () => ok({ ...zhangProfile, roles: ['member', 'admin'] }),
      'study.saveQuestion': (d) => ok({ id: 'x-1', ...d }),
      'study.createQuiz': (d) => ok({ id: 'q-1', ...d }),
    })
    render(<QuizAdminPage />)
    await screen.findByLabelText('题干')
    fireEvent.click(screen.getByText('多选题'))
    type('题干', '政协的主要职能有哪些？')
    type('选项（每行一个）', '政治协商\n民主监督\n\n审判')
    type('正确答案', 'ab')
    fireEvent.click(screen.getByText('加入题库'))
    expect(await screen.findByText('已加入题库，本次共加了 1 道')).toBeTruthy()
    expect(callsTo(mock, 'study', 'saveQuestion')).toEqual([
      { bank: '政协基础知识', kind: 'multiple', stem: '政协的主要职能有哪些？', options: ['政治协商', '民主监督', '审判'], answer: [0, 1], explanation: '' },
    ])

    type('测试名称', '政协知识测试')
    type('开始日期', '2026-12-01')
    type('截止日期', '2026-12-31')
    fireEvent.click(screen.getByText('设立测试'))
    expect(await screen.findByText('已设立「政协知识测试」，成员在“学习测试”里可以看到')).toBeTruthy()
    expect(callsTo(mock, 'study', 'createQuiz')[0]).toMatchObject({
      opensAt: '2026-12-01T00:00:00+08:00',
      closesAt: '2026-12-31T23:59:00+08:00',
      questionCount: 5,
      passScore: 60,
      maxAttempts: 2,
      audience: [{ kind: 'all', id: null }],
    })
  })

  it('普通成员进不了', async () => {
    useAppStore.getState().chooseDevIdentity(li)
    routeCalls({ 'member.me': () => ok(liProfile) })
    render(<QuizAdminPage />)
    expect(await screen.findByText('这项功能只有政协办公室管理员可以使用')).toBeTruthy()
  })
})
