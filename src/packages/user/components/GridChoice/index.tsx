import { View } from '@tarojs/components'
import { OptionList } from '@/components/OptionList'
import { ErrorState, LoadingState } from '@/components/Status'
import { useQuery } from '@/hooks/useQuery'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { userApi } from '@/services/user'

export interface GridPick {
  id: string
  name: string
}

/**
 * The grid whose roster to open, for a viewer the server gives no default to (an admin who
 * serves no community or grid: `user.listResidents` asks them to name one).
 */
export function GridChoice({ onChoose }: { onChoose: (grid: GridPick) => void }) {
  const tree = useQuery(() => userApi.listGrids())
  usePullRefresh(tree.refresh)

  if (tree.error && !tree.data) return <ErrorState error={tree.error} onRetry={tree.refresh} />
  if (!tree.data) return <LoadingState />
  const grids = tree.data.communities.flatMap((c) =>
    c.grids.map((g) => ({ id: g.id, label: g.name, hint: c.name }))
  )
  return (
    <View className="card" data-testid="residents-grids">
      <View className="card__title">选择要查看的网格</View>
      <OptionList
        label="选择网格"
        options={grids}
        value={null}
        onChange={(id) => {
          const grid = grids.find((g) => g.id === id)
          if (grid) onChoose({ id: grid.id, name: grid.label })
        }}
      />
    </View>
  )
}
