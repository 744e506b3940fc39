import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { UploadSource } from '../services/cloud'
import { Button } from './Button'
import './FilePicker.scss'

/** 选中的文件：名字、大小与要上传的内容（上传后凭 id 交给云函数） */
export interface ChosenFile {
  fileName: string
  size: number
  source: UploadSource
}

export interface FilePickerProps {
  label: string
  /** 接受的后缀（不带点），如 ['pdf', 'docx'] */
  extensions: readonly string[]
  disabled?: boolean
  onChosen: (file: ChosenFile) => void
}

/**
 * 唯一的选文件控件：H5 用浏览器的文件选择（外面是大按钮样式的 label），小程序用 chooseMessageFile（从聊天里选，
 * 办公室常把文件发到文件传输助手）。取消不回调。大小与类型由调用方提前提示，服务端取回文件后自己再查。
 * TARO_ENV 是构建常量，另一端的分支会被删掉。
 */
export function FilePicker({ label, extensions, disabled, onChosen }: FilePickerProps) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <View className='ui-file-pick'>
        <label
          className={
            disabled ? 'ui-btn ui-btn--primary ui-btn--block ui-btn--off ui-file-pick__label' : 'ui-btn ui-btn--primary ui-btn--block ui-file-pick__label'
          }
        >
          {label}
          <input
            className='ui-file-pick__input'
            type='file'
            accept={extensions.map((e) => `.${e}`).join(',')}
            aria-label={label}
            disabled={disabled}
            onChange={(e) => {
              const input = e.currentTarget
              const file = input.files?.[0]
              // 清空，以便改好同名文件后再选一次也能触发
              input.value = ''
              if (file) onChosen({ fileName: file.name, size: file.size, source: { name: file.name, size: file.size, blob: file } })
            }}
          />
        </label>
      </View>
    )
  }
  const choose = async () => {
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: [...extensions] })
      const f = res.tempFiles[0]
      if (f) onChosen({ fileName: f.name, size: f.size, source: { name: f.name, size: f.size, path: f.path } })
    } catch {
      // 取消选择
    }
  }
  return (
    <Button kind='primary' block off={disabled} onClick={() => !disabled && void choose()}>
      {label}
    </Button>
  )
}
