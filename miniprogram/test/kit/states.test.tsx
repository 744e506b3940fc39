import { useRef } from 'react'
import Taro from '@tarojs/taro'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { Envelope } from '@tongxin/shared-types'
import { LoadGate } from '../../src/components/PageState'
import { RoleGate } from '../../src/components/RoleGate'
import { useLoad } from '../../src/hooks/useLoad'
import { useSubmit } from '../../src/hooks/useSubmit'
import { Button } from '../../src/components/Button'
import { toMyRoles } from '../../src/hooks/useMyRoles'
import { useAppStore } from '../../src/store'
import { memberProfile } from '../events/support'

jest.mock('../../src/services/cloud', () => ({ callFunction: jest.fn(), listDevIdentities: jest.fn() }))

type Reply = Envelope<string[]>

/** 一页活动列表：按测试给的回答依次取 */
function EventsPage({ replies }: { replies: Array<() => Promise<Reply>> }) {
  const n = useRef(0)
  const list = useLoad(() => replies[Math.min(n.current++, replies.length - 1)](), [])
  return (
    <LoadGate
      state={list.state}
      what='活动'
      onRetry={list.reload}
      refusal='活动由支部书记安排；如需参加，请联系本支部书记。'
      isEmpty={(d) => d.length === 0}
      empty={{ message: '近期没有活动。', next: '新的会议通知发布后会出现在这里。' }}
    >
      {(items) => items.map((t) => <p key={t}>{t}</p>)}
    </LoadGate>
  )
}

const deferred = <T,>() => {
  let resolve!: (v: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

beforeEach(() => {
  useAppStore.getState().chooseDevIdentity({ openid: 'dev_cpc_member', name: '王秀兰', roles: ['member'], description: '' })
})

describe('页面的四种样子', () => {
  it('先画骨架屏，数据到了换成内容', async () => {
    const reply = deferred<Reply>()
    render(<EventsPage replies={[() => reply.promise]} />)
    expect(screen.getByRole('status', { name: '正在加载活动' })).toBeTruthy()
    reply.resolve({ ok: true, data: ['十一月主题党日'] })
    expect(await screen.findByText('十一月主题党日')).toBeTruthy()
    expect(screen.queryByRole('status', { name: '正在加载活动' })).toBeNull()
  })

  it('回答已在手边（early）：第一次渲染就是内容，这一次不再取；之后重取照常', async () => {
    const load = jest.fn(async (): Promise<Reply> => ({ ok: true, data: ['重取的活动'] }))
    function Early() {
      const list = useLoad(load, [], () => ({ ok: true, data: ['手边的活动'] }))
      return (
        <LoadGate state={list.state} what='活动' onRetry={list.reload}>
          {(items) => (
            <>
              {items.map((t) => (
                <p key={t}>{t}</p>
              ))}
              <Button onClick={list.reload}>刷新</Button>
            </>
          )}
        </LoadGate>
      )
    }
    render(<Early />)
    expect(screen.getByText('手边的活动')).toBeTruthy()
    expect(load).not.toHaveBeenCalled()
    fireEvent.click(screen.getByText('刷新'))
    expect(await screen.findByText('重取的活动')).toBeTruthy()
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('手边没有回答（early 交不出）：照常先画骨架屏再取', async () => {
    const reply = deferred<Reply>()
    function NotYet() {
      const list = useLoad(
        () => reply.promise,
        [],
        () => undefined,
      )
      return (
        <LoadGate state={list.state} what='活动' onRetry={list.reload}>
          {(items) => items.map((t) => <p key={t}>{t}</p>)}
        </LoadGate>
      )
    }
    render(<NotYet />)
    expect(screen.getByRole('status', { name: '正在加载活动' })).toBeTruthy()
    reply.resolve({ ok: true, data: ['后来的活动'] })
    expect(await screen.findByText('后来的活动')).toBeTruthy()
  })

  it('没有数据时说清楚没有什么、下一步做什么', async () => {
    render(<EventsPage replies={[async () => ({ ok: true, data: [] })]} />)
    expect(await screen.findByText('近期没有活动。')).toBeTruthy()
    expect(screen.getByText('新的会议通知发布后会出现在这里。')).toBeTruthy()
  })

  it('网络不通可以重试，重试成功后显示内容', async () => {
    render(
      <EventsPage
        replies={[
          async () => ({ ok: false, error: { code: 'CLIENT.NETWORK', message: '网络不给力，请检查网络后重试' } }),
          async () => ({ ok: true, data: ['政协讲堂'] }),
        ]}
      />,
    )
    expect(await screen.findByRole('alert')).toBeTruthy()
    expect(screen.getByRole('alert').textContent).toBe('网络不给力，请检查网络后重试')
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('政协讲堂')).toBeTruthy()
  })

  it('被拒绝（FORBIDDEN）不是故障：不给「重试」，说谁能办', async () => {
    render(<EventsPage replies={[async () => ({ ok: false, error: { code: 'FORBIDDEN', message: '您没有权限进行此操作' } })]} />)
    expect(await screen.findByText('您没有权限进行此操作')).toBeTruthy()
    expect(screen.getByText('活动由支部书记安排；如需参加，请联系本支部书记。')).toBeTruthy()
    expect(screen.queryByText('重试')).toBeNull()
  })
})

describe('按角色开放的页面', () => {
  const ready = (roles: string[]) => ({ status: 'ready' as const, me: toMyRoles({ ...memberProfile, roles: roles as never }) })

  it('普通成员打开管理员的页面：写明只有管理员能用、该找谁，不画内容', () => {
    render(
      <RoleGate state={ready(['member'])} retry={() => undefined} need='admin'>
        {() => <p>规则表</p>}
      </RoleGate>,
    )
    expect(screen.getByText('这项功能只有政协办公室管理员可以使用')).toBeTruthy()
    expect(screen.getByText('如需办理，请联系政协办公室。')).toBeTruthy()
    expect(screen.queryByText('规则表')).toBeNull()
    expect(screen.queryByText('重试')).toBeNull()
  })

  it('书记可以进入书记与管理员的页面', () => {
    render(
      <RoleGate state={ready(['member', 'secretary'])} retry={() => undefined} need='manager'>
        {(me) => <p>{me.isSecretary ? '本支部成员' : ''}</p>}
      </RoleGate>,
    )
    expect(screen.getByText('本支部成员')).toBeTruthy()
  })

  it('还没绑定：说清邀请码从哪来，给「输入邀请码绑定」，不给「重试」', () => {
    render(
      <RoleGate state={{ status: 'not-bound', error: { code: 'NOT_BOUND', message: '您的微信还没有绑定委员身份' } }} retry={() => undefined} need='member'>
        {() => <p>内容</p>}
      </RoleGate>,
    )
    expect(screen.getByText('绑定用的邀请码由政协办公室发放；如未收到，请与办公室联系。')).toBeTruthy()
    expect(screen.queryByText('重试')).toBeNull()
    expect(screen.queryByText('内容')).toBeNull()
    fireEvent.click(screen.getByText('输入邀请码绑定'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/account/bind/index' })
  })

  it('取身份时网络不通：可以重试', async () => {
    const retry = jest.fn()
    render(
      <RoleGate state={{ status: 'error', error: { code: 'CLIENT.NETWORK', message: '网络不给力，请检查网络后重试' } }} retry={retry} need='member'>
        {() => null}
      </RoleGate>,
    )
    fireEvent.click(screen.getByText('重试'))
    await waitFor(() => expect(retry).toHaveBeenCalled())
  })
})

describe('提交', () => {
  function Form({ send }: { send: () => Promise<Envelope<null>> }) {
    const { busy, error, run } = useSubmit()
    return (
      <>
        <Button busy={busy} onClick={() => void run(send)}>
          提交请假
        </Button>
        {error && <p role='alert'>{error.message}</p>}
      </>
    )
  }

  it('提交中再点不会重复发出；失败时显示服务器的提示', async () => {
    const reply = deferred<Envelope<null>>()
    const send = jest.fn(() => reply.promise)
    render(<Form send={send} />)
    fireEvent.click(screen.getByText('提交请假'))
    fireEvent.click(screen.getByText('正在提交…'))
    expect(send).toHaveBeenCalledTimes(1)
    reply.resolve({ ok: false, error: { code: 'CHECKIN.WINDOW_CLOSED', message: '活动已经开始，不能再请假' } })
    expect(await screen.findByRole('alert')).toBeTruthy()
    expect(screen.getByRole('alert').textContent).toBe('活动已经开始，不能再请假')
  })
})
