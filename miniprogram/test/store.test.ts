import Taro from '@tarojs/taro'
import { resetStore, useAppStore } from '../src/store'
import { li, zhang, zhangProfile } from './fixtures'

const persisted = () => JSON.parse(String(Taro.getStorageSync('tongxin-app')) || 'null')

describe('store', () => {
  it('换演示身份时清掉上一个人的资料', () => {
    const s = useAppStore.getState()
    s.chooseDevIdentity(zhang)
    s.rememberProfile(zhangProfile)
    useAppStore.getState().chooseDevIdentity(li)
    expect(useAppStore.getState().profile).toBeNull()
    expect(useAppStore.getState().devIdentity?.openid).toBe('dev-li')
  })

  it('只持久化演示身份与大字模式，不存个人资料', () => {
    useAppStore.getState().chooseDevIdentity(zhang)
    useAppStore.getState().rememberProfile(zhangProfile)
    useAppStore.getState().setElderMode(true)
    expect(persisted().state).toEqual({ devIdentity: zhang, elderMode: true, elderModeChosen: true })
  })

  it('微信调大了字体（关怀模式）时自动打开大字模式', () => {
    useAppStore.getState().followSystemFont(true)
    expect(useAppStore.getState().elderMode).toBe(true)
  })

  it('本人亲手关掉过大字模式，就不再跟随微信的字体设置', () => {
    useAppStore.getState().setElderMode(false)
    useAppStore.getState().followSystemFont(true)
    expect(useAppStore.getState().elderMode).toBe(false)
  })

  it('resetStore 回到初始状态', () => {
    useAppStore.getState().chooseDevIdentity(zhang)
    useAppStore.getState().setElderMode(true)
    resetStore()
    const s = useAppStore.getState()
    expect(s.devIdentity).toBeNull()
    expect(s.elderMode).toBe(false)
    expect(s.profile).toBeNull()
  })
})
