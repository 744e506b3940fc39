/**
 * 出题与测试（政协办公室）：往题库里加题（单选、多选、判断；手工加或从表格导入），设一个面向全体的测试。
 * 答案在服务器上保存，成员作答时拿不到。
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { QUESTION_KIND_LABELS, QUESTION_KINDS, type QuestionImportPreview, type QuestionImportResult, type QuestionKind } from '@tongxin/shared-types/src/study'
import { PageShell } from '../../components/PageShell'
import { Card } from '../../components/Card'
import { Button } from '../../components/Button'
import { ChoiceChips } from '../../components/Chips'
import { type ChosenFile, FilePicker } from '../../components/FilePicker'
import { TextArea, TextField } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { RoleGate } from '../../components/RoleGate'
import { useMyRoles } from '../../hooks/useMyRoles'
import { useSubmit } from '../../hooks/useSubmit'
import { callFunction, uploadFile } from '../../services/cloud'
import { deliverSpreadsheet } from '../../services/download'
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

/** 选中并已上传的表格：检查与导入都只传 id */
interface UploadedSheet {
  fileName: string
  fileId: string
}

/** 从表格导入：下载模板 → 选文件（上传后逐行检查，什么也不写）→ 没有问题的行才能导入（全部或全无） */
function QuestionImport() {
  const [file, setFile] = useState<UploadedSheet | null>(null)
  const [preview, setPreview] = useState<QuestionImportPreview | null>(null)
  const [done, setDone] = useState<QuestionImportResult | null>(null)
  const [template, setTemplate] = useState<{ kind: 'success' | 'error'; text: string } | null>(null)
  const templating = useSubmit()
  const { busy, error, run, fail } = useSubmit()
  const download = async () => {
    setTemplate(null)
    const res = await templating.run(() => callFunction('study', 'questionTemplate', {}))
    if (res) setTemplate(await deliverSpreadsheet({ ok: true, data: res.data }))
  }
  const chosen = async (f: ChosenFile) => {
    setFile(null)
    setPreview(null)
    setDone(null)
    if (!/\.xlsx$/i.test(f.fileName)) return fail('只支持 Excel（.xlsx）文件；.xls 请先在 Excel 里另存为 .xlsx')
    const uploaded = await run(() => uploadFile(f.source))
    if (!uploaded) return
    const sheet = { fileName: f.fileName, fileId: uploaded.data.fileId }
    const res = await run(() => callFunction('study', 'previewQuestions', sheet))
    if (res) {
      setFile(sheet)
      setPreview(res.data)
    }
  }
  const commit = async () => {
    if (!file) return
    const res = await run(() => callFunction('study', 'importQuestions', file))
    if (res) {
      setDone(res.data)
      setPreview(null)
      setFile(null)
    }
  }
  const bad = preview?.errors.length ?? 0
  return (
    <Card title='从表格导入题目' sub='一行一道题；有一行有问题就整份不导入，改好后重新选择文件'>
      <Button block busy={templating.busy} busyText='正在生成模板…' onClick={() => void download()}>
        下载题目模板（Excel）
      </Button>
      {templating.error && <Notice kind='error'>{templating.error.message}</Notice>}
      {template && <Notice kind={template.kind}>{template.text}</Notice>}
      <FilePicker
        label={busy ? '正在检查…' : file ? '重新选择文件' : '选择表格文件（.xlsx）'}
        extensions={['xlsx']}
        disabled={busy}
        onChosen={(f) => void chosen(f)}
      />
      {error && <Notice kind='error'>{error.message}</Notice>}
      {preview && file && (
        <View>
          <Text className='ui-muted'>
            {file.fileName}：共 {preview.total} 行，可导入 {preview.valid} 道，有问题 {bad} 行
          </Text>
          {preview.banks.length > 0 && <Text className='ui-muted'>将加入：{preview.banks.map((b) => `${b.bank} ${b.count} 道`).join('，')}</Text>}
          {bad > 0 && (
            <View>
              <Notice kind='error'>有 {bad} 行有问题，请在表格里改好后重新选择文件：</Notice>
              {preview.errors.map((e) => (
                <View key={e.line}>
                  <Text>
                    第 {e.line} 行{e.name ? `（${e.name}）` : ''}：{e.reasons.join('；')}
                  </Text>
                </View>
              ))}
            </View>
          )}
          <Button kind='primary' block off={bad > 0 || preview.valid === 0} busy={busy} busyText='正在导入…' onClick={() => void commit()}>
            {bad > 0 ? '改好有问题的行后才能导入' : `导入 ${preview.valid} 道题`}
          </Button>
        </View>
      )}
      {done && !error && (
        <Notice kind='success'>
          已导入 {done.created} 道题（{done.banks.map((b) => `${b.bank} ${b.count} 道`).join('，')}）
        </Notice>
      )}
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
            <QuestionImport />
            <QuizForm />
          </View>
        )}
      </RoleGate>
    </PageShell>
  )
}
