import { fireEvent, render, screen } from '@testing-library/react'
import type { Envelope, MemberProfile } from '@tongxin/shared-types'
import MinePage from '../src/pages/mine/index'
import { callFunction } from '../src/services/cloud'
import { useAppStore } from '../src/store'
import { zhang, zhangProfile } from './fixtures'

// 替换的是客户端模块（services/cloud），不是后端
jest.mock('../src/services/cloud', () => ({ callFunction: jest.fn(), listDevIdentities: jest.fn() }))
const mockCall = callFunction as unknown as jest.Mock<Promise<Envelope<MemberProfile>>>

const fail = (code: string, message: string): Envelope<never> => ({ ok: false, error: { code: code as 'INTERNAL', message } })

beforeEach(() => {
  mockCall.mockReset()
  useAppStore.getState().chooseDevIdentity(zhang)
})

describe('我的', () => {
  it('显示本人资料：职务、界别、专委会、政治面貌、角色、组织与支部关系', async () => {
    mockCall.mockResolvedValue({ ok: true, data: zhangProfile })
    render(<MinePage />)

    expect(screen.getByText('正在加载您的资料…')).toBeTruthy()
    expect(await screen.findByText('张建国')).toBeTruthy()
    expect(mockCall).toHaveBeenCalledWith('member', 'me')
    for (const text of ['常委', '经济界', '经济委、提案委', '中共党员', '委员、支部书记', '138****1234']) {
      expect(screen.getByText(text)).toBeTruthy()
    }
    expect(screen.getAllByText('示例市政协').length).toBeGreaterThan(0)
    expect(screen.getByText('市发改委第二党支部')).toBeTruthy()
    expect(screen.getByText('第一组织关系 · 党员')).toBeTruthy()
    expect(screen.getByText('功能型 · 书记')).toBeTruthy()
    // 取到的资料也记进 store，供首页称呼
    expect(useAppStore.getState().profile?.name).toBe('张建国')
  })

  it('未绑定时说明情况，并提示邀请码由办公室发放', async () => {
    mockCall.mockResolvedValue(fail('NOT_BOUND', '您的微信尚未绑定委员信息，请输入邀请码完成绑定'))
    render(<MinePage />)

    expect(await screen.findByText('您的微信尚未绑定委员信息，请输入邀请码完成绑定')).toBeTruthy()
    expect(screen.getByText(/邀请码由政协办公室发放/)).toBeTruthy()
    expect(screen.queryByText('重试')).toBeNull()
  })

  it('出错时显示信封里的中文提示，点「重试」重新获取', async () => {
    mockCall.mockResolvedValueOnce(fail('INTERNAL', '系统繁忙，请稍后再试'))
    mockCall.mockResolvedValueOnce({ ok: true, data: zhangProfile })
    render(<MinePage />)

    expect(await screen.findByText('系统繁忙，请稍后再试')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('张建国')).toBeTruthy()
    expect(screen.queryByText('系统繁忙，请稍后再试')).toBeNull()
    expect(mockCall).toHaveBeenCalledTimes(2)
  })

  it('本地模式下还没选演示身份时，提示先选身份，不去请求', () => {
    useAppStore.setState({ devIdentity: null })
    render(<MinePage />)

    expect(screen.getByText(/请先在页面顶部选择一个演示身份/)).toBeTruthy()
    expect(mockCall).not.toHaveBeenCalled()
  })

  it('大字模式开关切换页面样式，并记住设置', async () => {
    mockCall.mockResolvedValue({ ok: true, data: zhangProfile })
    const { container } = render(<MinePage />)
    await screen.findByText('张建国')
    const page = container.querySelector('.page')!

    expect(page.classList.contains('page--elder')).toBe(false)
    fireEvent.click(screen.getByText('大字模式'))
    expect(page.classList.contains('page--elder')).toBe(true)
    expect(screen.getByText('已开启')).toBeTruthy()
    expect(useAppStore.getState().elderMode).toBe(true)
  })
})
