import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { AccessHint } from '@/components/AccessHint'
import { Screen } from '@/components/Screen'
import { EmptyState, ErrorState, LoadingState } from '@/components/Status'
import { useMe } from '@/hooks/useMe'
import type { BindStatus } from '@/contract/roles'
import type { Me } from '@/contract/user'

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

/**
 * A page for some only (staff queues, settings, reports): the viewer, once loaded, sees what
 * `children` draws when `allowed(me)`, else `NoAccess`, all on one `Screen`.
 */
export function StaffGate({
  testId,
  service,
  forWhom,
  allowed,
  children,
}: {
  testId: string
  service: string
  forWhom: string
  allowed: (me: Me) => boolean
  children: (me: Me) => ReactNode
}) {
  const { me, loading, error, refresh } = useMe()
  return (
    <Screen testId={testId}>
      {!me ? (
        error && !loading ? (
          <ErrorState error={error} onRetry={refresh} />
        ) : (
          <LoadingState />
        )
      ) : allowed(me) ? (
        children(me)
      ) : (
        <NoAccess bindStatus={me.bindStatus} service={service} forWhom={forWhom} />
      )}
    </Screen>
  )
}
