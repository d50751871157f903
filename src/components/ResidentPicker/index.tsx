import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { TextInput } from '@/components/Field'
import { EmptyState, ErrorState, LoadingState } from '@/components/Status'
import { usePaged } from '@/hooks/usePaged'
import { useResidentFilter } from '@/hooks/useResidentFilter'
import { userApi } from '@/services/user'
import type { ResidentAction, ResidentItem } from '@/contract/user'
import './index.scss'

// Whom a grid worker files for (a wish, an errand): the verified residents of the grids they
// serve, from `user.listResidents`, instead of an openid nobody knows. The filter only searches
// what is loaded; more pages load on request.

interface ResidentPickerProps {
  value: ResidentItem | null
  onChange: (resident: ResidentItem) => void
  /** `<prefix>` on the trigger, `<prefix>-option-<openid>`, `-filter`, `-more`, `-none`. */
  testIdPrefix?: string
  /**
   * The action the pick is for: whom the viewer may pick is the roster's `can[allowed]`, decided
   * by the server from that domain's policy (default `fileFor`, a wish). null: anyone on the
   * roster (the action checks each pick itself, e.g. meeting votes against the roll).
   */
  allowed?: ResidentAction | null
}

const residentAddress = (r: ResidentItem): string => `${r.buildingName} ${r.room}室`

/** The trigger shows the pick (`<testIdPrefix>`); tapping it opens or closes the list. */
export function ResidentPicker({
  value,
  onChange,
  testIdPrefix: tid = 'wish-resident',
  allowed = 'fileFor',
}: ResidentPickerProps) {
  const [open, setOpen] = useState(value === null)
  // Loaded while the picker exists, so closing and reopening it keeps the pages and the filter.
  const roster = usePaged((page) => userApi.listResidents(page))
  const { filter, setFilter, shown, none } = useResidentFilter(roster.items)
  const nothing = none(roster.hasMore, '可以加载更多再找')

  const pick = (r: ResidentItem) => {
    onChange(r)
    setOpen(false)
  }

  const list = () => {
    if (roster.loading && roster.items.length === 0) {
      return <LoadingState text="正在加载居民名单…" />
    }
    if (roster.error && roster.items.length === 0) {
      return <ErrorState error={roster.error} onRetry={() => void roster.refresh()} />
    }
    if (roster.items.length === 0) {
      return (
        <EmptyState text="您服务的网格还没有已认证的居民">
          <View className="state__text">居民绑定网格并通过认证后，会出现在这里。</View>
        </EmptyState>
      )
    }
    return (
      <>
        <TextInput
          testId={`${tid}-filter`}
          value={filter}
          maxLength={20}
          placeholder="输入姓名、楼栋或房号查找"
          onChange={setFilter}
        />
        <View className="resident-picker__options" role="radiogroup" aria-label="选择居民">
          {shown.map((r) => (
            <ResidentOption
              key={r.openid}
              resident={r}
              selected={r.openid === value?.openid}
              allowed={allowed === null || r.can[allowed]}
              testId={`${tid}-option-${r.openid}`}
              onPick={() => pick(r)}
            />
          ))}
        </View>
        {nothing && (
          <View className="resident-picker__none muted" data-testid={`${tid}-none`}>
            {nothing}
          </View>
        )}
        {roster.hasMore && (
          <Button
            className="resident-picker__more"
            block
            loading={roster.loadingMore}
            testId={`${tid}-more`}
            onClick={() => void roster.loadMore()}
          >
            加载更多居民
          </Button>
        )}
      </>
    )
  }

  return (
    <View className="resident-picker">
      <View
        className={`resident-picker__trigger${value ? ' resident-picker__trigger--picked' : ''}`}
        role="button"
        aria-expanded={open}
        data-testid={tid}
        onClick={() => setOpen((o) => !o)}
      >
        <View className="resident-picker__pick">
          {value ? (
            <>
              <View className="resident-picker__name">{value.name}</View>
              <View className="muted">
                {residentAddress(value)} · {value.gridName}
              </View>
            </>
          ) : (
            <View className="resident-picker__placeholder">请选择居民</View>
          )}
        </View>
        <View className="resident-picker__toggle">{open ? '收起' : value ? '更换' : '选择'}</View>
      </View>
      {open && <View className="resident-picker__panel">{list()}</View>}
    </View>
  )
}

/** One big row per resident; one the viewer may not file for shows why and cannot be picked. */
function ResidentOption({
  resident: r,
  selected,
  allowed,
  testId,
  onPick,
}: {
  resident: ResidentItem
  selected: boolean
  allowed: boolean
  testId: string
  onPick: () => void
}) {
  const cls = [
    'resident-picker__option',
    selected ? 'resident-picker__option--on' : '',
    allowed ? '' : 'resident-picker__option--off',
  ]
  return (
    <View
      className={cls.filter(Boolean).join(' ')}
      role="radio"
      aria-checked={selected}
      aria-disabled={!allowed}
      data-testid={testId}
      onClick={() => {
        if (allowed) onPick()
      }}
    >
      <View className="resident-picker__mark">{selected ? '✓' : ''}</View>
      <View className="resident-picker__text">
        <View className="resident-picker__name">{r.name}</View>
        <View className="muted">
          {residentAddress(r)} · {r.gridName}
        </View>
        {!allowed && <View className="muted">不在您服务的网格，不能代填</View>}
      </View>
    </View>
  )
}
