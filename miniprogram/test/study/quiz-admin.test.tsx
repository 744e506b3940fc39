import { fireEvent, render, screen } from '@testing-library/react'
import { uploadFile } from '../../src/services/cloud'
import QuizAdminPage from '../../src/study/quiz-admin/index'
import { useAppStore } from '../../src/store'
import { li, liProfile, zhangProfile } from '../fixtures'
import { callsTo, ok, routeCalls } from '../events/support'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), uploadFile: jest.fn(), listDevIdentities: jest.fn() }))
jest.mock('../../src/services/download', () => ({ deliverSpreadsheet: jest.fn(async () => ({ kind: 'success', text: '模板已下载' })) }))

const mockUpload = uploadFile as unknown as jest.Mock
const pick = (label: string, name: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { files: [new File(['PK'], name, { type: 'application/octet-stream' })] } })
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

  it('从表格导入：下载模板；有问题的行列出行号与原因，不能导入；改好后导入全部', async () => {
    useAppStore.getState().chooseDevIdentity({ openid: 'dev_admin', name: '周敏', roles: ['admin'], description: '' })
    mockUpload.mockResolvedValueOnce(ok({ fileId: 'local/00000000-0000-4000-8000-000000000001' }))
    mockUpload.mockResolvedValueOnce(ok({ fileId: 'local/00000000-0000-4000-8000-000000000002' }))
    const question = {
      line: 2,
      bank: '政协知识',
      kind: 'single',
      stem: '人民政协是什么机构？',
      options: ['专门协商机构', '权力机关'],
      answer: [0],
      explanation: '',
    }
    const mock = routeCalls({
      'member.me': () => ok({ ...zhangProfile, roles: ['member', 'admin'] }),
      'study.questionTemplate': () => ok({ fileName: '题目导入模板.xlsx', contentBase64: '' }),
      'study.previewQuestions': (d) =>
        (d as { fileId: string }).fileId.endsWith('1')
          ? ok({
              total: 2,
              valid: 1,
              errors: [{ line: 3, name: '判断题答 A？', reasons: ['判断题的答案应为“对”或“错”，不是“A”'] }],
              banks: [{ bank: '政协知识', count: 1 }],
              sample: [question],
            })
          : ok({ total: 2, valid: 2, errors: [], banks: [{ bank: '政协知识', count: 2 }], sample: [question] }),
      'study.importQuestions': () => ok({ created: 2, banks: [{ bank: '政协知识', count: 2 }] }),
    })
    render(<QuizAdminPage />)
    fireEvent.click(await screen.findByText('下载题目模板（Excel）'))
    expect(await screen.findByText('模板已下载')).toBeTruthy()

    pick('选择表格文件（.xlsx）', '题目.xlsx')
    expect(await screen.findByText('第 3 行（判断题答 A？）：判断题的答案应为“对”或“错”，不是“A”')).toBeTruthy()
    expect(screen.getByText('题目.xlsx：共 2 行，可导入 1 道，有问题 1 行')).toBeTruthy()
    fireEvent.click(screen.getByText('改好有问题的行后才能导入'))
    expect(callsTo(mock, 'study', 'importQuestions')).toEqual([])

    pick('重新选择文件', '题目改好.xlsx')
    fireEvent.click(await screen.findByText('导入 2 道题'))
    expect(await screen.findByText('已导入 2 道题（政协知识 2 道）')).toBeTruthy()
    expect(callsTo(mock, 'study', 'importQuestions')).toEqual([{ fileName: '题目改好.xlsx', fileId: 'local/00000000-0000-4000-8000-000000000002' }])
    expect(callsTo(mock, 'study', 'previewQuestions')).toHaveLength(2)
  })

  it('从表格导入：不是 .xlsx 的文件不上传', async () => {
    useAppStore.getState().chooseDevIdentity({ openid: 'dev_admin', name: '周敏', roles: ['admin'], description: '' })
    mockUpload.mockClear()
    routeCalls({ 'member.me': () => ok({ ...zhangProfile, roles: ['member', 'admin'] }) })
    render(<QuizAdminPage />)
    await screen.findByText('从表格导入题目')
    pick('选择表格文件（.xlsx）', '题目.xls')
    expect(await screen.findByText('只支持 Excel（.xlsx）文件；.xls 请先在 Excel 里另存为 .xlsx')).toBeTruthy()
    expect(mockUpload).not.toHaveBeenCalled()
  })
})
