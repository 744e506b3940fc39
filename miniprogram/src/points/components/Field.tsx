import { Input, Text, Textarea, View } from '@tarojs/components'

export interface FieldProps {
  /** 字段名，也作为读屏的标签 */
  label: string
  value: string
  onChange: (value: string) => void
  /** 输入框下方的说明，如分值范围 */
  hint?: string
  placeholder?: string
  /** 多行（原因、答复） */
  multiline?: boolean
  /** 小程序输入框默认只收 140 字，这里总写明 */
  maxLength?: number
  /** 只有非负整数时用数字键盘；微信的数字键盘没有负号，可为负的数用文本 */
  type?: 'text' | 'number'
}

/** 带标签与说明的输入框 */
export function Field({ label, value, onChange, hint, placeholder, multiline, maxLength = 200, type = 'text' }: FieldProps) {
  return (
    <View className='pt-field'>
      <Text className='pt-field__label'>{label}</Text>
      {multiline ? (
        <Textarea
          className='pt-field__textarea'
          aria-label={label}
          value={value}
          placeholder={placeholder}
          maxlength={maxLength}
          onInput={(e) => onChange(e.detail.value)}
        />
      ) : (
        <Input
          className='pt-field__input'
          aria-label={label}
          type={type}
          value={value}
          placeholder={placeholder}
          maxlength={maxLength}
          onInput={(e) => onChange(e.detail.value)}
        />
      )}
      {hint && <Text className='pt-field__hint'>{hint}</Text>}
    </View>
  )
}
