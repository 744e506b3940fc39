import type { MyEventView } from '@tongxin/shared-types'
import { callFunction } from '../../services/cloud'
import { NoteEditor } from '../../components/NoteEditor'

/** 学习心得：参加了的活动开始后可写，可反复修改 */
export function NoteCard({ event }: { event: MyEventView }) {
  return (
    <NoteEditor
      note={event.myNote}
      placeholder='写下这次学习的收获和体会'
      save={(content) => callFunction('event', 'writeNote', { eventId: event.id, content })}
    />
  )
}
