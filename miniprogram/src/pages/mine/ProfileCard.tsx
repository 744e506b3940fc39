import { Text, View } from '@tarojs/components'
import type { MemberProfile } from '@tongxin/shared-types'
import { maskPhone, MEMBERSHIP_KIND_LABELS, roleLabels } from '../../utils/labels'
import '../../components/Card.scss'

export interface ProfileCardProps {
  profile: MemberProfile
}

function InfoRow({ label, value }: { label: string; value: string }) {
  return (
    <View className='info-row'>
      <Text className='info-row__label'>{label}</Text>
      <Text className='info-row__value'>{value}</Text>
    </View>
  )
}

/** 本人资料：身份信息与党组织关系 */
export function ProfileCard({ profile }: ProfileCardProps) {
  const committees = profile.committees.map((c) => c.name).join('、')
  return (
    <View>
      <View className='mine-head'>
        <Text className='mine-head__name'>{profile.name}</Text>
        <Text className='mine-head__sub'>{profile.orgName}</Text>
      </View>

      <View className='ui-card'>
        <InfoRow label='政协职务' value={profile.position} />
        <InfoRow label='界别' value={profile.sector?.name ?? '无'} />
        <InfoRow label='专委会' value={committees || '无'} />
        <InfoRow label='政治面貌' value={profile.affiliation} />
        <InfoRow label='角色' value={roleLabels(profile.roles) || '无'} />
        <InfoRow label='所在组织' value={profile.orgName} />
        {profile.phone && <InfoRow label='手机号' value={maskPhone(profile.phone)} />}
      </View>

      {profile.branches.length > 0 && (
        <View className='ui-card'>
          <Text className='ui-card__title'>党组织关系</Text>
          {profile.branches.map((b) => (
            <View key={b.branchId} className='branch'>
              <Text className='branch__name'>{b.branchName}</Text>
              <Text className='branch__meta'>
                {MEMBERSHIP_KIND_LABELS[b.kind]} · {b.duty}
              </Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
