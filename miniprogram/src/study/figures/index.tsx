/**
 * 必学完成情况：管理员看全部，书记看本支部（服务器按调用者的范围给数）。按支部与按人，可导出 XLSX。
 * 只有“读完了没有”，没有时长，也不排名次（按姓名排）。
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { CompletionReport } from '@tongxin/shared-types'
import { PageShell } from '../../components/PageShell'
import { Card, InfoRow } from '../../components/Card'
import { Button } from '../../components/Button'
import { ListRow } from '../../components/ListRow'
import { Notice } from '../../components/Notice'
import { LoadGate } from '../../components/PageState'
import { RoleGate } from '../../components/RoleGate'
import { useLoad } from '../../hooks/useLoad'
import { useMyRoles } from '../../hooks/useMyRoles'
import { useSubmit } from '../../hooks/useSubmit'
import { callFunction } from '../../services/cloud'
import { deliverSpreadsheet } from '../../services/download'
import { dayLabel } from '../../utils/time'
import '../styles/study.scss'

const rate = (finished: number, expected: number) => (expected === 0 ? '—' : `${Math.round((finished * 100) / expected)}%`)

function Report({ report }: { report: CompletionReport }) {
  const { busy, run } = useSubmit()
  const [outcome, setOutcome] = useState<{ kind: 'success' | 'error'; text: string } | null>(null)
  const a = report.assignment
  const exportFile = async () => {
    const res = await run(async () => ({
      ok: true as const,
      data: await deliverSpreadsheet(await callFunction('study', 'exportCompletion', { assignmentId: a.id })),
    }))
    if (res) setOutcome(res.data)
  }
  return (
    <View>
      <Card title={a.title} sub={`${dayLabel(a.dueAt)} 前 · ${a.audience.map((t) => t.name).join('、')}`}>
        <InfoRow label='应学' value={`${a.expected} 人`} />
        <InfoRow label='已读完' value={`${a.finished} 人（${rate(a.finished, a.expected)}）`} />
        <Button block busy={busy} busyText='正在导出…' onClick={() => void exportFile()}>
          导出 Excel
        </Button>
        {outcome && <Notice kind={outcome.kind}>{outcome.text}</Notice>}
      </Card>
      <Card title='按支部'>
        {report.branches.length === 0 && <Text className='ui-muted'>范围内没有支部的成员在学习对象里。</Text>}
        {report.branches.map((b) => (
          <InfoRow key={b.branchId ?? '-'} label={b.name} value={`${b.finished}/${b.expected} 人（${rate(b.finished, b.expected)}）`} divided />
        ))}
      </Card>
      <Card title='按人（按姓名排列）'>
        {report.people.length === 0 && <Text className='ui-muted'>范围内没有应学的人。</Text>}
        {report.people.map((p) => (
          <InfoRow key={p.memberId} label={p.branch ? `${p.name}（${p.branch}）` : p.name} value={p.finished ? '✓ 已读完' : '未读完'} divided />
        ))}
      </Card>
    </View>
  )
}

function Figures() {
  const list = useLoad(() => callFunction('study', 'assignments'), [])
  const [picked, setPicked] = useState<string | null>(null)
  const report = useLoad(picked ? () => callFunction('study', 'completion', { assignmentId: picked }) : null, [picked])
  return (
    <View>
      <LoadGate
        state={list.state}
        what='必学篇目'
        onRetry={list.reload}
        isEmpty={(d) => d.length === 0}
        empty={{ message: '还没有布置必学篇目', next: '政协办公室在“管理学习材料”里布置' }}
      >
        {(items) => (
          <Card title='必学篇目'>
            {items.map((a) => (
              <ListRow
                key={a.id}
                title={a.title}
                desc={`${dayLabel(a.dueAt)} 前 · 已读完 ${a.finished}/${a.expected} 人`}
                trailing={picked === a.id ? '✓ 查看中' : '查看 ›'}
                trailingOn={picked === a.id}
                onClick={() => setPicked(a.id)}
              />
            ))}
          </Card>
        )}
      </LoadGate>
      {picked && (
        <LoadGate state={report.state} what='完成情况' onRetry={report.reload}>
          {(r) => <Report report={r} />}
        </LoadGate>
      )}
    </View>
  )
}

export default function StudyFiguresPage() {
  const { state, retry } = useMyRoles()
  return (
    <PageShell>
      <View className='ui-head'>
        <Text className='ui-head__title'>必学完成情况</Text>
        <Text className='ui-head__sub'>只统计是否读完，不记时长、不排名次</Text>
      </View>
      <RoleGate state={state} retry={retry} need='manager'>
        {() => <Figures />}
      </RoleGate>
    </PageShell>
  )
}
