import { View } from '@tarojs/components'
import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import { useQuery } from '@/hooks/useQuery'
import { currentPersona, listPersonas, switchPersona } from '@/services/persona'
import { ErrorState, LoadingState } from '@/components/Status'
import './index.scss'

/** Local mode only: act as any demo user. Switching reloads the app as that user. */
export function PersonaSwitcher() {
  const personas = useQuery(listPersonas)
  const current = currentPersona()

  return (
    <View className="persona-switcher" data-testid="persona-switcher">
      <CellGroup title="本地演示：切换身份" description="仅本地模式可见，切换后以该身份重新打开">
        {personas.loading && !personas.data && <LoadingState />}
        {personas.error && !personas.data && (
          <ErrorState error={personas.error} onRetry={personas.refresh} />
        )}
        {personas.data?.map((p) => (
          <View key={p.openid} data-testid={`persona-${p.openid}`}>
            <Cell
              title={p.label}
              extra={p.openid === current ? '当前' : '切换'}
              className={p.openid === current ? 'persona-switcher__current' : ''}
              onClick={() => p.openid !== current && switchPersona(p.openid)}
            />
          </View>
        ))}
      </CellGroup>
    </View>
  )
}
