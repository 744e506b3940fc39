import type { StateCreator } from 'zustand'
import type { AppState } from './index'

export interface UiSlice {
  /** 大字模式（适老化）：字号、间距与触控区换成大字一套令牌 */
  elderMode: boolean
  /** 本人亲手开关过大字模式：此后不再跟随微信的字体设置 */
  elderModeChosen: boolean
  setElderMode: (on: boolean) => void
  /** 微信开了关怀模式或调大了字体：本人没亲手选过时，自动打开大字模式 */
  followSystemFont: (large: boolean) => void
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  elderMode: false,
  elderModeChosen: false,
  setElderMode: (on) => set({ elderMode: on, elderModeChosen: true }),
  followSystemFont: (large) => {
    if (!get().elderModeChosen && large) set({ elderMode: true })
  },
})
