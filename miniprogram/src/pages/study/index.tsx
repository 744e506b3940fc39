import { ComingSoon } from '../../components/ComingSoon'
import { PageShell } from '../../components/PageShell'

export default function StudyPage() {
  return (
    <PageShell>
      <ComingSoon
        title='学习'
        summary='这里将提供办公室下发的学习材料，以及各类学习活动的安排。'
        features={['学习材料（文件、讲话、读本）', '政协讲堂、书香政协等学习活动', '撰写与查看学习心得']}
      />
    </PageShell>
  )
}
