import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { PointsVisibility } from '@tongxin/shared-types'
import { VISIBILITY_LABELS, VISIBILITY_OPTIONS } from '@tongxin/shared-types/src/points'
import { callFunction } from '../../services/cloud'
import { RANKING_NOTE } from '../shared/texts'
import { useLoad } from '../../hooks/useLoad'
import { useSubmit } from '../../hooks/useSubmit'
import { Button } from '../../components/Button'
import { ChoiceChips } from '../../components/Chips'
import { NotReady } from '../../components/PageState'
import { Notice } from '../../components/Notice'
import '../../components/Card.scss'

/**
 * 他人积分的可见范围。没有单独读取设置的接口：管理员总能调 overview，它带回当前的 visibility。
 */
export function VisibilitySetting() {
  const current = useLoad(() => callFunction('points', 'overview'), ['visibility'])
  const [choice, setChoice] = useState<PointsVisibility | null>(null)
  const [saved, setSaved] = useState<PointsVisibility | null>(null)
  const [justSaved, setJustSaved] = useState(false)
  const { busy, error, run } = useSubmit()

  useEffect(() => {
    if (current.state.status === 'ready') {
      setSaved(current.state.data.visibility)
      setChoice(current.state.data.visibility)
    }
  }, [current.state])

  async function save() {
    if (!choice) return
    const done = await run(() => callFunction('points', 'setVisibility', { visibility: choice }))
    if (!done) return
    setSaved(done.data.visibility)
    setJustSaved(true)
  }

  return (
    <View className='ui-card'>
      <Text className='ui-card__title'>他人积分的可见范围</Text>
      <Text className='ui-card__sub'>{RANKING_NOTE}管理员始终可以查看，用于月通报和年述评。</Text>
      {current.state.status !== 'ready' ? (
        <NotReady state={current.state} what='当前设置' onRetry={current.reload} />
      ) : (
        <View>
          <ChoiceChips
            layout='stack'
            options={VISIBILITY_OPTIONS.map((v) => ({ value: v, label: VISIBILITY_LABELS[v] }))}
            value={choice}
            onChange={(v) => {
              setChoice(v)
              setJustSaved(false)
            }}
          />
          {saved && justSaved && <Notice kind='success'>已保存。当前生效：{VISIBILITY_LABELS[saved]}</Notice>}
          {saved && !justSaved && <Text className='ui-card__sub'>当前生效：{VISIBILITY_LABELS[saved]}</Text>}
          {error && <Notice kind='error'>{error.message}</Notice>}
          {choice !== saved && (
            <Button kind='primary' block busy={busy} busyText='正在保存…' onClick={save}>
              保存可见范围
            </Button>
          )}
        </View>
      )}
    </View>
  )
}
