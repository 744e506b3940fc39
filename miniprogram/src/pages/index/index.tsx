import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useLoad } from '../../hooks/useLoad'
import { PageShell } from '../../components/PageShell'
import { Button } from '../../components/Button'
import { ElderModeSwitch } from '../../components/ElderModeSwitch'
import { ListRow } from '../../components/ListRow'
import { Notice } from '../../components/Notice'
import { ErrorState, NeedsIdentity } from '../../components/PageState'
import { NotBound } from '../../components/RoleGate'
import { useMyRoles, type MyRolesState } from '../../hooks/useMyRoles'
import { CameraDenied } from '../checkin/CameraDenied'
import { scanOnce } from '../checkin/scan'
import { callFunction } from '../../services/cloud'
import { settledCall } from '../../services/preloaded'
import { flushPendingScans, onReconnect, pendingScans, tokenFromScan, type FlushReport } from '../checkin/client'
import { EventList } from './EventList'
import { TodoList } from './TodoList'
import { PendingBanner } from './PendingBanner'
import { EVENT_PAGES } from './myStatus'
import './index.scss'

const SCAN_IN_BROWSER = '浏览器里不能扫码。请点开下面的活动，输入会场大屏上的六位数字码签到。'

/** 扫码时遇到的问题：一句话，或没有相机权限（要告诉本人怎么打开） */
type ScanProblem = { kind: 'text'; text: string } | { kind: 'camera-denied' }

/** 首页的「扫码签到」：扫到码就去签到页（签到页负责提交与显示结果） */
async function scanToCheckIn(report: (problem: ScanProblem | null) => void) {
  report(null)
  if (process.env.TARO_ENV !== 'weapp') return report({ kind: 'text', text: SCAN_IN_BROWSER })
  const attempt = await scanOnce()
  if (attempt.kind === 'cancelled') return // 本人取消了扫码
  if (attempt.kind === 'camera-denied') return report({ kind: 'camera-denied' })
  const token = tokenFromScan(attempt.text)
  if (!token) return report({ kind: 'text', text: '这不是签到码。请扫会场大屏幕上的二维码。' })
  void Taro.navigateTo({ url: `/pages/checkin/index?scene=${encodeURIComponent(token)}` })
}

function ProfileNotice({ state, retry }: { state: MyRolesState; retry: () => void }) {
  switch (state.status) {
    case 'needs-identity':
      return <NeedsIdentity />
    case 'not-bound':
      return <NotBound error={state.error} />
    case 'error':
      return <ErrorState error={state.error} onRetry={retry} />
    default:
      return null
  }
}

export default function IndexPage() {
  const { state: profileState, retry: retryProfile } = useMyRoles({ fresh: true })
  const profile = profileState.status === 'ready' ? profileState.me.profile : null
  const ready = profile !== null
  const [includePast, setIncludePast] = useState(false)
  // 活动与待办和本人资料同时取，不等资料回来再发，资料到了也不重取（慢网上省一个来回，见 ui.h5_first_content_ms）；
  // 换演示身份时 useLoad 自己重取；绑定成功后绑定页 reLaunch，首页重新挂载；未绑定时这两块本就不显示
  // index.html 预先发出的这三个请求若在第一次渲染前已回来，第一次渲染就画内容（settledCall）
  const events = useLoad(
    () => callFunction('event', 'upcoming', { includePast }),
    [includePast],
    () => settledCall('event', 'upcoming', { includePast }),
  )
  // 待办：最急的在前；请假待批、申诉待答复、该签到的会、扣分与答复的通知都在这里
  const todos = useLoad(
    () => callFunction('home', 'todos'),
    [],
    () => settledCall('home', 'todos'),
  )
  const [scanProblem, setScanProblem] = useState<ScanProblem | null>(null)
  const [pending, setPending] = useState({ count: 0, settled: [] as FlushReport['settled'], busy: false })

  const { reload: reloadEvents } = events
  const { reload: reloadTodos } = todos
  const loadAll = useCallback(() => {
    reloadEvents()
    reloadTodos()
  }, [reloadEvents, reloadTodos])

  // 断网时记下的扫码：进入首页、回到首页、网络恢复时都补交一次
  const flush = useCallback(async () => {
    if (pendingScans().length === 0) return setPending((p) => ({ ...p, count: 0 }))
    setPending((p) => ({ ...p, busy: true }))
    const report = await flushPendingScans()
    setPending((p) => ({ count: report.remaining, busy: false, settled: report.settled.length ? report.settled : p.settled }))
    if (report.settled.length) loadAll()
  }, [loadAll])

  useEffect(() => {
    if (ready) void flush()
  }, [ready, profile?.id, flush])

  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current && ready) {
      loadAll()
      void flush()
    }
    shown.current = true
  })
  useEffect(() => (ready ? onReconnect(() => void flush()) : undefined), [ready, flush])

  const organiser = profile?.roles.some((r) => r === 'admin' || r === 'secretary') ?? false
  const pendingLeaves = (todos.data?.eventBadges ?? []).reduce((n, b) => n + b.pendingLeaves, 0)
  return (
    <PageShell>
      <View className='home__greeting'>
        <Text>{profile ? `${profile.name}，您好！` : '您好！'}欢迎使用同心圆。</Text>
      </View>
      <View className='home__elder'>
        <ElderModeSwitch />
      </View>
      <ProfileNotice state={profileState} retry={retryProfile} />

      <View className='home-scan'>
        <Button kind='primary' size='big' block className='home-scan__btn' onClick={() => void scanToCheckIn(setScanProblem)}>
          扫码签到
        </Button>
        <Text className='home-scan__hint'>到会场后，扫大屏幕上的二维码即可签到</Text>
        {scanProblem?.kind === 'text' && <Notice kind='error'>{scanProblem.text}</Notice>}
        {scanProblem?.kind === 'camera-denied' && <CameraDenied onAllowed={() => void scanToCheckIn(setScanProblem)} />}
      </View>

      {ready && <PendingBanner pending={pending.count} settled={pending.settled} busy={pending.busy} onRetry={() => void flush()} />}
      {ready && <TodoList todos={todos} onChanged={loadAll} />}
      {ready && (
        <EventList
          events={events.data}
          loading={events.loading}
          error={events.error}
          includePast={includePast}
          onTogglePast={() => setIncludePast(!includePast)}
          onRetry={reloadEvents}
        />
      )}
      {organiser && (
        <View className='home-organise'>
          <ListRow
            title='组织活动'
            desc='新建活动、签到大屏、签到名单'
            trailing={pendingLeaves ? `${pendingLeaves} 条请假待批 ›` : '进入 ›'}
            trailingOn={pendingLeaves > 0}
            onClick={() => void Taro.navigateTo({ url: EVENT_PAGES.manage })}
          />
        </View>
      )}
    </PageShell>
  )
}
