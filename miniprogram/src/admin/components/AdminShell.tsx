import type { ReactNode } from 'react'
import { Button as TaroButton, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageShell } from '../../components/PageShell'
import { RoleGate } from '../../components/RoleGate'
import { useMyRoles, type MyRoles } from '../../hooks/useMyRoles'
import './AdminShell.scss'

export interface AdminShellProps {
  /** 页面标题（与 index.config 的 navigationBarTitleText 一致）；H5 没有原生标题栏，由外壳画出 */
  title: string
  /** 只有管理员能用的页面（导入、组织结构、审计日志、新增成员） */
  adminOnly?: boolean
  /** 角色确认后再画页面内容 */
  children: (manager: MyRoles) => ReactNode
}

/** H5 没有小程序那样的标题栏和返回键：画一条大号的，电脑上也好点 */
function H5TitleBar({ title }: { title: string }) {
  const back = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
    else void Taro.reLaunch({ url: '/pages/mine/index' })
  }
  return (
    <View className='title-bar'>
      <TaroButton className='title-bar__back' onClick={back}>
        ‹ 返回
      </TaroButton>
      <Text className='title-bar__title'>{title}</Text>
    </View>
  )
}

/**
 * 管理页的外壳：PageShell（令牌、演示身份条）之上，H5 另画标题栏与返回键；
 * 先确认本人是管理员或书记，再画内容。
 */
export function AdminShell({ title, adminOnly = false, children }: AdminShellProps) {
  const { state, retry } = useMyRoles()
  return (
    <PageShell className='page--admin'>
      {process.env.TARO_ENV === 'h5' && <H5TitleBar title={title} />}
      <RoleGate state={state} retry={retry} need={adminOnly ? 'admin' : 'manager'}>
        {children}
      </RoleGate>
    </PageShell>
  )
}
