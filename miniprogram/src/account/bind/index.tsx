import { useState } from 'react'
import { Button as TaroButton, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '../../components/Button'
import { TextField } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { PageShell } from '../../components/PageShell'
import { callFunction } from '../../services/cloud'
import { useSubmit } from '../../hooks/useSubmit'
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
  const { busy, error, run, fail } = useSubmit()
  const [boundName, setBoundName] = useState<string | null>(null)

  const submit = async () => {
    if (busy) return
    const problem = checkBindInput(code, name)
    if (problem) return fail(problem)
    // 码错、已用、过期、姓名不符、尝试太多：服务端的提示已写明原因和下一步，由 useSubmit 记下、下面原样醒目显示
    const bound = await run(() => callFunction('member', 'bind', { code: normalizeInviteCode(code), name: name.trim() }))
    if (!bound) return
    rememberProfile(bound.data)
    setBoundName(bound.data.name)
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
        <TaroButton className='bind-back' onClick={() => void (Taro.getCurrentPages().length > 1 ? Taro.navigateBack() : Taro.reLaunch({ url: MINE_PAGE }))}>
          ‹ 返回「我的」
        </TaroButton>
      )}
      <View className='bind'>
        <Text className='bind__title'>绑定委员信息</Text>
        <Text className='bind__intro'>请输入政协办公室发给您的邀请码和您的姓名。绑定后，用这个微信就能使用同心圆。</Text>
        {pendingToken && pendingAt && <Text className='bind__intro bind__intro--then'>绑定后会自动为您补上刚才的签到。</Text>}

        <TextField
          className='bind__field bind__input--code'
          label='邀请码（8 位）'
          value={code}
          onChange={setCode}
          maxlength={12}
          placeholder='如 ABCD EFGH'
          hint='大小写都可以，空格不影响。'
        />
        <TextField className='bind__field' label='姓名' value={name} onChange={setName} maxlength={40} placeholder='登记的姓名' />

        {error && (
          <Notice kind='error' className='bind__error'>
            {error.message}
          </Notice>
        )}
        {boundName && <Notice kind='success'>绑定成功，{boundName}，欢迎您！</Notice>}

        <Button
          kind='primary'
          size='big'
          block
          className='bind__submit'
          off={boundName !== null}
          busy={busy}
          busyText='正在绑定…'
          onClick={() => void submit()}
        >
          确认绑定
        </Button>
        <Text className='bind__help'>没有邀请码、邀请码过期或输错次数太多，请联系政协办公室。</Text>
        <Button block onClick={() => void Taro.navigateTo({ url: '/suggest/unit/index' })}>
          我是承办单位的工作人员
        </Button>
      </View>
    </PageShell>
  )
}
