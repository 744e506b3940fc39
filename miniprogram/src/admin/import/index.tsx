import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { ImportPreview, ImportResult, ImportRowError } from '@tongxin/shared-types'
import { callFunction, uploadFile } from '../../services/cloud'
import { AdminShell } from '../components/AdminShell'
import { ADMIN_PAGES, go } from '../shared/nav'
import { FilePicker } from './FilePicker'
import { TEMPLATE_COLUMNS, type PickResult } from './pickFile'
import { deliverSpreadsheet } from '../../services/download'
import { Button } from '../../components/Button'
import { Notice } from '../../components/Notice'
import '../../components/Card.scss'
import './index.scss'

type Busy = 'upload' | 'preview' | 'commit' | null

/** 选中并已上传的文件：之后的检查与导入都只传 id */
interface UploadedFile {
  fileName: string
  fileId: string
}

function RowErrors({ errors }: { errors: ImportRowError[] }) {
  return (
    <View className='bad-rows'>
      {errors.map((e) => (
        <View key={e.line} className='bad-row'>
          <Text className='bad-row__line'>第 {e.line} 行</Text>
          <Text className='bad-row__name'>{e.name || '（无姓名）'}</Text>
          <Text className='bad-row__reasons'>— {e.reasons.join('；')}</Text>
        </View>
      ))}
    </View>
  )
}

function Template() {
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ kind: 'success' | 'error'; text: string } | null>(null)
  // 模板由服务端生成：本政协现有的界别、专委会、支部写在第二张表里
  const download = async () => {
    if (busy) return
    setBusy(true)
    setResult(null)
    setResult(await deliverSpreadsheet(await callFunction('roster', 'importTemplate', {})))
    setBusy(false)
  }
  return (
    <View className='ui-card'>
      <Text className='ui-card__title'>第一步：准备表格</Text>
      <Text className='ui-muted'>表格第一行是表头，从第二行起每行一人。表头依次为：</Text>
      <View className='columns'>
        {TEMPLATE_COLUMNS.map((c) => (
          <View key={c.header} className='columns__item'>
            <Text className='columns__header'>{c.header}</Text>
            <Text className='columns__note'>{c.note}</Text>
          </View>
        ))}
      </View>
      <Text className='ui-muted'>模板里有一行示例（导入前请删除）和第二张表“可填的值”：界别、专委会、支部、政治面貌、民族等各列能填什么。</Text>
      <Button block busy={busy} busyText='正在生成模板…' onClick={() => void download()}>
        下载表格模板（Excel）
      </Button>
      {result && <Notice kind={result.kind}>{result.text}</Notice>}
    </View>
  )
}

/** 可导入的行：逐列列出将写入的值（没填的写“—”），核对无误再导入 */
function GoodRows({ preview }: { preview: ImportPreview }) {
  return (
    <View className='good-rows'>
      {preview.sample.map((r) => (
        <View key={r.line} className='good-row'>
          <Text className='good-row__line'>第 {r.line} 行</Text>
          <Text className='good-row__name'>{r.name}</Text>
          <View className='good-row__cells'>
            {preview.columns.map((column, i) =>
              column === '姓名' ? null : (
                <View key={column} className='good-row__cell'>
                  <Text className='good-row__column'>{column}</Text>
                  <Text className='good-row__value'>{r.cells[i] || '—'}</Text>
                </View>
              ),
            )}
          </View>
        </View>
      ))}
    </View>
  )
}

function Summary({ preview }: { preview: ImportPreview }) {
  const bad = preview.errors.length
  return (
    <View className='summary'>
      <View className='summary__item'>
        <Text className='summary__num'>{preview.total}</Text>
        <Text className='summary__label'>总行数</Text>
      </View>
      <View className='summary__item summary__item--ok'>
        <Text className='summary__num'>{preview.valid}</Text>
        <Text className='summary__label'>可导入</Text>
      </View>
      <View className={bad ? 'summary__item summary__item--bad' : 'summary__item'}>
        <Text className='summary__num'>{bad}</Text>
        <Text className='summary__label'>有问题</Text>
      </View>
    </View>
  )
}

function Importer() {
  const [file, setFile] = useState<UploadedFile | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [result, setResult] = useState<ImportResult | null>(null)
  const [busy, setBusy] = useState<Busy>(null)
  const [error, setError] = useState<string | null>(null)

  const picked = async (r: PickResult) => {
    if (!r.ok) {
      if (!('cancelled' in r)) setError(r.message)
      return
    }
    setFile(null)
    setPreview(null)
    setResult(null)
    setError(null)
    // 1. 文件先传到存储（小程序：云存储；本地：宿主），云函数调用里只带 id
    setBusy('upload')
    const uploaded = await uploadFile(r.file.source)
    if (!uploaded.ok) {
      setBusy(null)
      return setError(uploaded.error.message)
    }
    const picked: UploadedFile = { fileName: r.file.fileName, fileId: uploaded.data.fileId }
    setFile(picked)
    // 2. 服务端取回文件、查大小与类型、逐行检查，什么也不写
    setBusy('preview')
    const res = await callFunction('roster', 'previewImport', picked)
    setBusy(null)
    if (res.ok) setPreview(res.data)
    else setError(res.error.message)
  }

  const commit = async () => {
    if (!file || busy) return
    setBusy('commit')
    setError(null)
    const res = await callFunction('roster', 'commitImport', file)
    setBusy(null)
    if (!res.ok) return setError(res.error.message)
    setResult(res.data)
    setPreview(null)
    setFile(null)
  }

  return (
    <View>
      <Template />
      <View className='ui-card'>
        <Text className='ui-card__title'>第二步：选择文件并检查</Text>
        <Text className='ui-muted'>选好文件后先逐行检查，此时还不会写入任何数据。</Text>
        <FilePicker label={file ? '重新选择文件' : '选择表格文件（.xlsx / .csv）'} disabled={busy !== null} onPicked={(r) => void picked(r)} />
        {file && <Text className='file-name'>已选：{file.fileName}</Text>}
        {busy === 'upload' && <Notice kind='info'>正在上传文件…</Notice>}
        {busy === 'preview' && <Notice kind='info'>正在检查表格…</Notice>}
        {error && <Notice kind='error'>{error}</Notice>}
      </View>

      {preview && (
        <View className='ui-card'>
          <Text className='ui-card__title'>检查结果</Text>
          <Summary preview={preview} />
          {preview.errors.length > 0 && (
            <View>
              <Text className='section-label'>有问题的行（不会导入）</Text>
              <Text className='ui-muted'>请在表格里改好后，把这些行单独存成一个文件再导入。</Text>
              <RowErrors errors={preview.errors} />
            </View>
          )}
          <Text className='section-label'>将写入的列</Text>
          <Text className='import-columns'>{preview.columns.join('、')}</Text>
          {preview.ignoredColumns.length > 0 && (
            <Notice kind='info'>这些列认不出，不会写入：{preview.ignoredColumns.join('、')}。如果是表头写错了，请照模板改好后重新选择文件。</Notice>
          )}
          {preview.sample.length > 0 && (
            <View>
              <Text className='section-label'>可导入的行（前 {preview.sample.length} 条，供核对）</Text>
              <GoodRows preview={preview} />
            </View>
          )}
          {preview.valid > 0 ? (
            <Button kind='primary' block off={busy !== null} className='import-go' onClick={() => void commit()}>
              {busy === 'commit' ? '正在导入…' : `导入 ${preview.valid} 名成员`}
            </Button>
          ) : (
            <Notice kind='error'>没有可以导入的行，请改好表格后重新选择。</Notice>
          )}
        </View>
      )}

      {result && (
        <View className='ui-card'>
          <Text className='ui-card__title'>导入完成</Text>
          <Notice kind='success'>
            已导入 {result.created} 名成员{result.skipped ? `，跳过 ${result.skipped} 行` : ''}。
          </Notice>
          {result.errors.length > 0 && <RowErrors errors={result.errors} />}
          <Text className='ui-muted'>新成员需要签发邀请码后才能绑定微信：在成员名册里打开本人资料即可签发。</Text>
          <Button block onClick={() => go(ADMIN_PAGES.members)}>
            去成员名册
          </Button>
        </View>
      )}
    </View>
  )
}

export default function ImportPage() {
  return (
    <AdminShell title='从表格导入成员' adminOnly>
      {() => <Importer />}
    </AdminShell>
  )
}
