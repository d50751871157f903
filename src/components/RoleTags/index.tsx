import { View } from '@tarojs/components'
import { Tag } from '@/components/Tag'
import { ROLE_LABELS, type Role } from '@/contract/roles'
import './index.scss'

export function RoleTags({ roles }: { roles: Role[] }) {
  return (
    <View className="role-tags" data-testid="role-tags">
      {roles.length === 0 ? (
        <View className="muted">暂无</View>
      ) : (
        roles.map((role) => (
          <Tag key={role} tone="primary" plain>
            {ROLE_LABELS[role]}
          </Tag>
        ))
      )}
    </View>
  )
}
