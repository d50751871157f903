import { View } from '@tarojs/components'
import { AccessHint } from '@/components/AccessHint'
import { EmptyState } from '@/components/Status'
import type { BindStatus } from '@/contract/roles'

/**
 * A page the viewer may not open (its ability is off in `me.can`): the way in for someone not
 * yet verified; for a verified resident, who this page is for.
 */
export function NoAccess({
  bindStatus,
  service,
  forWhom,
}: {
  bindStatus: BindStatus
  service: string
  /** e.g. 社区两委 */
  forWhom: string
}) {
  if (bindStatus !== 'verified') return <AccessHint bindStatus={bindStatus} service={service} />
  return (
    <EmptyState text={`${service}仅对${forWhom}开放`}>
      <View className="state__text" data-testid="no-access">
        如需使用，请联系社区。
      </View>
    </EmptyState>
  )
}
