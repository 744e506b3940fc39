import { Text, View } from '@tarojs/components'
import type { SuggestionStepView } from '@tongxin/shared-types/src/suggestions'
import { Card } from '../../components/Card'
import { formatDateTime } from '../../utils/time'

/** 办理的每一步：何时、谁、做了什么（只追加的历史） */
export function Timeline({ steps }: { steps: SuggestionStepView[] }) {
  return (
    <Card title='办理经过'>
      {steps.map((s, i) => (
        <View key={i} className='ui-info ui-info--divided'>
          <Text className='ui-info__label'>{formatDateTime(s.at)}</Text>
          <Text className='ui-info__value'>
            {s.actorName} {s.label}
            {s.note ? `：${s.note}` : ''}
          </Text>
        </View>
      ))}
    </Card>
  )
}
