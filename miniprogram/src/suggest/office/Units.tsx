import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { HandlingUnitView } from '@tongxin/shared-types/src/suggestions'
import { Button } from '../../components/Button'
import { Card, InfoRow } from '../../components/Card'
import { TextField } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { useLoad } from '../../hooks/useLoad'
import { useSubmit } from '../../hooks/useSubmit'
import { callFunction } from '../../services/cloud'

/** 承办单位与其工作人员：新增单位、添加人员、签发邀请码（明文只显示这一次） */
export function Units() {
  const units = useLoad(() => callFunction('suggestions', 'units'), [])
  const [name, setName] = useState('')
  const [staffName, setStaffName] = useState<Record<string, string>>({})
  const [code, setCode] = useState<string | null>(null)
  const submit = useSubmit()
  const done = (r: { data: HandlingUnitView[] } | null) => r && units.replace(r.data)
  return (
    <Card title='承办单位' sub='工作人员凭邀请码绑定微信，只看得到交办给本单位的建言'>
      {units.data?.map((u) => (
        <View key={u.id} className='ui-card'>
          <Text className='ui-card__title'>{u.name}</Text>
          {u.staff.map((s) => (
            <View key={s.id}>
              <InfoRow divided label={s.name} value={s.bound ? '已绑定' : '未绑定'} />
              {!s.bound && (
                <Button
                  onClick={async () => {
                    const r = await submit.run(() => callFunction('suggestions', 'issueUnitInvite', { staffId: s.id }))
                    if (r) setCode(`${s.name}的邀请码：${r.data.code}（30 天内有效，只显示这一次）`)
                  }}
                  ariaLabel={`签发${s.name}的邀请码`}
                >
                  签发邀请码
                </Button>
              )}
            </View>
          ))}
          <TextField
            label={`给${u.name}添加工作人员（姓名）`}
            value={staffName[u.id] ?? ''}
            onChange={(v) => setStaffName((m) => ({ ...m, [u.id]: v }))}
            maxlength={40}
          />
          <Button
            off={submit.busy}
            onClick={async () =>
              done(await submit.run(() => callFunction('suggestions', 'addUnitStaff', { unitId: u.id, name: (staffName[u.id] ?? '').trim() })))
            }
          >
            添加
          </Button>
        </View>
      ))}
      {code && <Notice kind='success'>{code}</Notice>}
      <TextField label='新增承办单位（名称）' value={name} onChange={setName} maxlength={40} />
      <Button block off={submit.busy} onClick={async () => done(await submit.run(() => callFunction('suggestions', 'saveUnit', { name: name.trim() })))}>
        新增单位
      </Button>
      {submit.error && <Notice kind='error'>{submit.error.message}</Notice>}
    </Card>
  )
}
