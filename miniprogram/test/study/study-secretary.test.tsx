/** 支部书记管理本支部的学习材料：管理、编辑、布置页对书记开放，只给他能管的 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { AssignmentView, MaterialSummary, MaterialView } from '@tongxin/shared-types'
import StudyPage from '../../src/pages/study/index'
import StudyManagePage from '../../src/study/manage/index'
import StudyEditPage from '../../src/study/edit/index'
import StudyAssignPage from '../../src/study/assign/index'
import { useAppStore } from '../../src/store'
import { setRouterParams } from '../stubs/taro'
import { li, liProfile, zhang, zhangProfile } from '../fixtures'
import { member, tree } from '../admin/fixtures'
import { callsTo, ok, routeCalls } from '../events/support'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), listDevIdentities: jest.fn() }))

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })
const BRANCH = { id: 'b-2', name: '经济委功能型党支部' }

const summary = (o: Partial<MaterialSummary> = {}): MaterialSummary => ({
  id: 'mat-1',
  title: '支部专题学习',
  category: '党史学习',
  source: null,
  status: 'published',
  publishedAt: '2026-11-20T02:00:00.000Z',
  updatedAt: '2026-11-20T02:00:00.000Z',
  finished: false,
  favourite: false,
  branch: BRANCH,
  ...o,
})
const view = (o: Partial<MaterialView> = {}): MaterialView => ({
  ...summary(),
  bodyHtml: '<p>学习</p>',
  attachments: [],
  links: [],
  assignments: [],
  myNote: null,
  ...o,
})

beforeEach(() => useAppStore.getState().chooseDevIdentity(zhang))

describe('学习 tab 的入口', () => {
  it('书记看得到“管理学习材料”，材料标明发布的支部', async () => {
    routeCalls({
      'member.me': () => ok(zhangProfile),
      'study.myAssignments': () => ok([]),
      'study.list': () => ok({ items: [summary()], total: 1, page: 1, pageSize: 20 }),
    })
    render(<StudyPage />)
    expect(await screen.findByText('管理学习材料')).toBeTruthy()
    expect(screen.getByText('以本支部名义发布材料，给本支部布置必学篇目')).toBeTruthy()
    expect(await screen.findByText('党史学习 · 经济委功能型党支部')).toBeTruthy()
  })
})

describe('管理材料（书记）', () => {
  it('书记进得来：列出本支部的材料，没有出题入口', async () => {
    routeCalls({
      'member.me': () => ok(zhangProfile),
      'study.manageList': () => ok({ items: [summary()], total: 1, page: 1, pageSize: 20 }),
    })
    render(<StudyManagePage />)
    expect(await screen.findByText('本支部发布的材料')).toBeTruthy()
    expect(await screen.findByText('支部专题学习')).toBeTruthy()
    expect(screen.getByText('本支部的完成情况，可导出')).toBeTruthy()
    expect(screen.queryByText('出题与测试')).toBeNull()
  })

  it('普通成员进不了', async () => {
    useAppStore.getState().chooseDevIdentity(li)
    routeCalls({ 'member.me': () => ok(liProfile) })
    render(<StudyManagePage />)
    expect(await screen.findByText('这项功能只对政协办公室管理员和支部书记开放')).toBeTruthy()
  })
})

describe('编辑材料（书记）', () => {
  it('以本支部名义发布：发出 branchId', async () => {
    setRouterParams({})
    const mock = routeCalls({
      'member.me': () => ok(zhangProfile),
      'study.publish': () => ok({ ...view(), bodyMarkdown: '学习' }),
    })
    render(<StudyEditPage />)
    expect(await screen.findByText('以「经济委功能型党支部」的名义发布，全体成员都看得到')).toBeTruthy()
    type('标题', '支部专题学习')
    type('正文（Markdown）', '学习')
    fireEvent.click(screen.getByText('发布'))
    expect(await screen.findByText('已保存，成员现在看到的是这一版')).toBeTruthy()
    expect(callsTo(mock, 'study', 'publish')[0]).toMatchObject({ title: '支部专题学习', branchId: 'b-2' })
    expect(screen.getByText('发布的支部：经济委功能型党支部')).toBeTruthy()
  })
})

describe('布置必学（书记）', () => {
  it('大支部（超过 100 人）：说清只列了前 100 位，按姓名查找其余的；换了查找词，已点的人仍算数', async () => {
    setRouterParams({ id: 'mat-1' })
    const crowd = Array.from({ length: 100 }, (_, i) => member({ id: `m-${i}`, name: `成员${i}` }))
    const mock = routeCalls({
      'member.me': () => ok(zhangProfile),
      'study.get': () => ok(view()),
      'org.tree': () => ok(tree),
      'roster.list': (d) =>
        (d as { q?: string }).q === '李'
          ? ok({ items: [member({ id: 'm-130', name: '李文华' })], total: 1, page: 1, pageSize: 100 })
          : ok({ items: crowd, total: 130, page: 1, pageSize: 100 }),
      'study.assign': () =>
        ok({ id: 'a-1', materialId: 'mat-1', title: '支部专题学习', dueAt: '2026-12-31T15:59:00.000Z', audience: [], expected: 2, finished: 0 }),
    })
    render(<StudyAssignPage />)
    fireEvent.click(await screen.findByText('本支部的成员'))
    expect(await screen.findByText('本支部有 130 位在册成员，这里列出前 100 位；其余的请按姓名查找。')).toBeTruthy()
    fireEvent.click(screen.getByText('成员7'))
    type('按姓名查找本支部成员', '李')
    fireEvent.click(screen.getByText('查找'))
    fireEvent.click(await screen.findByText('李文华'))
    expect(screen.getByText('已点名 2 位')).toBeTruthy()
    expect(callsTo(mock, 'roster', 'list').at(-1)).toMatchObject({ branchId: 'b-2', q: '李', pageSize: 100 })
    type('完成期限', '2026-12-31')
    fireEvent.click(screen.getByText('布置'))
    await waitFor(() =>
      expect(callsTo(mock, 'study', 'assign')[0]).toMatchObject({
        audience: [
          { kind: 'member', id: 'm-7' },
          { kind: 'member', id: 'm-130' },
        ],
      }),
    )
  })

  it('只给本支部或本支部的成员：没有“全体成员”；点名的成员从本支部名册里选', async () => {
    setRouterParams({ id: 'mat-1' })
    const done: AssignmentView = {
      id: 'a-1',
      materialId: 'mat-1',
      title: '支部专题学习',
      dueAt: '2026-12-31T15:59:00.000Z',
      audience: [{ kind: 'member', id: 'm-10', name: '王秀兰' }],
      expected: 1,
      finished: 0,
    }
    const mock = routeCalls({
      'member.me': () => ok(zhangProfile),
      'study.get': () => ok(view()),
      'org.tree': () => ok(tree),
      'roster.list': () => ok({ items: [member()], total: 1, page: 1, pageSize: 100 }),
      'study.assign': () => ok(done),
    })
    render(<StudyAssignPage />)
    expect(await screen.findByText('✓ 本支部')).toBeTruthy()
    expect(screen.queryByText('全体成员')).toBeNull()
    expect(screen.queryByText('某个支部')).toBeNull()
    expect(screen.getByText('支部：经济委功能型党支部')).toBeTruthy()
    fireEvent.click(screen.getByText('本支部的成员'))
    fireEvent.click(await screen.findByText('王秀兰'))
    expect(callsTo(mock, 'roster', 'list')[0]).toMatchObject({ branchId: 'b-2' })
    type('完成期限', '2026-12-31')
    fireEvent.click(screen.getByText('布置'))
    expect(await screen.findByText('已布置')).toBeTruthy()
    await waitFor(() =>
      expect(callsTo(mock, 'study', 'assign')[0]).toEqual({
        materialId: 'mat-1',
        dueAt: '2026-12-31T23:59:00+08:00',
        audience: [{ kind: 'member', id: 'm-10' }],
      }),
    )
  })
})
