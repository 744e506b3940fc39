/**
 * 出题与测试（政协办公室）：往题库里加题（单选、多选、判断），设一个面向全体的测试。
 * 答案在服务器上保存，成员作答时拿不到。
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { QUESTION_KIND_LABELS, QUESTION_KINDS, type QuestionKind } from '@tongxin/shared-types/src/study'
import { PageShell } from '../../components/PageShell'
import { Card } from '../../components/Card'
import { Button } from '../../components/Button'
import { ChoiceChips } from '../../components/Chips'
import { TextArea, TextField } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { RoleGate } from '../../components/RoleGate'
import { useMyRoles } from '../../hooks/useMyRoles'
import { useSubmit } from '../../hooks/useSubmit'
import { callFunction } from '../../services/cloud'
import { beijingIso } from '../../utils/time'
import '../styles/study.scss'

const KIND_OPTIONS = QUESTION_KINDS.map((k) => ({ value: k, label: QUESTION_KIND_LABELS[k] }))
const DATE = /^\d{4}-\d{2}-\d{2}$/

/** “A”“AC” → [0] [0, 2] */
function parseAnswer(text: string): number[] {
  return [...text.toUpperCase().replace(/[^A-F]/g, '')].map((c) => c.charCodeAt(0) - 65)
}

function QuestionForm() {
  const [bank, setBank] = useState('政协基础知识')
  const [kind, setKind] = useState<QuestionKind>('single')
  const [stem, setStem] = useState('')
  const [options, setOptions] = useState('')
  const [answer, setAnswer] = useState('')
  const [explanation, setExplanation] = useState('')
  const [saved, setSaved] = useState(0)
  const { busy, error, run, fail } = useSubmit()
  const save = async () => {
    const opts =
      kind === 'truefalse'
        ? ['对', '错']
        : options
            .split('\n')
            .map((o) => o.trim())
            .filter(Boolean)
    if (!stem.trim()) return fail('请填写题干')
    if (opts.length < 2) return fail('请至少写两个选项，每行一个')
    const res = await run(() =>
      callFunction('study', 'saveQuestion', {
        bank: bank.trim(),
        kind,
        stem: stem.trim(),
        options: opts,
        answer: parseAnswer(answer),
        explanation: explanation.trim(),
      }),
    )
    if (res) {
      setSaved((n) => n + 1)
      setStem('')
      setOptions('')
      setAnswer('')
      setExplanation('')
    }
  }
  return (
    <Card title='加一道题'>
      <TextField label='题库' value={bank} onChange={setBank} maxlength={30} />
      <ChoiceChips label='题型' options={KIND_OPTIONS} value={kind} onChange={setKind} />
      <TextArea label='题干' value={stem} onChange={setStem} maxlength={500} />
      {kind !== 'truefalse' && <TextArea label='选项（每行一个）' value={options} onChange={setOptions} maxlength={700} />}
      <TextField
        label='正确答案'
        value={answer}
        onChange={setAnswer}
        maxlength={6}
        hint={kind === 'truefalse' ? '对填 A，错填 B' : kind === 'multiple' ? '多选填几个字母，如 AC' : '填一个字母，如 B'}
      />
      <TextArea label='解析（交卷后给成员看）' value={explanation} onChange={setExplanation} maxlength={1000} />
      {error && <Notice kind='error'>{error.message}</Notice>}
      {saved > 0 && !error && <Notice kind='success'>已加入题库，本次共加了 {saved} 道</Notice>}
      <Button kind='primary' block busy={busy} busyText='正在保存…' onClick={() => void save()}>
        加入题库
      </Button>
    </Card>
  )
}

function QuizForm() {
  const [title, setTitle] = useState('')
  const [bank, setBank] = useState('政协基础知识')
  const [count, setCount] = useState('5')
  const [pass, setPass] = useState('60')
  const [attempts, setAttempts] = useState('2')
  const [opens, setOpens] = useState('')
  const [closes, setCloses] = useState('')
  const [done, setDone] = useState<string | null>(null)
  const { busy, error, run, fail } = useSubmit()
  const create = async () => {
    if (title.trim().length < 2) return fail('请填写测试名称')
    if (!DATE.test(opens.trim()) || !DATE.test(closes.trim())) return fail('请按“2026-12-31”的格式填写开始与截止日期')
    const res = await run(() =>
      callFunction('study', 'createQuiz', {
        title: title.trim(),
        bank: bank.trim(),
        questionCount: Number(count),
        passScore: Number(pass),
        maxAttempts: Number(attempts),
        opensAt: beijingIso(opens.trim(), '00:00'),
        closesAt: beijingIso(closes.trim(), '23:59'),
        audience: [{ kind: 'all', id: null }],
      }),
    )
    if (res) setDone(res.data.title)
  }
  return (
    <Card title='设一个测试（面向全体成员）'>
      <TextField label='测试名称' value={title} onChange={setTitle} maxlength={60} />
      <TextField label='从哪个题库抽题' value={bank} onChange={setBank} maxlength={30} />
      <TextField label='抽几道题' value={count} onChange={setCount} type='number' maxlength={3} />
      <TextField label='及格分（百分制）' value={pass} onChange={setPass} type='number' maxlength={3} />
      <TextField label='每人可答几次' value={attempts} onChange={setAttempts} type='number' maxlength={2} />
      <TextField label='开始日期' value={opens} onChange={setOpens} placeholder='2026-12-01' maxlength={10} />
      <TextField label='截止日期' value={closes} onChange={setCloses} placeholder='2026-12-31' maxlength={10} hint='当天 23:59 截止' />
      {error && <Notice kind='error'>{error.message}</Notice>}
      {done && !error && <Notice kind='success'>已设立「{done}」，成员在“学习测试”里可以看到</Notice>}
      <Button kind='primary' block busy={busy} busyText='正在设立…' onClick={() => void create()}>
        设立测试
      </Button>
    </Card>
  )
}

export default function QuizAdminPage() {
  const { state, retry } = useMyRoles()
  return (
    <PageShell>
      <View className='ui-head'>
        <Text className='ui-head__title'>出题与测试</Text>
        <Text className='ui-head__sub'>不计答题用时；答案只在交卷后给成员看</Text>
      </View>
      <RoleGate state={state} retry={retry} need='admin'>
        {() => (
          <View>
            <QuestionForm />
            <QuizForm />
          </View>
        )}
      </RoleGate>
    </PageShell>
  )
}
