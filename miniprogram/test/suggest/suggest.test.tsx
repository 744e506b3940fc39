import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setRouterParams } from '../stubs/taro'
import type { FeedbackView, SuggestionSummary, SuggestionView } from '@tongxin/shared-types'
import SuggestPage from '../../src/pages/suggest/index'
import SuggestDetailPage from '../../src/suggest/detail/index'
import SuggestEditPage from '../../src/suggest/edit/index'
import FeedbackPage from '../../src/suggest/feedback/index'
import SuggestUnitPage from '../../src/suggest/unit/index'
import { useAppStore } from '../../src/store'
import { li, liProfile } from '../fixtures'
import { callsTo, fail, ok, routeCalls } from '../points/support'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), uploadFile: jest.fn(), listDevIdentities: jest.fn() }))

beforeEach(() => {
  useAppStore.getState().chooseDevIdentity(li)
  setRouterParams({})
  ;(Taro.navigateTo as jest.Mock).mockClear()
  ;(Taro.redirectTo as jest.Mock).mockClear()
})

const summary: SuggestionSummary = {
  id: 's-1',
  kind: 'proposal',
  status: 'replied',
  number: '2027-0003',
  title: '关于加快老旧小区加装电梯的建议',
  category: '城乡建设',
  authorName: '李秀英',
  submittedAt: '2027-01-02T01:00:00.000Z',
  dueAt: '2027-04-02T15:59:59.999Z',
  isKey: false,
  isExcellent: false,
  mine: 'author',
  updatedAt: '2027-01-05T01:00:00.000Z',
}
const view: SuggestionView = {
  ...summary,
  authorId: liProfile.id,
  reasons: '老旧小区老年人多，上下楼困难。',
  proposals: '简化审批，设立补贴。',
  photos: [],
  cosigners: [{ memberId: 'm-9', name: '张建国', status: 'accepted', answeredAt: '2027-01-01T01:00:00.000Z' }],
  units: [{ unitId: 'u-1', name: '市住房和城乡建设局', lead: true }],
  replies: [{ round: 1, unitName: '市住房和城乡建设局', text: '已纳入年度民生实事。', fileId: null, at: '2027-01-05T01:00:00.000Z' }],
  metAt: null,
  rating: null,
  rehandled: false,
  rejectReason: null,
  adoptionLevel: null,
  instructions: [],
  chases: 0,
  history: [
    { at: '2027-01-02T01:00:00.000Z', step: 'submit', label: '提交', actorName: '李秀英', note: null },
    { at: '2027-01-03T01:00:00.000Z', step: 'file', label: '立案', actorName: '周敏', note: null },
  ],
}

describe('建言 tab', () => {
  it('列出我的建言与草稿：草稿去编辑，其余去详情', async () => {
    routeCalls({ 'suggestions.mine': () => ok([summary, { ...summary, id: 's-2', status: 'draft', number: null, title: '关于托育服务的建议' }]) })
    render(<SuggestPage />)
    fireEvent.click(await screen.findByText('关于托育服务的建议'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/suggest/edit/index?id=s-2' })
    fireEvent.click(screen.getByText(summary.title))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/suggest/detail/index?id=s-1' })
    expect(screen.getByText('提案 · 已答复 · 2027-0003')).toBeTruthy()
  })

  it('承办单位的微信（不是委员）：给出承办单位入口', async () => {
    routeCalls({ 'suggestions.mine': () => fail('NOT_BOUND', '您的微信尚未绑定委员信息') })
    render(<SuggestPage />)
    fireEvent.click(await screen.findByText('承办单位入口'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/suggest/unit/index' })
  })
})

describe('写建言', () => {
  it('写好后提交：先存草稿再提交，转到详情', async () => {
    setRouterParams({ kind: 'proposal' })
    const mock = routeCalls({
      'suggestions.saveDraft': (d) => ok({ ...view, ...(d as object), id: 's-9', status: 'draft', cosigners: [] }),
      'suggestions.submit': () => ok({ ...view, id: 's-9', status: 'submitted' }),
    })
    render(<SuggestEditPage />)
    fireEvent.change(screen.getByLabelText('案由'), { target: { value: '关于增加停车泊位的建议' } })
    fireEvent.change(screen.getByLabelText('理由'), { target: { value: '老城区停车难，占道停放影响通行。' } })
    fireEvent.change(screen.getByLabelText('建议'), { target: { value: '建设立体停车库，错时开放单位停车场。' } })
    fireEvent.click(screen.getByText('提交'))
    await screen.findByText('联名')
    expect(callsTo(mock, 'suggestions', 'saveDraft')[0]).toMatchObject({ kind: 'proposal', title: '关于增加停车泊位的建议', category: '经济建设', photos: [] })
    expect(callsTo(mock, 'suggestions', 'submit')).toEqual([{ id: 's-9' }])
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/suggest/detail/index?id=s-9' })
  })

  it('提交被拒（内容检查）：显示服务端的话，草稿仍在', async () => {
    const mock = routeCalls({
      'suggestions.saveDraft': (d) => ok({ ...view, ...(d as object), id: 's-9', status: 'draft', cosigners: [] }),
      'suggestions.submit': () => fail('SUGGEST.CONTENT_REJECTED', '「建议」含有不宜发布的内容，请修改后再提交'),
    })
    render(<SuggestEditPage />)
    fireEvent.change(screen.getByLabelText('案由'), { target: { value: '一件提案' } })
    fireEvent.click(screen.getByText('提交'))
    expect(await screen.findByText('「建议」含有不宜发布的内容，请修改后再提交')).toBeTruthy()
    expect(Taro.redirectTo).not.toHaveBeenCalled()
    expect(callsTo(mock, 'suggestions', 'saveDraft')).toHaveLength(1)
  })
})

describe('建言详情', () => {
  beforeEach(() => useAppStore.getState().rememberProfile(liProfile))

  it('办理经过与答复；本人评价“不满意”后状态更新', async () => {
    setRouterParams({ id: 's-1' })
    const mock = routeCalls({
      'suggestions.get': () => ok(view),
      'suggestions.rate': () => ok({ ...view, status: 'assigned', rehandled: true, rating: 'unsatisfied' }),
    })
    render(<SuggestDetailPage />)
    expect(await screen.findByText('已纳入年度民生实事。')).toBeTruthy()
    expect(screen.getByText('周敏 立案')).toBeTruthy()
    // 已答复、等评价：不再需要“有答复时提醒我”
    expect(screen.queryByText('有答复时提醒我')).toBeNull()
    fireEvent.click(screen.getByText('不满意'))
    expect(await screen.findByText('办理中')).toBeTruthy()
    // 退回重新办理：再答复时可以提醒
    expect(screen.getByText('有答复时提醒我')).toBeTruthy()
    expect(callsTo(mock, 'suggestions', 'rate')).toEqual([{ id: 's-1', rating: 'unsatisfied' }])
    expect(screen.queryByText('请评价答复')).toBeNull()
  })

  it('照片与答复函：点一下按建言与文件 id 取回', async () => {
    setRouterParams({ id: 's-1' })
    const withFiles: SuggestionView = { ...view, photos: ['p-1', 'p-2'], replies: [{ ...view.replies[0], fileId: 'l-1' }] }
    const mock = routeCalls({
      'suggestions.get': () => ok(withFiles),
      'suggestions.attachment': () => ok({ fileName: '2027-0003 照片1.jpg', contentBase64: '/9j/4AAQ' }),
    })
    render(<SuggestDetailPage />)
    expect(await screen.findByText('照片 2')).toBeTruthy()
    fireEvent.click(screen.getByText('照片 1'))
    await waitFor(() => expect(callsTo(mock, 'suggestions', 'attachment')).toEqual([{ id: 's-1', fileId: 'p-1' }]))
    fireEvent.click(screen.getByText('打开答复函'))
    await waitFor(() => expect(callsTo(mock, 'suggestions', 'attachment')).toHaveLength(2))
    expect(callsTo(mock, 'suggestions', 'attachment')[1]).toEqual({ id: 's-1', fileId: 'l-1' })
  })

  it('被邀请联名的人：同意联名', async () => {
    setRouterParams({ id: 's-1' })
    const invited = {
      ...view,
      status: 'draft' as const,
      mine: 'cosigner' as const,
      authorName: '张建国',
      cosigners: [{ memberId: liProfile.id, name: '李秀英', status: 'invited' as const, answeredAt: null }],
    }
    const mock = routeCalls({
      'suggestions.get': () => ok(invited),
      'suggestions.answerInvite': () => ok({ ...invited, cosigners: [{ ...invited.cosigners[0], status: 'accepted' }] }),
    })
    render(<SuggestDetailPage />)
    fireEvent.click(await screen.findByText('同意联名'))
    expect(await screen.findByText('已确认')).toBeTruthy()
    expect(callsTo(mock, 'suggestions', 'answerInvite')).toEqual([{ id: 's-1', accept: true }])
  })
})

describe('办公室在详情页交办', () => {
  it('选主办、协办与期限后交办', async () => {
    useAppStore.getState().rememberProfile({ ...liProfile, roles: ['staff', 'admin'] })
    setRouterParams({ id: 's-1' })
    const filed = { ...view, status: 'filed' as const, mine: null, replies: [], units: [] }
    const mock = routeCalls({
      'suggestions.get': () => ok(filed),
      'suggestions.units': () =>
        ok([
          { id: 'u-1', name: '市住房和城乡建设局', staff: [] },
          { id: 'u-2', name: '市发展和改革委员会', staff: [] },
        ]),
      'suggestions.assign': () => ok({ ...filed, status: 'assigned' }),
    })
    render(<SuggestDetailPage />)
    fireEvent.click(await screen.findByText('交办'))
    expect(await screen.findByText('请选择主办单位')).toBeTruthy()
    fireEvent.click(within(screen.getByRole('group', { name: '主办单位' })).getByText('市住房和城乡建设局'))
    fireEvent.click(within(screen.getByRole('group', { name: '协办单位（可不选）' })).getByText('市发展和改革委员会'))
    fireEvent.change(screen.getByLabelText('答复期限（如 2027-04-30；不填为 3 个月）'), { target: { value: '2027-04-30' } })
    fireEvent.click(screen.getByText('交办'))
    expect(await screen.findByText('办理中')).toBeTruthy()
    expect(callsTo(mock, 'suggestions', 'assign')).toEqual([{ id: 's-1', leadUnitId: 'u-1', coUnitIds: ['u-2'], dueOn: '2027-04-30' }])
  })
})

describe('投诉建议', () => {
  it('匿名提交；我提过的列出答复', async () => {
    useAppStore.getState().rememberProfile(liProfile)
    const answered: FeedbackView = {
      id: 'f-1',
      kind: 'complaint',
      subject: 'office',
      content: '通知发得太晚',
      anonymous: true,
      senderName: null,
      answer: '已改为提前三天',
      answeredAt: '2027-01-04T01:00:00.000Z',
      createdAt: '2027-01-03',
    }
    const mock = routeCalls({
      'suggestions.myFeedback': () => ok([answered]),
      'suggestions.sendFeedback': (d) => ok({ ...answered, id: 'f-2', ...(d as object), answer: null }),
    })
    render(<FeedbackPage />)
    expect(await screen.findByText('已改为提前三天')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('内容'), { target: { value: '希望字再大一些' } })
    fireEvent.click(within(screen.getByRole('group', { name: '署名' })).getByText('匿名'))
    fireEvent.click(screen.getByText('提交'))
    expect(await screen.findByText('已收到，办公室答复后会显示在下面。')).toBeTruthy()
    expect(callsTo(mock, 'suggestions', 'sendFeedback')).toEqual([{ kind: 'suggestion', subject: 'app', content: '希望字再大一些', anonymous: true }])
  })
})

describe('承办单位', () => {
  it('没绑定的微信：凭邀请码绑定后看到交办事项', async () => {
    let bound = false
    const mock = routeCalls({
      'suggestions.unitMe': () =>
        bound ? ok({ id: 'st-1', name: '黄海', unitId: 'u-1', unitName: '市住房和城乡建设局', orgName: '示例市政协' }) : fail('NOT_BOUND', '未绑定'),
      'suggestions.bindUnit': () => {
        bound = true
        return ok({ id: 'st-1', name: '黄海', unitId: 'u-1', unitName: '市住房和城乡建设局', orgName: '示例市政协' })
      },
      'suggestions.unitList': () => ok([{ ...summary, status: 'assigned', mine: null }]),
    })
    render(<SuggestUnitPage />)
    fireEvent.change(await screen.findByLabelText('邀请码'), { target: { value: 'ABCD2345' } })
    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '黄海' } })
    fireEvent.click(screen.getByText('绑定'))
    fireEvent.click(await screen.findByText(summary.title))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/suggest/handle/index?id=s-1' })
    expect(callsTo(mock, 'suggestions', 'bindUnit')).toEqual([{ code: 'ABCD2345', name: '黄海' }])
  })
})
