import { useAppStore } from '../store'
import { ListRow } from './ListRow'

export interface ElderModeSwitchProps {
  className?: string
}

/** 大字模式开关：整行可点，状态用文字写明（不只靠颜色）；放在「我的」最上面与首页顶部，不用往下翻 */
export function ElderModeSwitch({ className }: ElderModeSwitchProps) {
  const elderMode = useAppStore((s) => s.elderMode)
  const setElderMode = useAppStore((s) => s.setElderMode)
  return (
    <ListRow
      className={className}
      title='大字模式'
      desc='字更大，按钮更大'
      trailing={elderMode ? '已开启' : '已关闭'}
      trailingOn={elderMode}
      pressed={elderMode}
      onClick={() => setElderMode(!elderMode)}
    />
  )
}
