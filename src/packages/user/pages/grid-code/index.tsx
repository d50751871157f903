import { useEffect, useState } from 'react'
import { Image, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { OptionList } from '@/components/OptionList'
import { Screen } from '@/components/Screen'
import { EmptyState, ErrorState, LoadingState } from '@/components/Status'
import { useMe } from '@/hooks/useMe'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { useQuery } from '@/hooks/useQuery'
import { userApi } from '@/services/user'
import type { GridCode } from '@/contract/user'
import './index.scss'

// The grid's 小程序码 a grid worker shows door to door (`user.gridCode`): a resident who scans it
// lands on binding with the community and grid chosen. The viewer picks the grid; the server
// decides whether it is theirs to show and says why not. `?gridId=` opens a grid directly, and the
// last grid shown on this phone opens again next time.

const lastGridKey = (openid: string) => `honglin.gridCode.${openid}`

function lastGrid(openid: string): string | null {
  try {
    const id: unknown = Taro.getStorageSync(lastGridKey(openid))
    return typeof id === 'string' && id ? id : null
  } catch {
    return null
  }
}

function rememberGrid(openid: string, gridId: string): void {
  try {
    Taro.setStorageSync(lastGridKey(openid), gridId)
  } catch {
    // Only a convenience: the picker still works.
  }
}

export default function GridCodePage() {
  const { me } = useMe()
  const asked = ((useRouter()?.params ?? {}) as { gridId?: string }).gridId
  const tree = useQuery(() => userApi.listGrids())
  const [gridId, setGridId] = useState<string | null>(null)
  const code = useQuery(() => userApi.gridCode({ gridId: gridId ?? '' }), [gridId], {
    enabled: !!gridId,
  })
  usePullRefresh(() => Promise.all([tree.refresh(), ...(gridId ? [code.refresh()] : [])]))

  const grids = (tree.data?.communities ?? []).flatMap((c) =>
    c.grids.map((g) => ({ id: g.id, label: g.name, hint: c.name }))
  )

  // The first grid to show, once the grids and the viewer are known: the one the link names, the
  // last one shown here, or the only one there is.
  const [started, setStarted] = useState(false)
  const openid = me?.openid
  useEffect(() => {
    if (started || !openid || !tree.data) return
    setStarted(true)
    const known = (id: string | null | undefined) => !!id && grids.some((g) => g.id === id)
    const last = lastGrid(openid)
    if (known(asked)) setGridId(asked ?? null)
    else if (known(last)) setGridId(last)
    else if (grids.length === 1) setGridId(grids[0].id)
  }, [started, openid, tree.data, asked, grids])

  const shown = code.data && code.data.gridId === gridId ? code.data : null
  useEffect(() => {
    if (openid && shown) rememberGrid(openid, shown.gridId)
  }, [openid, shown])

  const body = () => {
    if (tree.error && !tree.data) return <ErrorState error={tree.error} onRetry={tree.refresh} />
    if (!tree.data) return <LoadingState />
    if (!grids.length) return <EmptyState text="暂无网格" />
    return (
      <>
        {gridId && (
          <View className="card grid-code" data-testid="grid-code">
            {code.loading || (!shown && !code.error) ? (
              <LoadingState text="正在生成网格二维码…" />
            ) : code.error ? (
              <ErrorState
                error={code.error}
                onRetry={code.error.code === 'INTERNAL' ? code.refresh : undefined}
              />
            ) : (
              shown && <CodeView code={shown} />
            )}
          </View>
        )}
        <View className="card" data-testid="grid-code-grids">
          <View className="card__title">{gridId ? '更换网格' : '选择要出示的网格'}</View>
          <OptionList
            label="选择网格"
            options={grids}
            value={gridId}
            onChange={setGridId}
            testIdPrefix="grid-code-opt-"
          />
        </View>
      </>
    )
  }

  return <Screen testId="page-grid-code">{body()}</Screen>
}

function CodeView({ code }: { code: GridCode }) {
  const label = `${code.gridName}的网格二维码`
  return (
    <>
      <View className="grid-code__name" role="heading" aria-level={2} data-testid="grid-code-name">
        {code.gridName}
      </View>
      <View className="grid-code__frame">
        {/* A square code in a square box: fill it (H5's aspectFit never scales a small PNG up). */}
        <Image
          className="grid-code__image"
          src={code.image}
          mode="scaleToFill"
          ariaLabel={label}
          nativeProps={{ alt: label, 'data-testid': 'grid-code-image' }}
        />
      </View>
      <View className="grid-code__hint">请居民用微信扫一扫，绑定到本网格</View>
    </>
  )
}
