import { View } from '@tarojs/components'
import { Button } from './Button'
import { TextField } from './Field'

/**
 * 搜索框：输入框下面一个占满一行的按钮，键盘上的“搜索”与按钮做同一件事。
 * 字由调用方保管（value / onChange），按下时把去掉首尾空白的字交给 onSearch。
 */
export function SearchField({
  label,
  value,
  onChange,
  onSearch,
  placeholder,
  maxlength = 30,
  action = '搜索',
  busy,
}: {
  label: string
  value: string
  onChange: (value: string) => void
  onSearch: (q: string) => void
  placeholder?: string
  maxlength?: number
  /** 按钮上的字：搜索 / 查找 */
  action?: string
  /** 正在查找：按钮失效，免得连按 */
  busy?: boolean
}) {
  const search = () => onSearch(value.trim())
  return (
    <View>
      <TextField label={label} value={value} onChange={onChange} placeholder={placeholder} maxlength={maxlength} confirmType='search' onConfirm={search} />
      <Button block off={busy} onClick={search}>
        {action}
      </Button>
    </View>
  )
}
