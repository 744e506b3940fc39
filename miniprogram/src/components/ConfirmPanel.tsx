import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, ButtonRow } from './Button'
import { TextField } from './Field'
import { Notice } from './Notice'
import './ConfirmPanel.scss'

export interface ConfirmPanelProps {
  title: string
  /** 会发生什么，一两句 */
  message: string
  confirmLabel: string
  /** 需要填写原因时给出标签，如「退出原因」 */
  reasonLabel?: string
  busy?: boolean
  error?: string | null
  onConfirm: (reason: string) => void
  onCancel: () => void
}

/** 就地确认危险操作（退出、解除绑定、撤销支部、取消活动）：写明后果，原因至少两个字 */
export function ConfirmPanel({ title, message, confirmLabel, reasonLabel, busy, error, onConfirm, onCancel }: ConfirmPanelProps) {
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const submit = () => {
    if (reasonLabel && reason.trim().length < 2) {
      setProblem(`请填写${reasonLabel}（至少两个字）`)
      return
    }
    setProblem(null)
    onConfirm(reason.trim())
  }
  return (
    <View className='ui-confirm'>
      <Text className='ui-confirm__title'>{title}</Text>
      <Text className='ui-confirm__message'>{message}</Text>
      {reasonLabel && <TextField label={reasonLabel} value={reason} onChange={setReason} maxlength={200} placeholder='至少两个字' />}
      {(problem || error) && <Notice kind='error'>{problem ?? error}</Notice>}
      <ButtonRow>
        <Button kind='danger' className='ui-confirm__go' busy={busy} onClick={submit}>
          {confirmLabel}
        </Button>
        <Button off={busy} onClick={onCancel}>
          取消
        </Button>
      </ButtonRow>
    </View>
  )
}
