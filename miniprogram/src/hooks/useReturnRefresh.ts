import { useRef } from 'react'
import { useDidShow } from '@tarojs/taro'

/** 从下一页返回时（如新建、修改了内容）重取一次；第一次显示不算 */
export function useReturnRefresh(refresh: () => void): void {
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) refresh()
    shown.current = true
  })
}
