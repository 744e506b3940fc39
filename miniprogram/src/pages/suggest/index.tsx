import { ComingSoon } from '../../components/ComingSoon'
import { PageShell } from '../../components/PageShell'

export default function SuggestPage() {
  return (
    <PageShell>
      <ComingSoon
        title='建言'
        summary='这里将可以提交提案、社情民意信息和意见建议，并随时查看办理进度与答复。'
        features={['提交提案，邀请委员联名', '报送社情民意信息', '查看办理进度与答复，并作出评价', '投诉建议']}
      />
    </PageShell>
  )
}
