import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@/components/Button'
import { EmptyState } from '@/components/Status'
import type { Me } from '@/contract/user'
import { ROUTES } from '@/pages/routes'

/**
 * For a viewer who may not see the community's wishes yet: not bound (bind first) or waiting
 * for a grid worker's verification. Shown instead of NOT_BOUND / NOT_VERIFIED errors.
 */
export function AccessHint({ me }: { me: Me }) {
  const waiting = me.bindStatus === 'pending'
  return (
    <EmptyState text={waiting ? '您的绑定正在等待网格员认证' : '绑定网格后就能看到邻居们的心愿'}>
      <View className="state__text" data-testid="wish-access-hint">
        {waiting
          ? '认证通过后，就可以查看和发布微心愿了。'
          : '微心愿只对本社区已认证的居民开放，请先绑定您所住的楼栋。'}
      </View>
      {!waiting && (
        <Button
          className="state__action"
          kind="primary"
          testId="wish-bind"
          onClick={() => void Taro.navigateTo({ url: ROUTES.bind })}
        >
          {me.bindStatus === 'rejected' ? '重新绑定' : '绑定网格'}
        </Button>
      )}
    </EmptyState>
  )
}

/** Errors that mean "not allowed in yet" rather than "something broke". */
export const isAccessError = (code: string | undefined) =>
  code === 'NOT_BOUND' || code === 'NOT_VERIFIED'
