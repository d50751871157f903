import { View } from '@tarojs/components'
import { Tag, type TagTone } from '@/components/Tag'
import { BIND_STATUS_LABELS, type BindStatus } from '@/contract/roles'

const TONE: Record<BindStatus, TagTone> = {
  none: 'default',
  pending: 'warning',
  verified: 'success',
  rejected: 'danger',
}

/** 未绑定 / 待认证 / 已认证 / 未通过 — the exact text e2e tests look for. */
export function BindStatusTag({ status }: { status: BindStatus }) {
  return (
    <View className="bind-status" data-testid="bind-status" data-status={status}>
      <Tag tone={TONE[status]}>{BIND_STATUS_LABELS[status]}</Tag>
    </View>
  )
}
