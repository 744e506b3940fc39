import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { TodoItem, TodoList as Todos } from '@tongxin/shared-types'
import { Button, ButtonRow } from '../../components/Button'
import { ListRow } from '../../components/ListRow'
import { Notice } from '../../components/Notice'
import { LoadStatus, StateText } from '../../components/PageState'
import type { Loaded } from '../../hooks/useLoad'
import { useSubmit } from '../../hooks/useSubmit'
import { callFunction } from '../../services/cloud'

export interface TodoListProps {
  todos: Loaded<Todos>
  /** 办完一件（审批、知道了）后：重取待办 */
  onChanged: () => void
}

const ACTION: Record<TodoItem['kind'], string> = {
  checkin: '去签到 ›',
  attend: '查看 ›',
  decideLeave: '去名单 ›',
  answerAppeal: '去答复 ›',
  notice: '查看 ›',
  answerCosign: '去确认 ›',
  rateReply: '去评价 ›',
  study: '去学习 ›',
}

/** 请假：在首页直接批准或不批准（需要写答复的，点进名单里审批） */
function LeaveActions({ item, onDone }: { item: TodoItem; onDone: () => void }) {
  const submit = useSubmit()
  const decide = async (approve: boolean) => {
    const done = await submit.run(() => callFunction('event', 'decideLeave', { leaveId: item.leaveId!, approve, answer: '' }))
    if (done) onDone()
  }
  return (
    <>
      {submit.error && <Notice kind='error'>{submit.error.message}</Notice>}
      <ButtonRow>
        <Button kind='primary' off={submit.busy} onClick={() => void decide(true)} ariaLabel={`批准${item.title.replace('请假待审批：', '')}的请假`}>
          批准
        </Button>
        <Button off={submit.busy} onClick={() => void decide(false)}>
          不批准
        </Button>
      </ButtonRow>
    </>
  )
}

/**
 * 首页的待办：最急的在前（服务器排好）。点一项去办它的页面；请假可就地审批；通知点「知道了」。
 * 事情办完了（不论谁办的），重取后它就不在了。
 */
export function TodoList({ todos, onChanged }: TodoListProps) {
  const open = (item: TodoItem) => {
    if (item.noticeId) void callFunction('event', 'markRead', { ids: [item.noticeId] })
    void Taro.navigateTo({ url: item.link })
  }
  const read = async (item: TodoItem) => {
    await callFunction('event', 'markRead', { ids: [item.noticeId!] })
    onChanged()
  }
  const items = todos.data?.items ?? []
  return (
    <View className='home-section home-todos'>
      <View className='home-section__head'>
        <Text className='home-section__title'>待办{items.length ? `（${items.length}）` : ''}</Text>
      </View>
      <LoadStatus loaded={todos} what='待办' />
      {todos.data && items.length === 0 && <StateText>今天没有待办</StateText>}
      {items.map((item) => (
        <View key={item.id} className='home-card todo-item' data-todo={item.kind}>
          <ListRow title={item.title} desc={item.detail} trailing={ACTION[item.kind]} onClick={() => open(item)} />
          {item.kind === 'decideLeave' && item.leaveId && <LeaveActions item={item} onDone={onChanged} />}
          {item.kind === 'notice' && (
            <ButtonRow>
              <Button onClick={() => void read(item)}>知道了</Button>
            </ButtonRow>
          )}
        </View>
      ))}
    </View>
  )
}
