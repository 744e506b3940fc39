import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { CompletionReport, MaterialSummary, MaterialView, MyAssignment } from '@tongxin/shared-types'
import StudyPage from '../../src/pages/study/index'
import StudyReaderPage from '../../src/study/reader/index'
import StudyFiguresPage from '../../src/study/figures/index'
import StudyEditPage from '../../src/study/edit/index'
import { useAppStore } from '../../src/store'
import { setRouterParams } from '../stubs/taro'
import { li, liProfile, zhang, zhangProfile } from '../fixtures'
import { callsTo, fail, ok, routeCalls } from '../events/support'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), listDevIdentities: jest.fn() }))

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })

const summary = (o: Partial<MaterialSummary> = {}): MaterialSummary => ({
  id: 'mat-1',
  title: '学习党史，坚定信念',
  category: '党史学习',
  source: '政协办公室',
  status: 'published',
  publishedAt: '2026-11-20T02:00:00.000Z',
  updatedAt: '2026-11-20T02:00:00.000Z',
  finished: false,
  favourite: false,
  ...o,
})
const view = (o: Partial<MaterialView> = {}): MaterialView => ({
  ...summary(),
  bodyHtml: '<h1>导读</h1><p>学习<strong>党史</strong>，做好协商议政。</p>',
  attachments: [{ fileId: 'f-1', name: '学习提纲.pdf' }],
  links: [],
  assignments: [{ id: 'a-1', dueAt: '2026-12-10T15:59:00.000Z' }],
  myNote: null,
  ...o,
})
const assignment: MyAssignment = {
  id: 'a-1',
  materialId: 'mat-1',
  title: '学习党史，坚定信念',
  category: '党史学习',
  dueAt: '2026-12-10T15:59:00.000Z',
  finished: false,
  overdue: false,
}

describe('学习 tab', () => {
  beforeEach(() => useAppStore.getState().chooseDevIdentity(li))

  it('列出我的必学与材料；搜索与栏目交给服务器；不给办公室入口', async () => {
    const mock = routeCalls({
      'member.me': () => ok(liProfile),
      'study.myAssignments': () => ok([assignment]),
      'study.list': (d) => ok({ items: d.q === '协商' ? [summary({ id: 'mat-2', title: '协商民主的历史' })] : [summary()], total: 1, page: 1, pageSize: 20 }),
    })
    render(<StudyPage />)
    expect(await screen.findByText('12月10日 周四 前读完')).toBeTruthy()
    expect(screen.getAllByText('学习党史，坚定信念')).toHaveLength(2)
    type('搜索材料', '协商')
    fireEvent.click(screen.getByText('搜索'))
    expect(await screen.findByText('协商民主的历史')).toBeTruthy()
    fireEvent.click(screen.getByText('党史学习'))
    await waitFor(() => expect(callsTo(mock, 'study', 'list')).toContainEqual({ category: '党史学习', q: '协商' }))
    expect(callsTo(mock, 'study', 'list')[0]).toEqual({ category: undefined, q: undefined })
    expect(screen.queryByText('管理学习材料')).toBeNull()
    // 没有任何时长、连续天数或排名的数字
    expect(screen.queryByText(/\d+ ?(分钟|小时|天)|排名|连续/)).toBeNull()
  })
})

describe('阅读', () => {
  beforeEach(() => {
    useAppStore.getState().chooseDevIdentity(li)
    setRouterParams({ id: 'mat-1' })
  })

  it('画出服务器清洗过的正文；文末确认读完只发材料 id，显示记的分；心得太短先在本地说明', async () => {
    const mock = routeCalls({
      'study.get': () => ok(view()),
      'study.finish': () => ok({ finishedAt: '2026-11-26T01:00:00.000Z', points: 1 }),
    })
    render(<StudyReaderPage />)
    expect(await screen.findByText('导读')).toBeTruthy()
    expect(screen.getByText('党史')).toBeTruthy()
    expect(screen.getByText(/这是布置给您的必学篇目/)).toBeTruthy()
    // 截止前提醒：H5 里订阅不了，如实说明并指向短信
    fireEvent.click(screen.getByText('截止前提醒我'))
    expect(await screen.findByText(/在微信里才能订阅提醒/)).toBeTruthy()
    expect(screen.getByText('去开通短信提醒')).toBeTruthy()
    fireEvent.click(screen.getByText('我已读完'))
    expect(await screen.findByText('✓ 您已读完这篇，记履职积分 +1')).toBeTruthy()
    expect(callsTo(mock, 'study', 'finish')).toEqual([{ materialId: 'mat-1' }])
    expect(screen.queryByText('我已读完')).toBeNull()
    expect(screen.queryByText('截止前提醒我')).toBeNull()

    type('我的心得体会', '很好')
    fireEvent.click(screen.getByText('保存心得'))
    expect(await screen.findByText('学习心得至少 10 个字，您写了 2 个字')).toBeTruthy()
    expect(callsTo(mock, 'study', 'writeNote')).toEqual([])
  })

  it('材料已撤回：说明找不到，不给读完按钮', async () => {
    routeCalls({ 'study.get': () => fail('NOT_FOUND', '没有找到这篇材料，可能已被撤回') })
    render(<StudyReaderPage />)
    expect(await screen.findByText('没有找到这篇材料，可能已被撤回')).toBeTruthy()
    expect(screen.queryByText('我已读完')).toBeNull()
  })
})

describe('完成情况（书记）', () => {
  beforeEach(() => useAppStore.getState().chooseDevIdentity(zhang))

  it('选一项任务看本支部的数字；不自己带支部（范围由服务器定）；按姓名列出', async () => {
    const report: CompletionReport = {
      assignment: {
        id: 'a-1',
        materialId: 'mat-1',
        title: '学习党史，坚定信念',
        dueAt: '2026-12-10T15:59:00.000Z',
        audience: [{ kind: 'branch', id: 'b-2', name: '经济委功能型党支部' }],
        expected: 2,
        finished: 1,
      },
      branches: [{ branchId: 'b-2', name: '经济委功能型党支部', expected: 2, finished: 1 }],
      people: [
        { memberId: 'm-1', name: '张建国', branch: '经济委功能型党支部', finished: false, finishedAt: null },
        { memberId: 'm-3', name: '王秀兰', branch: '经济委功能型党支部', finished: true, finishedAt: '2026-11-26T01:00:00.000Z' },
      ],
    }
    const mock = routeCalls({
      'member.me': () => ok(zhangProfile),
      'study.assignments': () => ok([report.assignment]),
      'study.completion': () => ok(report),
    })
    render(<StudyFiguresPage />)
    fireEvent.click(await screen.findByText('学习党史，坚定信念'))
    expect(await screen.findByText('1/2 人（50%）')).toBeTruthy()
    expect(screen.getByText('✓ 已读完')).toBeTruthy()
    expect(callsTo(mock, 'study', 'completion')).toEqual([{ assignmentId: 'a-1' }])
  })

  it('普通成员进不了', async () => {
    useAppStore.getState().chooseDevIdentity(li)
    routeCalls({ 'member.me': () => ok(liProfile) })
    render(<StudyFiguresPage />)
    expect(await screen.findByText('这项功能只对政协办公室管理员和支部书记开放')).toBeTruthy()
  })
})

describe('编辑材料（办公室）', () => {
  it('新建：填标题与正文后发布，发出的字段与表单一致；服务器拒绝时显示它的话', async () => {
    useAppStore.getState().chooseDevIdentity({ openid: 'dev_admin', name: '周敏', roles: ['admin'], description: '' })
    setRouterParams({})
    let first = true
    const mock = routeCalls({
      'member.me': () => ok({ ...zhangProfile, roles: ['member', 'admin'] }),
      'study.publish': () => {
        if (first) return ((first = false), fail('INVALID_PARAMETER', '「链接地址」链接须以 https:// 开头'))
        return ok({ ...view({ links: [] }), bodyMarkdown: '学习**党史**' })
      },
    })
    render(<StudyEditPage />)
    await screen.findByLabelText('标题')
    type('标题', '学习党史，坚定信念')
    type('正文（Markdown）', '学习**党史**')
    fireEvent.click(screen.getByText('党史学习'))
    fireEvent.click(screen.getByText('发布'))
    expect(await screen.findByText('「链接地址」链接须以 https:// 开头')).toBeTruthy()
    fireEvent.click(screen.getByText('发布'))
    expect(await screen.findByText('已保存，成员现在看到的是这一版')).toBeTruthy()
    expect(callsTo(mock, 'study', 'publish')[1]).toEqual({
      title: '学习党史，坚定信念',
      category: '党史学习',
      source: null,
      bodyMarkdown: '学习**党史**',
      links: [],
      attachments: [],
    })
    expect(screen.getByText('布置为必学篇目')).toBeTruthy()
  })
})
