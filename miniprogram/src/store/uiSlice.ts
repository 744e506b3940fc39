import type { StateCreator } from 'zustand'
import type { AppState } from './index'

export interface UiSlice {
  /** 大字模式（适老化）：字号与按钮都放大 */
  elderMode: boolean
  setElderMode: (on: boolean) => void
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  elderMode: false,
  setElderMode: (on) => set({ elderMode: on }),
})
