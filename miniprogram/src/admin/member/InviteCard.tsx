import { Text, View } from '@tarojs/components'
import type { InviteIssued } from '@tongxin/shared-types'
import { groupInviteCode } from '../shared/format'
import { formatDate } from '../../utils/time'

/** 刚签发的邀请码：大字显示，并写明只显示这一次、怎么用 */
export function InviteCard({ invite }: { invite: InviteIssued }) {
  return (
    <View className='invite' role='status'>
      <Text className='invite__label'>{invite.memberName} 的邀请码</Text>
      <Text className='invite__code' selectable aria-label={`邀请码 ${invite.code.split('').join(' ')}`}>
        {groupInviteCode(invite.code)}
      </Text>
      <Text className='invite__warn'>邀请码只显示这一次，请告知本人</Text>
      <Text className='invite__line'>有效期至 {formatDate(invite.expiresAt)}，只能使用一次。</Text>
      <Text className='invite__line'>本人打开小程序「我的」，点「输入邀请码绑定」，输入这个邀请码和姓名“{invite.memberName}”即可。</Text>
    </View>
  )
}
