import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { MemberProfile, PointsOverview } from '@tongxin/shared-types'
import PointsRulesPage from '../../src/points/rules/index'
import { useAppStore } from '../../src/store'
import { zhang, zhangProfile } from '../fixtures'
import { YEAR, rules } from './fixtures'
import { callsTo, fail, held, ok, routeCalls, type Handler } from './support'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), listDevIdentities: jest.fn() }))

const adminProfile: MemberProfile = { ...zhangProfile, name: '周敏', roles: ['member', 'admin'] }
const overview: PointsOverview = { visibility: 'none', year: YEAR, branches: [], individuals: [] }

function setup(extra: Record<string, Handler> = {}, profile = adminProfile) {
  useAppStore.getState().chooseDevIdentity(zhang)
  useAppStore.getState().rememberProfile(profile)
  const mock = routeCalls({ 'points.rules': () => ok(rules), 'points.overview': () => ok(overview), ...extra })
  render(<PointsRulesPage />)
  return mock
}

const ruleCard = (code: string) => document.querySelector(`[data-rule="${code}"]`) as HTMLElement

describe('积分规则', () => {
  it('按积分类别分组列出规则，写明分值、上限、依据和版本', async () => {
    setup()
    await screen.findByText('集中学习')
    const study = ruleCard('party.study')
    expect(within(study).getByText('第 1 版')).toBeTruthy()
    expect(within(study).getByText('每次 +2 分；年度上限 12 分')).toBeTruthy()
    expect(within(study).getByText(/^学习积分 · 依据：参加会议活动 · 适用：中共党员 · 代码 party.study/)).toBeTruthy()
    expect(within(ruleCard('party.conduct')).getByText('每次 +5 分；评定范围 −10 到 +10；不设年度上限')).toBeTruthy()
    const titles = Array.from(document.querySelectorAll('.ui-section-title')).map((t) => t.textContent)
    expect(titles.slice(0, 2)).toEqual(['党员积分', '委员履职积分'])
  })

  it('修改规则：说明只对今后生效，保存时发出完整的新版本', async () => {
    const mock = setup({ 'points.saveRule': (d) => ok({ ...rules[0], ...(d as object), version: 2 }) })
    await screen.findByText('集中学习')
    const study = ruleCard('party.study')
    fireEvent.click(within(study).getByText('修改'))
    expect(within(study).getByText('保存后成为第 2 版，只对今后的记分生效；已经记下的分不变。')).toBeTruthy()
    fireEvent.change(within(study).getByLabelText('年度上限'), { target: { value: '16' } })
    fireEvent.change(within(study).getByLabelText('每次分值'), { target: { value: '3' } })
    fireEvent.click(within(study).getByText('停用'))
    fireEvent.click(within(study).getByText('保存为第 2 版'))

    expect(await screen.findByText('已保存「集中学习」第 2 版，今后的记分按新规则计算。')).toBeTruthy()
    expect(callsTo(mock, 'points', 'saveRule')).toEqual([
      {
        code: 'party.study',
        name: '集中学习',
        track: 'party',
        category: '学习',
        basis: 'attendance',
        points: 3,
        minPoints: null,
        maxPoints: null,
        yearlyCap: 16,
        appliesTo: 'cpc',
        active: false,
        description: '参加中心组学习、政协讲堂等集中学习',
      },
    ])
    await waitFor(() => expect(callsTo(mock, 'points', 'rules')).toHaveLength(2))
  })

  it('新增规则：填代码、类别、分类、依据与分值；负数可以用全角减号', async () => {
    const mock = setup({ 'points.saveRule': (d) => ok({ ...rules[0], ...(d as object), version: 1 }) })
    await screen.findByText('集中学习')
    fireEvent.click(screen.getByText('新增规则'))
    fireEvent.change(screen.getByLabelText('规则代码'), { target: { value: 'duty.sector_review' } })
    // 最低、最高分值只对评定类规则有意义
    expect(screen.queryByLabelText('最低分值')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '支部评定（品行）' }))
    fireEvent.change(screen.getByLabelText('规则名称'), { target: { value: '界别活动评定' } })
    fireEvent.change(screen.getByLabelText('每次分值'), { target: { value: '8' } })
    fireEvent.change(screen.getByLabelText('最低分值'), { target: { value: '−5' } })
    fireEvent.click(screen.getByText('保存新规则'))

    await screen.findByText('已保存「界别活动评定」第 1 版，今后的记分按新规则计算。')
    expect(callsTo(mock, 'points', 'saveRule')).toEqual([
      expect.objectContaining({
        code: 'duty.sector_review',
        track: 'duty',
        category: '履职',
        basis: 'manual',
        points: 8,
        minPoints: -5,
        maxPoints: null,
        appliesTo: 'all',
        active: true,
      }),
    ])
  })

  it('分值不是整数时就地提示；服务端拒绝时显示它的提示', async () => {
    const mock = setup({
      'points.saveRule': () => fail('INVALID_PARAMETER', '「规则名称」不能以时长、在线、点赞、转发、投票、浏览量、阅读量作为积分依据（国办函〔2026〕12号）'),
    })
    await screen.findByText('集中学习')
    const study = ruleCard('party.study')
    fireEvent.click(within(study).getByText('修改'))
    fireEvent.change(within(study).getByLabelText('每次分值'), { target: { value: '两分' } })
    fireEvent.click(within(study).getByText('保存为第 2 版'))
    expect(within(study).getByText('「每次分值」请填整数，扣分填负数，如 -10')).toBeTruthy()
    expect(callsTo(mock, 'points', 'saveRule')).toEqual([])

    fireEvent.change(within(study).getByLabelText('每次分值'), { target: { value: '2' } })
    fireEvent.change(within(study).getByLabelText('规则名称'), { target: { value: '在线学习时长' } })
    fireEvent.click(within(study).getByText('保存为第 2 版'))
    expect(await within(study).findByText(/国办函〔2026〕12号/)).toBeTruthy()
  })

  it('年度关账先就地确认，写明关账后只有管理员冲正可以改动', async () => {
    const mock = setup({ 'points.closeYear': (d) => ok({ year: (d as { year: number }).year, closedAt: `${YEAR}-01-10T02:00:00.000Z` }) })
    await screen.findByText('集中学习')
    fireEvent.click(screen.getByText('年度关账'))
    fireEvent.click(screen.getByText(`关账 ${YEAR - 1} 年度…`))
    expect(screen.getByText(`确定关账 ${YEAR - 1} 年度吗？关账后不能再记分，只有管理员写明原因的冲正可以改动。`)).toBeTruthy()
    expect(callsTo(mock, 'points', 'closeYear')).toEqual([])
    fireEvent.click(screen.getByText(`确认关账 ${YEAR - 1} 年度`))
    expect(await screen.findByText(`${YEAR - 1} 年度已于 ${YEAR}年1月10日 关账。`)).toBeTruthy()
    expect(callsTo(mock, 'points', 'closeYear')).toEqual([{ year: YEAR - 1 }])
  })

  it('可见范围：显示当前设置（默认不公开），改选后保存', async () => {
    const mock = setup({ 'points.setVisibility': (d) => ok(d) })
    fireEvent.click(await screen.findByText('公开范围'))
    expect(await screen.findByText('当前生效：不公开（默认）：每人只看到自己的积分')).toBeTruthy()
    expect(screen.getByText(/积分排名默认关闭/)).toBeTruthy()
    fireEvent.click(screen.getByText('公开各支部的汇总（人均分），不显示个人'))
    fireEvent.click(screen.getByText('保存可见范围'))
    expect(await screen.findByText('已保存。当前生效：公开各支部的汇总（人均分），不显示个人')).toBeTruthy()
    expect(callsTo(mock, 'points', 'setVisibility')).toEqual([{ visibility: 'branch_aggregate' }])
  })

  it('非管理员看不到规则编辑', async () => {
    const mock = setup({}, zhangProfile)
    expect(await screen.findByText('这项功能只有政协办公室管理员可以使用')).toBeTruthy()
    expect(screen.queryByText('重试')).toBeNull()
    expect(callsTo(mock, 'points', 'rules')).toEqual([])
  })
})

describe('积分规则页的提交：提交中再点不会重复发出；服务器拒绝时显示它的提示', () => {
  const pressTwice = (button: HTMLElement) => {
    fireEvent.click(button)
    fireEvent.click(button)
  }

  it('保存规则', async () => {
    const reply = held()
    const mock = setup({ 'points.saveRule': reply.handler })
    await screen.findByText('集中学习')
    const study = ruleCard('party.study')
    fireEvent.click(within(study).getByText('修改'))
    pressTwice(within(study).getByText('保存为第 2 版'))
    expect(within(study).getByText('正在保存…')).toBeTruthy()
    expect(callsTo(mock, 'points', 'saveRule')).toHaveLength(1)
    reply.answer(fail('POINTS.RULE_TRACK_FIXED', '已有规则的积分类别与分类不能修改（会打乱已记分的归类）；请停用它并新建一条规则'))
    expect((await screen.findByRole('alert')).textContent).toBe('已有规则的积分类别与分类不能修改（会打乱已记分的归类）；请停用它并新建一条规则')
  })

  it('年度关账', async () => {
    const reply = held()
    const mock = setup({ 'points.closeYear': reply.handler })
    await screen.findByText('集中学习')
    fireEvent.click(screen.getByText('年度关账'))
    fireEvent.click(screen.getByText(`关账 ${YEAR - 1} 年度…`))
    pressTwice(screen.getByText(`确认关账 ${YEAR - 1} 年度`))
    expect(screen.getByText('正在关账…')).toBeTruthy()
    expect(callsTo(mock, 'points', 'closeYear')).toEqual([{ year: YEAR - 1 }])
    reply.answer(fail('CONFLICT', `${YEAR - 1} 年度已经关账`))
    expect((await screen.findByRole('alert')).textContent).toBe(`${YEAR - 1} 年度已经关账`)
  })

  it('保存可见范围', async () => {
    const reply = held()
    const mock = setup({ 'points.setVisibility': reply.handler })
    fireEvent.click(await screen.findByText('公开范围'))
    fireEvent.click(await screen.findByText('公开各支部的汇总（人均分），不显示个人'))
    pressTwice(screen.getByText('保存可见范围'))
    expect(screen.getByText('正在保存…')).toBeTruthy()
    expect(callsTo(mock, 'points', 'setVisibility')).toHaveLength(1)
    reply.answer(fail('FORBIDDEN', '这项操作需要相应的权限'))
    expect((await screen.findByRole('alert')).textContent).toBe('这项操作需要相应的权限')
  })
})
