import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { RADIUS_CHOICES, type EventDraft } from './form'
import { Button } from '../../components/Button'
import { ChoiceChips } from '../../components/Chips'
import { Notice } from '../../components/Notice'
import '../../components/Field.scss'
import { PickerField as KitPickerField, type PickerFieldProps } from '../../components/PickerField'

/** 日期、时间选择在组件库里（办公室开设临时党支部也用它）；这里加上活动表单并排时的宽度 */
export function PickerField(props: Omit<PickerFieldProps, 'className'>) {
  return <KitPickerField {...props} className='edit-picker' />
}

/** 可选的位置校验：组织者在会场取一次位置作为会场；成员签到时只核对一次，不保存 */
export function LocationField({ value, onChange }: { value: EventDraft['geo']; onChange: (geo: EventDraft['geo']) => void }) {
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const takeHere = async () => {
    setBusy(true)
    setProblem(null)
    try {
      const res = await Taro.getLocation({ type: 'wgs84' })
      onChange({ lat: res.latitude, lng: res.longitude, radiusM: value?.radiusM ?? 500 })
    } catch {
      setProblem('没能取得位置。请在会场打开定位、允许获取位置后重试。')
    }
    setBusy(false)
  }
  return (
    <View className='ui-field'>
      <Text className='ui-field__label'>签到时确认在会场附近（可选）</Text>
      <Text className='ui-field__hint'>一般不需要。开启后，成员签到时手机核对一次位置，位置不保存。</Text>
      {value ? (
        <>
          <Text className='edit-geo'>
            会场位置：纬度 {value.lat.toFixed(5)}，经度 {value.lng.toFixed(5)}
          </Text>
          <ChoiceChips
            label='多远以内算在会场'
            options={RADIUS_CHOICES.map((r) => ({ value: String(r), label: `${r} 米` }))}
            value={String(value.radiusM)}
            onChange={(r) => onChange({ ...value, radiusM: Number(r) })}
          />
          <Button block onClick={() => onChange(null)}>
            不做位置确认
          </Button>
        </>
      ) : (
        <Button block onClick={() => !busy && void takeHere()}>
          {busy ? '正在取位置…' : '用我现在的位置作为会场'}
        </Button>
      )}
      {problem && <Notice kind='error'>{problem}</Notice>}
    </View>
  )
}
