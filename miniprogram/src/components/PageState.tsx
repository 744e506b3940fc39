import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { Loaded, LoadState } from '../hooks/useLoad'
import { isRetryable, refusalAdvice, type LoadError } from '../services/refusal'
import { Button } from './Button'
import './PageState.scss'

export interface SkeletonProps {
  /** 正在加载什么，如「您的积分」：读屏念“正在加载您的积分” */
  what: string
  /** 灰条的行数 */
  lines?: number
}

/** 骨架屏：内容到来之前先占住位置，页面不跳 */
export function Skeleton({ what, lines = 3 }: SkeletonProps) {
  return (
    <View className='ui-skeleton' role='status' aria-busy='true' aria-label={`正在加载${what}`}>
      <View className='ui-skeleton__bar ui-skeleton__bar--title' />
      {Array.from({ length: lines }, (_, i) => (
        <View key={i} className='ui-skeleton__bar' />
      ))}
      <Text className='ui-skeleton__text'>正在加载{what}…</Text>
    </View>
  )
}

export interface StateAction {
  label: string
  onClick: () => void
}

export interface EmptyStateProps {
  /** 没有什么，如「近期没有需要您参加的活动」 */
  message: string
  /** 接下来可以做什么，如「新活动发布后会出现在这里」 */
  next: string
  /** 可以直接去做的那一下（可选） */
  action?: StateAction
}

/** 空状态：说清楚没有什么，以及下一步该做什么 */
export function EmptyState({ message, next, action }: EmptyStateProps) {
  return (
    <View className='ui-state ui-state--empty' role='status'>
      <Text className='ui-state__title'>{message}</Text>
      <Text className='ui-state__next'>{next}</Text>
      {action && (
        <Button kind='primary' block onClick={action.onClick}>
          {action.label}
        </Button>
      )}
    </View>
  )
}

export interface ErrorStateProps {
  error: LoadError
  /** 重试（只在网络、服务器忙这类可重试的失败时显示） */
  onRetry?: () => void
  /** 被拒绝时，谁能办、该找谁（不给则按错误码给一句通用的） */
  refusal?: string
  /** 被拒绝时可以去做的那一下（如「输入邀请码绑定」） */
  action?: StateAction
}

/**
 * 出错：网络不通、服务器忙时给「重试」；被拒绝（没有权限、未绑定、不存在……）再点也一样，
 * 不给「重试」，改说谁能办、该找谁。
 */
export function ErrorState({ error, onRetry, refusal, action }: ErrorStateProps) {
  const retryable = isRetryable(error.code)
  return (
    <View className={retryable ? 'ui-state ui-state--error' : 'ui-state ui-state--refused'} data-code={error.code}>
      <View className='ui-state__title' role='alert'>
        {error.message}
      </View>
      {retryable ? (
        onRetry && (
          <Button kind='primary' block onClick={onRetry}>
            重试
          </Button>
        )
      ) : (
        <>
          <Text className='ui-state__next'>{refusal ?? refusalAdvice(error.code)}</Text>
          {action && (
            <Button kind='primary' block onClick={action.onClick}>
              {action.label}
            </Button>
          )}
        </>
      )}
    </View>
  )
}

/** 本地模式下还没选演示身份 */
export function NeedsIdentity() {
  return (
    <View className='ui-state' role='status'>
      <Text className='ui-state__title'>请先在页面顶部选择一个演示身份。</Text>
    </View>
  )
}

export interface StateTextProps {
  children: ReactNode
}

/** 页面还没准备好时的一句话（需要身份、没有这项功能） */
export function StateText({ children }: StateTextProps) {
  return (
    <View className='ui-state' role='status'>
      <Text className='ui-state__title'>{children}</Text>
    </View>
  )
}

export interface LoadStatusProps {
  /** useLoad 的结果 */
  loaded: Pick<Loaded<unknown>, 'data' | 'loading' | 'error' | 'reload'>
  /** 正在加载什么 */
  what: string
  /** 被拒绝时谁能办 */
  refusal?: string
  lines?: number
}

/**
 * 列表页的加载状态：还没有数据时画骨架屏；出错时画错误（可重试或被拒绝）。
 * 已有数据时什么也不画，由页面照常画数据（重取失败则在数据上方说明）。
 */
export function LoadStatus({ loaded, what, refusal, lines }: LoadStatusProps) {
  if (loaded.error) return <ErrorState error={loaded.error} onRetry={loaded.reload} refusal={refusal} />
  if (loaded.data === null && loaded.loading) return <Skeleton what={what} lines={lines} />
  return null
}

export interface NotReadyProps {
  /** useLoad 的状态（还没有数据的三种） */
  state: Exclude<LoadState<unknown>, { status: 'ready' }>
  what: string
  onRetry?: () => void
  /** 被拒绝时谁能办 */
  refusal?: string
  lines?: number
}

/** 数据还没到手时的样子：骨架屏、需要身份、出错（可重试或被拒绝） */
export function NotReady({ state, what, onRetry, refusal, lines }: NotReadyProps) {
  switch (state.status) {
    case 'loading':
      return <Skeleton what={what} lines={lines} />
    case 'needs-identity':
      return <NeedsIdentity />
    case 'error':
      return <ErrorState error={state.error} onRetry={onRetry} refusal={refusal} />
  }
}

export interface LoadGateProps<T> {
  state: LoadState<T>
  /** 正在加载什么（骨架屏念的） */
  what: string
  onRetry?: () => void
  /** 被拒绝时谁能办 */
  refusal?: string
  /** 数据是否算“空”；空时画 empty */
  isEmpty?: (data: T) => boolean
  empty?: EmptyStateProps
  /** 骨架屏的行数 */
  lines?: number
  children: (data: T) => ReactNode
}

/** 一份数据的四种样子：骨架屏 → 内容 / 空状态 / 出错（可重试或被拒绝） */
export function LoadGate<T>({ state, what, onRetry, refusal, isEmpty, empty, lines, children }: LoadGateProps<T>) {
  switch (state.status) {
    case 'loading':
      return <Skeleton what={what} lines={lines} />
    case 'needs-identity':
      return <NeedsIdentity />
    case 'error':
      return <ErrorState error={state.error} onRetry={onRetry} refusal={refusal} />
    case 'ready':
      return empty && isEmpty?.(state.data) ? <EmptyState {...empty} /> : <>{children(state.data)}</>
  }
}
