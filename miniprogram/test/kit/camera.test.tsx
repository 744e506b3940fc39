import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { CameraDenied } from '../../src/pages/checkin/CameraDenied'
import { isPermissionDenied, scanOnce } from '../../src/pages/checkin/scan'

const scanCode = Taro.scanCode as unknown as jest.Mock
const openSetting = Taro.openSetting as unknown as jest.Mock

describe('扫码时的相机权限', () => {
  it('拒绝授权、系统没给微信相机权限：算“没有权限”；自己取消：算取消', () => {
    expect(isPermissionDenied({ errMsg: 'scanCode:fail auth deny' })).toBe(true)
    expect(isPermissionDenied({ errMsg: 'scanCode:fail authorize no response' })).toBe(true)
    expect(isPermissionDenied({ errMsg: 'scanCode:fail system permission denied' })).toBe(true)
    expect(isPermissionDenied({ errMsg: 'scanCode:fail cancel' })).toBe(false)
  })

  it('没有相机权限时不当作取消', async () => {
    scanCode.mockRejectedValueOnce({ errMsg: 'scanCode:fail auth deny' })
    expect(await scanOnce()).toEqual({ kind: 'camera-denied' })
    scanCode.mockRejectedValueOnce({ errMsg: 'scanCode:fail cancel' })
    expect(await scanOnce()).toEqual({ kind: 'cancelled' })
    scanCode.mockResolvedValueOnce({ result: 'AbCd', path: '' })
    expect(await scanOnce()).toEqual({ kind: 'scanned', text: 'AbCd' })
  })

  it('说明怎么打开相机权限；点按钮打开设置页，打开了就接着扫', async () => {
    const onAllowed = jest.fn()
    openSetting.mockResolvedValueOnce({ authSetting: { 'scope.camera': true } })
    render(<CameraDenied onAllowed={onAllowed} />)
    expect(screen.getByText(/还没有相机权限/)).toBeTruthy()
    fireEvent.click(screen.getByText('去开启相机权限'))
    await waitFor(() => expect(onAllowed).toHaveBeenCalled())
    expect(openSetting).toHaveBeenCalledTimes(1)
  })

  it('在设置里仍没打开：不去扫，说明留在原处', async () => {
    const onAllowed = jest.fn()
    openSetting.mockResolvedValueOnce({ authSetting: { 'scope.camera': false } })
    render(<CameraDenied onAllowed={onAllowed} />)
    fireEvent.click(screen.getByText('去开启相机权限'))
    await waitFor(() => expect(openSetting).toHaveBeenCalled())
    expect(onAllowed).not.toHaveBeenCalled()
    expect(screen.getByText('去开启相机权限')).toBeTruthy()
  })
})
