/**
 * 学习测试：开放中的测试 → 作答（题目开始时抽定，刷新不变）→ 交卷后看得分与每题的答案、解析。
 * 答案与解析只在交卷后由服务器给出；不计答题用时。
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { AttemptResult, AttemptView, MyQuizView, WrongQuestion } from '@tongxin/shared-types'
import { QUESTION_KIND_LABELS } from '@tongxin/shared-types/src/study'
import { PageShell } from '../../components/PageShell'
import { Card, InfoRow } from '../../components/Card'
import { Button } from '../../components/Button'
import { ChoiceChips, MultiChips } from '../../components/Chips'
import { ListRow } from '../../components/ListRow'
import { Notice } from '../../components/Notice'
import { LoadGate } from '../../components/PageState'
import { useLoad } from '../../hooks/useLoad'
import { useSubmit } from '../../hooks/useSubmit'
import { callFunction } from '../../services/cloud'
import { dayLabel } from '../../utils/time'
import '../styles/study.scss'

const letter = (i: number) => String.fromCharCode(65 + i)
const optionsOf = (options: string[]) => options.map((o, i) => ({ value: String(i), label: `${letter(i)}. ${o}` }))

function Attempt({ attempt, onDone }: { attempt: AttemptView; onDone: (r: AttemptResult) => void }) {
  const [chosen, setChosen] = useState<Record<string, string[]>>({})
  const { busy, error, run, fail } = useSubmit()
  const submit = async () => {
    const missing = attempt.questions.filter((q) => !(chosen[q.id]?.length > 0)).length
    if (missing > 0) return fail(`还有 ${missing} 题没有作答`)
    const answers = attempt.questions.map((q) => ({ questionId: q.id, choice: (chosen[q.id] ?? []).map(Number) }))
    const res = await run(() => callFunction('study', 'submitAttempt', { attemptId: attempt.attemptId, answers }))
    if (res) onDone(res.data)
  }
  return (
    <View>
      <Card title={attempt.title} sub={`第 ${attempt.attemptNo} 次作答（共可答 ${attempt.maxAttempts} 次），每次只能交一次卷`} />
      {attempt.questions.map((q, i) => (
        <Card key={q.id} title={`${i + 1}. ${QUESTION_KIND_LABELS[q.kind]}`}>
          <Text className='st-line'>{q.stem}</Text>
          {q.kind === 'multiple' ? (
            <MultiChips
              label={`第 ${i + 1} 题（可多选）`}
              options={optionsOf(q.options)}
              values={chosen[q.id] ?? []}
              onChange={(v) => setChosen({ ...chosen, [q.id]: v })}
            />
          ) : (
            <ChoiceChips
              label={`第 ${i + 1} 题`}
              options={optionsOf(q.options)}
              value={chosen[q.id]?.[0] ?? null}
              onChange={(v) => setChosen({ ...chosen, [q.id]: [v] })}
              layout='stack'
            />
          )}
        </Card>
      ))}
      {error && <Notice kind='error'>{error.message}</Notice>}
      <Button kind='primary' size='big' block busy={busy} busyText='正在交卷…' onClick={() => void submit()}>
        交卷
      </Button>
    </View>
  )
}

function Result({ result, onBack }: { result: AttemptResult; onBack: () => void }) {
  return (
    <View>
      <Card title={result.passed ? '✓ 通过' : '未通过'}>
        <InfoRow label='得分' value={`${result.score} 分（及格 ${result.passScore} 分）`} />
        <InfoRow label='答对' value={`${result.correct}/${result.total} 题`} />
        {result.points ? <InfoRow label='积分' value={`履职积分 +${result.points}`} /> : null}
        {!result.passed && <Text className='ui-muted'>{result.attemptsLeft > 0 ? `还可以再答 ${result.attemptsLeft} 次。` : '作答次数已用完。'}</Text>}
        <Button block onClick={onBack}>
          返回测试列表
        </Button>
      </Card>
      {result.questions.map((q, i) => (
        <Card key={q.id} title={`${i + 1}. ${q.correct ? '✓ 答对' : '✗ 答错'}`}>
          <Text className='st-line'>{q.stem}</Text>
          <Text className='st-line'>
            您的答案：{q.chosen.length ? q.chosen.map(letter).join('、') : '未答'}；正确答案：{q.answer.map(letter).join('、')}
          </Text>
          {q.explanation && <Text className='st-line'>{q.explanation}</Text>}
        </Card>
      ))}
    </View>
  )
}

/** 错题本里的一题：先自己选，点“核对”再看答案与解析（这些在交卷后已经给过本人） */
function Practice({ q, n }: { q: WrongQuestion; n: number }) {
  const [chosen, setChosen] = useState<string[]>([])
  const [checked, setChecked] = useState(false)
  const right = checked && chosen.length === q.answer.length && q.answer.every((i) => chosen.includes(String(i)))
  return (
    <Card title={`${n}. ${QUESTION_KIND_LABELS[q.kind]}`} sub={`来自「${q.quizTitle}」`}>
      <Text className='st-line'>{q.stem}</Text>
      {q.kind === 'multiple' ? (
        <MultiChips label={`练习第 ${n} 题（可多选）`} options={optionsOf(q.options)} values={chosen} onChange={setChosen} />
      ) : (
        <ChoiceChips label={`练习第 ${n} 题`} options={optionsOf(q.options)} value={chosen[0] ?? null} onChange={(v) => setChosen([v])} layout='stack' />
      )}
      {checked ? (
        <View>
          <Text className='st-line'>{right ? '✓ 答对了' : `✗ 正确答案：${q.answer.map(letter).join('、')}`}</Text>
          {q.explanation && <Text className='st-line'>{q.explanation}</Text>}
        </View>
      ) : (
        <Button block off={chosen.length === 0} onClick={() => chosen.length > 0 && setChecked(true)}>
          核对
        </Button>
      )}
    </Card>
  )
}

function WrongBook({ onBack }: { onBack: () => void }) {
  const { state, reload } = useLoad(() => callFunction('study', 'wrongBook'), [])
  return (
    <View>
      <Button block onClick={onBack}>
        返回测试列表
      </Button>
      <LoadGate
        state={state}
        what='错题本'
        onRetry={reload}
        isEmpty={(d) => d.length === 0}
        empty={{ message: '错题本是空的', next: '测试里答错的题会记在这里，下次答对就消失' }}
      >
        {(items) => (
          <View>
            {items.map((q, i) => (
              <Practice key={q.id} q={q} n={i + 1} />
            ))}
          </View>
        )}
      </LoadGate>
    </View>
  )
}

function Quizzes({ onStart, busy }: { onStart: (q: MyQuizView) => void; busy: boolean }) {
  const { state, reload } = useLoad(() => callFunction('study', 'myQuizzes'), [])
  return (
    <LoadGate
      state={state}
      what='学习测试'
      onRetry={reload}
      isEmpty={(d) => d.length === 0}
      empty={{ message: '现在没有您可以参加的学习测试', next: '办公室组织测试后会出现在这里' }}
    >
      {(items) => (
        <Card title='开放中的测试'>
          {items.map((q) => {
            const left = q.maxAttempts - q.attemptsUsed
            const status = q.passed
              ? `已通过（最好 ${q.bestScore} 分）`
              : q.bestScore !== null
                ? `最好 ${q.bestScore} 分，及格 ${q.passScore} 分`
                : `${q.questionCount} 题，及格 ${q.passScore} 分`
            const can = q.openAttemptId !== null || left > 0
            return (
              <ListRow
                key={q.id}
                title={q.title}
                desc={`${status} · 还可答 ${Math.max(0, left)} 次 · ${dayLabel(q.closesAt)} 截止`}
                trailing={q.openAttemptId ? '继续作答 ›' : can ? '开始 ›' : '次数已用完'}
                onClick={() => can && !busy && onStart(q)}
              />
            )
          })}
        </Card>
      )}
    </LoadGate>
  )
}

export default function StudyQuizPage() {
  const [attempt, setAttempt] = useState<AttemptView | null>(null)
  const [result, setResult] = useState<AttemptResult | null>(null)
  const [book, setBook] = useState(false)
  const { busy, error, run } = useSubmit()
  const start = async (q: MyQuizView) => {
    const res = await run(() => callFunction('study', 'startAttempt', { quizId: q.id }))
    if (res) setAttempt(res.data)
  }
  const back = () => {
    setAttempt(null)
    setResult(null)
    setBook(false)
  }
  return (
    <PageShell>
      <View className='ui-head'>
        <Text className='ui-head__title'>学习测试</Text>
        <Text className='ui-head__sub'>不计时，交卷后可看答案与解析</Text>
      </View>
      {result ? (
        <Result result={result} onBack={back} />
      ) : attempt ? (
        <Attempt attempt={attempt} onDone={setResult} />
      ) : book ? (
        <WrongBook onBack={back} />
      ) : (
        <View>
          <Quizzes onStart={(q) => void start(q)} busy={busy} />
          <ListRow title='错题本' desc='答错的题，可以再练' trailing='进入 ›' onClick={() => setBook(true)} />
          {error && <Notice kind='error'>{error.message}</Notice>}
        </View>
      )}
    </PageShell>
  )
}
