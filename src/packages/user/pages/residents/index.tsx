import { useEffect, useMemo, useState } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { Screen } from '@/components/Screen'
import { EmptyState, ErrorState, LoadingState } from '@/components/Status'
import { PagedList } from '@/components/PagedList'
import { TextInput } from '@/components/Field'
import { RoleTags } from '@/components/RoleTags'
import { useMe } from '@/hooks/useMe'
import { usePaged } from '@/hooks/usePaged'
import { useResidentFilter } from '@/hooks/useResidentFilter'
import { userApi } from '@/services/user'
import type { Role } from '@/contract/roles'
import type { Me, ResidentItem } from '@/contract/user'
import { GridChoice, type GridPick } from '../../components/GridChoice'
import { RolesEditor } from '../../components/RolesEditor'
import './index.scss'

// The committee's roster of verified residents, where it makes them volunteers, red agents or
// grid workers (`user.setRoles`). The server decides who is listed and what may be granted.

export default function Residents() {
  const { me, error, loading, refresh } = useMe()
  const [grid, setGrid] = useState<GridPick | null>(null)
  // The server knows whose residents the viewer sees; when it has no default for them (an admin
  // serving no grid of their own) it asks for a grid, and so does the page.
  const [chooses, setChooses] = useState(false)

  const body = () => {
    if (!me) {
      return error && !loading ? <ErrorState error={error} onRetry={refresh} /> : <LoadingState />
    }
    if (!chooses) return <Roster viewer={me} onNoScope={() => setChooses(true)} />
    if (!grid) return <GridChoice onChoose={setGrid} />
    return (
      <>
        <View className="card residents__grid">
          <View className="residents__grid-name">{grid.name}</View>
          <Button testId="residents-change-grid" onClick={() => setGrid(null)}>
            更换网格
          </Button>
        </View>
        <Roster key={grid.id} viewer={me} gridId={grid.id} />
      </>
    )
  }

  return <Screen testId="page-residents">{body()}</Screen>
}

/** Roles saved here, shown until the list reloads (`base` is the item they were saved over). */
type Saved = Map<string, { base: ResidentItem; roles: Role[] }>

function Roster({
  viewer,
  gridId,
  onNoScope,
}: {
  viewer: Me
  gridId?: string
  /** The server asked which grid to list (its INVALID_INPUT at `gridId`). */
  onNoScope?: () => void
}) {
  const list = usePaged((page) => userApi.listResidents(gridId ? { ...page, gridId } : page))
  const noScope = !gridId && list.error?.code === 'INVALID_INPUT' && list.error.field === 'gridId'
  useEffect(() => {
    if (noScope) onNoScope?.()
  }, [noScope, onNoScope])
  const [saved, setSaved] = useState<Saved>(() => new Map())
  const [editing, setEditing] = useState<ResidentItem | null>(null)

  // A reload brings new item objects, with the saved roles in them: older saves then drop out.
  const items = useMemo(
    () =>
      list.items.map((r) => {
        const s = saved.get(r.openid)
        return s && s.base === r ? { ...r, roles: s.roles } : r
      }),
    [list.items, saved]
  )
  const { filter, setFilter, shown, none } = useResidentFilter(items)

  const onSaved = (openid: string, roles: Role[]) => {
    const base = list.items.find((r) => r.openid === openid)
    if (base) setSaved((prev) => new Map(prev).set(openid, { base, roles }))
  }

  if (noScope) return <LoadingState />
  const nothing = none(list.hasMore, '上拉加载更多再找')
  const filtered = nothing && (
    <View className="residents__none muted" data-testid="residents-none">
      {nothing}
    </View>
  )
  return (
    <>
      {list.items.length > 0 && (
        <View className="residents__filter">
          <TextInput
            testId="residents-filter"
            value={filter}
            maxLength={20}
            placeholder="输入姓名、楼栋或房号查找"
            onChange={setFilter}
          />
        </View>
      )}
      <PagedList
        list={list}
        items={shown}
        after={filtered}
        loadingText="正在加载居民名单…"
        empty={
          <EmptyState text="暂无已认证居民">
            <View className="state__text">居民绑定网格并通过认证后，会出现在这里。</View>
          </EmptyState>
        }
      >
        {(r) => <ResidentCard resident={r} onOpen={() => setEditing(r)} />}
      </PagedList>
      {editing && (
        <RolesEditor
          viewer={viewer}
          resident={editing}
          onClose={() => setEditing(null)}
          onSaved={(roles) => onSaved(editing.openid, roles)}
        />
      )}
    </>
  )
}

function ResidentCard({ resident: r, onOpen }: { resident: ResidentItem; onOpen: () => void }) {
  return (
    <View
      className="card residents__item"
      role="button"
      data-testid={`resident-${r.openid}`}
      onClick={onOpen}
    >
      <View className="residents__head">
        <View className="residents__name">{r.name}</View>
        <View className="residents__edit">设置角色 ›</View>
      </View>
      <View className="residents__line">
        住址：{r.gridName} · {r.buildingName} {r.room}室
      </View>
      <View className="residents__line">手机号：{r.phone}</View>
      <View className="residents__roles">
        <RoleTags roles={r.roles} />
      </View>
    </View>
  )
}
