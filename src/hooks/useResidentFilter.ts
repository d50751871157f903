import { useMemo, useState } from 'react'
import type { ResidentItem } from '@/contract/user'

const normalize = (s: string): string => s.replace(/\s+/g, '').toLowerCase()

// "张桂兰", "2号楼", "302", "2号楼302" and "302室" all find 张桂兰 of 2号楼 302.
const haystack = (r: ResidentItem): string => normalize(`${r.name}|${r.buildingName}${r.room}室`)

export interface ResidentFilter<T extends ResidentItem> {
  filter: string
  setFilter: (value: string) => void
  /** The loaded residents the filter finds (all of them when it is empty). */
  shown: T[]
  /** Why nothing shows, or null: with more pages to load, `more` says how to get them. */
  none: (hasMore: boolean, more: string) => string | null
}

/** Finds residents among those loaded (a roster, a picker) by name, building or room. */
export function useResidentFilter<T extends ResidentItem>(items: T[]): ResidentFilter<T> {
  const [filter, setFilter] = useState('')
  const shown = useMemo(() => {
    const needle = normalize(filter)
    return needle ? items.filter((r) => haystack(r).includes(needle)) : items
  }, [items, filter])
  const none = (hasMore: boolean, more: string) => {
    if (shown.length > 0) return null
    const word = filter.trim()
    return hasMore
      ? `已加载的居民中没有“${word}”，${more}`
      : `没有找到“${word}”，换个姓名、楼栋或房号试试`
  }
  return { filter, setFilter, shown, none }
}
