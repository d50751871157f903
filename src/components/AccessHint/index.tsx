import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@/components/Button'
import { EmptyState } from '@/components/Status'
import type { BindStatus } from '@/contract/roles'
import { ROUTES } from '@/pages/routes'

interface AccessHintProps {
  bindStatus: BindStatus
  /** What opens after verification, e.g. 微心愿. */
  service: string
  /** `<testId>` on the text, `<testId>-bind` on the button (default `access-hint`). */
  testId?: string
}

/**
 * For a viewer who may not use a service yet: not bound (bind first) or waiting for a grid
 * worker's verification. Shown instead of NOT_BOUND / NOT_VERIFIED errors.
 */
export function AccessHint({ bindStatus, service, testId = 'access-hint' }: AccessHintProps) {
  const waiting = bindStatus === 'pending'
  return (
    <EmptyState text={waiting ? '您的绑定正在等待网格员认证' : `绑定网格后就能使用${service}`}>
      <View className="state__text" data-testid={testId}>
        {waiting
          ? `认证通过后，就可以使用${service}了。`
          : `${service}只对本社区已认证的居民开放，请先绑定您所住的楼栋。`}
      </View>
      {!waiting && (
        <Button
          className="state__action"
          kind="primary"
          testId={`${testId}-bind`}
          onClick={() => void Taro.navigateTo({ url: ROUTES.bind })}
        >
          {bindStatus === 'rejected' ? '重新绑定' : '绑定网格'}
        </Button>
      )}
    </EmptyState>
  )
}

/** Errors that mean "not allowed in yet" rather than "something broke". */
export const isAccessError = (code: string | undefined) =>
  code === 'NOT_BOUND' || code === 'NOT_VERIFIED'
