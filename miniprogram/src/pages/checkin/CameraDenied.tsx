import { Text, View } from '@tarojs/components'
import { Button } from '../../components/Button'
import { Notice } from '../../components/Notice'
import { openCameraSetting } from './scan'

export interface CameraDeniedProps {
  /** 设置里打开了相机之后（如直接再扫一次） */
  onAllowed?: () => void
}

/** 扫码时没有相机权限：说清楚怎么打开，并给一个直达设置的按钮（不是当作“取消”悄悄放过） */
export function CameraDenied({ onAllowed }: CameraDeniedProps) {
  const open = async () => {
    if (await openCameraSetting()) onAllowed?.()
  }
  return (
    <View className='camera-denied'>
      <Notice kind='warn'>
        <Text>扫码需要使用相机，但同心圆还没有相机权限。</Text>
        <Text>{'\n'}请点下面的按钮，在设置里打开「相机」，再回来扫码。设置里没有「相机」这一项时，请在手机的“设置 → 微信”里允许使用相机。</Text>
      </Notice>
      <Button kind='primary' block onClick={() => void open()}>
        去开启相机权限
      </Button>
    </View>
  )
}
