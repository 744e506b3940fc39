import { useState } from 'react'
import { Button as TaroButton, Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { PageShell } from '../../components/PageShell'
import { callFunction } from '../../services/cloud'
import { useAppStore } from '../../store'
import { tokenFromScan } from '../../pages/checkin/client'
import { checkBindInput, normalizeInviteCode } from './inviteCode'
import './index.scss'

const MINE_PAGE = '/pages/mine/index'

/** 用政协办公室发的邀请码，把本人的微信绑定到委员信息上 */
export default function BindPage() {
  const { params } = useRouter()
  // 从签到页来的（扫码时还没绑定）：绑定后回去按扫码那一刻补签
  const pendingToken = tokenFromScan(params.token)
  const pendingAt = params.at ? decodeURIComponent(params.at) : null
  const rememberProfile = useAppStore((s) => s.rememberProfile)
  const [code, setCode] = useState('')
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [boundName, setBoundName] = useState<string | null>(null)

  const submit = async () => {
    if (busy) return
    const problem = checkBindInput(code, name)
    setError(problem)
    if (problem) return
    setBusy(true)
    const res = await callFunction('member', 'bind', { code: normalizeInviteCode(code), name: name.trim() })
    setBusy(false)
    if (!res.ok) {
      // 码错、已用、过期、姓名不符、尝试太多：服务端的提示已写明原因和下一步，原样醒目显示
      setError(res.error.message)
      return
    }
    rememberProfile(res.data)
    setBoundName(res.data.name)
    if (pendingToken && pendingAt) {
      void Taro.reLaunch({ url: `/pages/checkin/index?token=${encodeURIComponent(pendingToken)}&at=${encodeURIComponent(pendingAt)}` })
      return
    }
    // 「我的」是 tabBar 页，重新进入才会按新身份取资料
    void Taro.reLaunch({ url: MINE_PAGE })
  }

  return (
    <PageShell>
      {process.env.TARO_ENV === 'h5' && (
        // H5 没有小程序的返回键
        <TaroButton
          className='bind-back'
          onClick={() => void (Taro.getCurrentPages().length > 1 ? Taro.navigateBack() : Taro.reLaunch({ url: MINE_PAGE }))}
        >
          ‹ 返回「我的」
        </TaroButton>
      )}
      <View className='bind'>
        <Text className='bind__title'>绑定委员信息</Text>
        <Text className='bind__intro'>请输入政协办公室发给您的邀请码和您的姓名。绑定后，用这个微信就能使用同心圆。</Text>
        {pendingToken && pendingAt && <Text className='bind__intro bind__intro--then'>绑定后会自动为您补上刚才的签到。</Text>}

        <View className='bind__field'>
          <Text className='bind__label'>邀请码（8 位）</Text>
          <Input
            className='bind__input bind__input--code'
            value={code}
            maxlength={12}
            placeholder='如 ABCD EFGH'
            aria-label='邀请码'
            onInput={(e) => setCode(e.detail.value)}
          />
          <Text className='bind__hint'>大小写都可以，空格不影响。</Text>
        </View>

        <View className='bind__field'>
          <Text className='bind__label'>姓名</Text>
          <Input className='bind__input' value={name} maxlength={40} placeholder='登记的姓名' aria-label='姓名' onInput={(e) => setName(e.detail.value)} />
        </View>

        {error && (
          <View className='bind__error' role='alert'>
            {error}
          </View>
        )}
        {boundName && (
          <View className='bind__ok' role='status'>
            绑定成功，{boundName}，欢迎您！
          </View>
        )}

        <TaroButton className={busy || boundName !== null ? 'bind__submit bind__submit--off' : 'bind__submit'} aria-disabled={busy || boundName !== null} onClick={() => void submit()}>
          {busy ? '正在绑定…' : '确认绑定'}
        </TaroButton>
        <Text className='bind__help'>没有邀请码、邀请码过期或输错次数太多，请联系政协办公室。</Text>
      </View>
    </PageShell>
  )
}
