import { View } from '@tarojs/components'
import { pickWeappFile, readBrowserFile, type PickResult } from './pickFile'
import { Button } from '../../components/Button'

export interface FilePickerProps {
  label: string
  disabled?: boolean
  onPicked: (result: PickResult) => void
}

/**
 * 选文件：H5 用浏览器的文件选择（外面是大按钮样式的 label），小程序用 chooseMessageFile。
 * TARO_ENV 是构建常量，另一端的分支会被删掉。
 */
export function FilePicker({ label, disabled, onPicked }: FilePickerProps) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <View className='file-pick'>
        <label
          className={disabled ? 'ui-btn ui-btn--primary ui-btn--block ui-btn--off file-pick__label' : 'ui-btn ui-btn--primary ui-btn--block file-pick__label'}
        >
          {label}
          <input
            className='file-pick__input'
            type='file'
            accept='.xlsx,.csv'
            aria-label={label}
            disabled={disabled}
            onChange={(e) => {
              const input = e.currentTarget
              const file = input.files?.[0]
              // 清空，以便改好同名文件后再选一次也能触发
              input.value = ''
              if (file) void readBrowserFile(file).then(onPicked)
            }}
          />
        </label>
      </View>
    )
  }
  return (
    <Button kind='primary' block off={disabled} onClick={() => !disabled && void pickWeappFile().then(onPicked)}>
      {label}
    </Button>
  )
}
