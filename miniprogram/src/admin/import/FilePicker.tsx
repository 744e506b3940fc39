import { FilePicker as KitFilePicker } from '../../components/FilePicker'
import { MAX_FILE_BYTES, checkFile, type PickResult } from './pickFile'

export interface FilePickerProps {
  label: string
  disabled?: boolean
  onPicked: (result: PickResult) => void
}

/** 选名册表格：用组件库的选文件控件，选好后先按后缀与大小提前提示 */
export function FilePicker({ label, disabled, onPicked }: FilePickerProps) {
  return (
    <KitFilePicker
      label={label}
      extensions={['xlsx', 'csv']}
      disabled={disabled}
      onChosen={(file) => {
        const problem = checkFile(file.fileName, file.size, MAX_FILE_BYTES)
        onPicked(problem ? { ok: false, message: problem } : { ok: true, file })
      }}
    />
  )
}
