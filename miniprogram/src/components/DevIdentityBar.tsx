import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { DevIdentity } from '@tongxin/shared-types'
import { listDevIdentities } from '../services/cloud'
import { useAppStore } from '../store'
import { roleLabels } from '../utils/labels'
import './DevIdentityBar.scss'

type ListState = { status: 'idle' | 'loading' } | { status: 'ready'; identities: DevIdentity[] } | { status: 'error'; message: string }

function optionTitle(identity: DevIdentity, current: DevIdentity | null): string {
  const roles = identity.roles.length > 0 ? `（${roleLabels(identity.roles)}）` : ''
  return `${identity.name}${roles}${identity.openid === current?.openid ? ' · 当前' : ''}`
}

/**
 * 本地演示用的身份切换条（只在 H5 本地模式出现）。
 * 展开后就地列出身份，不用弹窗；选中后各页按新身份重新取数。
 */
export function DevIdentityBar() {
  const current = useAppStore((s) => s.devIdentity)
  const choose = useAppStore((s) => s.chooseDevIdentity)
  const [open, setOpen] = useState(false)
  const [list, setList] = useState<ListState>({ status: 'idle' })

  async function load() {
    setList({ status: 'loading' })
    const res = await listDevIdentities()
    setList(res.ok ? { status: 'ready', identities: res.data } : { status: 'error', message: res.error.message })
  }

  function toggle() {
    if (!open && list.status !== 'ready') void load()
    setOpen(!open)
  }

  function pick(identity: DevIdentity) {
    if (identity.openid !== current?.openid) choose(identity)
    setOpen(false)
  }

  return (
    <View className='dev-bar'>
      <View className='dev-bar__row'>
        <Text className='dev-bar__label'>{current ? `演示身份：${current.name}` : '演示模式：请先选择一个身份'}</Text>
        <Button className='dev-bar__toggle' onClick={toggle}>
          {open ? '收起 ▴' : current ? '切换 ▾' : '选择 ▾'}
        </Button>
      </View>
      {open && (
        <View className='dev-bar__panel'>
          {list.status === 'loading' && <Text className='dev-bar__hint'>正在加载演示身份…</Text>}
          {list.status === 'error' && (
            <View>
              <Text className='dev-bar__hint'>{list.message}</Text>
              <Button className='dev-bar__retry' onClick={load}>
                重试
              </Button>
            </View>
          )}
          {list.status === 'ready' &&
            list.identities.map((identity) => (
              <Button key={identity.openid} className='dev-bar__option' onClick={() => pick(identity)}>
                <View className='dev-bar__option-title'>{optionTitle(identity, current)}</View>
                <View className='dev-bar__option-desc'>{identity.description}</View>
              </Button>
            ))}
        </View>
      )}
    </View>
  )
}
