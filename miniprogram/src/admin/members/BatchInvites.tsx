import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ActionInput, BatchInvite, BatchInvitesIssued } from '@tongxin/shared-types'
import { callFunction } from '../../services/cloud'
import { saveSpreadsheet } from '../../services/download'
import { groupInviteCode } from '../shared/format'
import { formatDate } from '../../utils/time'
import { useSubmit } from '../../hooks/useSubmit'
import { Button, ButtonRow } from '../../components/Button'
import { ChoiceChips } from '../../components/Chips'
import { Notice } from '../../components/Notice'
import '../../components/ConfirmPanel.scss'

type Filters = Omit<ActionInput<'roster', 'issueInvites'>, 'reissue'>

/** 发给本人的一句话：码、有效期、怎么用 */
export const inviteMessage = (v: BatchInvite) =>
  `${v.memberName}您好：您在“同心圆”小程序的邀请码是 ${v.code}，有效期至 ${formatDate(v.expiresAt)}，只能使用一次。打开小程序“我的”，点“输入邀请码绑定”，输入邀请码和姓名即可。`

/** 这一次签发的结果：张数、没签的人、分发表下载，每张码可单独复制 */
function IssuedList({ result }: { result: BatchInvitesIssued }) {
  const [saved, setSaved] = useState<{ kind: 'success' | 'error'; text: string } | null>(null)
  const [copied, setCopied] = useState<string | null>(null)
  const { invites, skipped, file } = result
  const download = async () => {
    if (!file) return
    try {
      await saveSpreadsheet(file)
      setSaved({ kind: 'success', text: `已导出「${file.fileName}」` })
    } catch {
      setSaved({ kind: 'error', text: '表格没能打开或保存，请重试' })
    }
  }
  const copy = async (v: BatchInvite) => {
    try {
      await Taro.setClipboardData({ data: inviteMessage(v) })
      setCopied(`已复制 ${v.memberName} 的邀请码`)
    } catch {
      setCopied('没能复制，请再试一次')
    }
  }
  const notes = [
    skipped.above ? `${skipped.above} 位管理员或支部书记请由政协办公室签发` : '',
    skipped.pending ? `${skipped.pending} 位已有未过期的邀请码，没有重新签发` : '',
  ].filter(Boolean)
  return (
    <View className='batch-invites__result'>
      {invites.length > 0 ? (
        <Notice kind='success'>已签发 {invites.length} 张邀请码。邀请码只显示这一次，请下载分发表或逐个复制发给本人。</Notice>
      ) : (
        <Notice kind='info'>没有需要签发邀请码的成员。</Notice>
      )}
      {notes.length > 0 && <Notice kind='info'>{notes.join('；')}。</Notice>}
      {file && (
        <Button kind='primary' block onClick={() => void download()}>
          下载分发表（姓名、支部、界别、邀请码、有效期）
        </Button>
      )}
      {saved && <Notice kind={saved.kind}>{saved.text}</Notice>}
      {copied && <Notice kind='info'>{copied}</Notice>}
      {invites.map((v) => (
        <View key={v.memberId} className='batch-invite'>
          <View className='batch-invite__who'>
            <Text className='batch-invite__name'>{v.memberName}</Text>
            <Text className='batch-invite__meta'>{[v.branchNames, v.sectorName].filter(Boolean).join(' · ') || '无支部、界别'}</Text>
            <Text className='batch-invite__code' selectable aria-label={`邀请码 ${v.code.split('').join(' ')}`}>
              {groupInviteCode(v.code)}
            </Text>
          </View>
          <Button className='batch-invite__copy' ariaLabel={`复制 ${v.memberName} 的邀请码`} onClick={() => void copy(v)}>
            复制
          </Button>
        </View>
      ))}
    </View>
  )
}

/**
 * 批量签发邀请码：为当前筛选条件下每一位在册、尚未绑定的成员各签一张（书记限本支部、不含书记与管理员），
 * 就地确认，不弹窗。
 */
export function BatchInvites({ filters, onIssued }: { filters: Filters; onIssued: () => void }) {
  const [open, setOpen] = useState(false)
  const [reissue, setReissue] = useState(false)
  const [result, setResult] = useState<BatchInvitesIssued | null>(null)
  const { run, busy, error } = useSubmit()
  const issue = async () => {
    const res = await run(() => callFunction('roster', 'issueInvites', { ...filters, reissue }))
    if (!res) return
    setResult(res.data)
    setOpen(false)
    onIssued()
  }
  return (
    <View className='batch-invites'>
      {!open && (
        <Button
          onClick={() => {
            setOpen(true)
            setResult(null)
          }}
        >
          批量签发邀请码
        </Button>
      )}
      {open && (
        <View className='ui-confirm'>
          <Text className='ui-confirm__title'>为筛出的成员批量签发邀请码</Text>
          <Text className='ui-confirm__message'>按当前的搜索与筛选条件，为其中每一位在册、尚未绑定微信的成员签发一张邀请码（30 天有效，只能用一次）。</Text>
          <ChoiceChips
            label='已有未过期邀请码的人'
            options={[
              { value: 'skip', label: '跳过（码可能已发给本人）' },
              { value: 'reissue', label: '作废旧码，重新签发' },
            ]}
            value={reissue ? 'reissue' : 'skip'}
            onChange={(v) => setReissue(v === 'reissue')}
          />
          {error && <Notice kind='error'>{error.message}</Notice>}
          <ButtonRow>
            <Button kind='primary' busy={busy} busyText='正在签发…' onClick={() => void issue()}>
              签发
            </Button>
            <Button off={busy} onClick={() => setOpen(false)}>
              取消
            </Button>
          </ButtonRow>
        </View>
      )}
      {result && <IssuedList result={result} />}
    </View>
  )
}
