import { useState } from 'react'
import { ScrollView, Text, View } from '@tarojs/components'
import { TAB_STOP } from '@/components/a11y'
import type { DashboardRow } from '@/contract/committee'
import type { Column } from '../../figures'
import './index.scss'

type Dir = 'ascending' | 'descending'
interface Sort {
  /** A column's key, or `name`. */
  key: string
  dir: Dir
}

const NAME = 'name'

/** Rows in the order `sort` asks (none: the server's, the community's order); unknown values (—) last. */
export function sortRows(rows: DashboardRow[], columns: readonly Column[], sort: Sort | null) {
  if (!sort) return rows
  const sign = sort.dir === 'ascending' ? 1 : -1
  // By name: the community's own order of its grids (the server's), reversed on a second tap;
  // a collation would put 第二网格 before 第一网格.
  if (sort.key === NAME) return sign === 1 ? rows : [...rows].reverse()
  const col = columns.find((c) => c.key === sort.key)
  if (!col) return rows
  return [...rows].sort((a, b) => {
    const x = col.value(a)
    const y = col.value(b)
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1
    return sign * (x - y)
  })
}

/** One row of figures: the grid's name heads it for screen readers. */
function BodyRow({
  cells,
  keys,
  total,
  testId,
}: {
  cells: string[]
  keys: string[]
  total?: boolean
  testId: string
}) {
  return (
    <View
      className={`grid-table__tr${total ? ' grid-table__tr--total' : ''}`}
      role="row"
      data-testid={testId}
    >
      {cells.map((text, i) => (
        <View
          key={keys[i]}
          className={`grid-table__td${i === 0 ? ' grid-table__cell--name' : ''}`}
          role={i === 0 ? 'rowheader' : 'cell'}
        >
          {text}
        </View>
      ))}
    </View>
  )
}

/**
 * The figures per grid, the total row last; a tap on a column's header sorts by it (most first,
 * a second tap least first), said to screen readers by `aria-sort`.
 */
export function GridTable({
  rows,
  total,
  columns,
}: {
  rows: DashboardRow[]
  total: DashboardRow
  columns: readonly Column[]
}) {
  const [sort, setSort] = useState<Sort | null>(null)
  const pick = (key: string) =>
    setSort((s) =>
      s?.key === key
        ? { key, dir: s.dir === 'ascending' ? 'descending' : 'ascending' }
        : { key, dir: key === NAME ? 'ascending' : 'descending' }
    )
  const heads = [{ key: NAME, label: '网格' }, ...columns]
  const cells = (r: DashboardRow) => [r.name, ...columns.map((c) => c.text(r))]
  const keys = heads.map((h) => h.key)
  return (
    <ScrollView scrollX className="grid-table__scroll">
      <View className="grid-table" role="table" aria-label="各网格数据" data-testid="grid-table">
        <View className="grid-table__tr grid-table__tr--head" role="row">
          {heads.map((h) => (
            <View
              key={h.key}
              className={`grid-table__th${h.key === NAME ? ' grid-table__cell--name' : ''}`}
              role="columnheader"
              aria-sort={sort?.key === h.key ? sort.dir : 'none'}
              data-testid={`grid-table-head-${h.key}`}
            >
              <View
                className="grid-table__sort"
                role="button"
                {...TAB_STOP}
                data-testid={`grid-table-sort-${h.key}`}
                onClick={() => pick(h.key)}
              >
                <Text>{h.label}</Text>
                <Text aria-hidden>
                  {sort?.key === h.key ? (sort.dir === 'ascending' ? ' ↑' : ' ↓') : ''}
                </Text>
              </View>
            </View>
          ))}
        </View>
        {sortRows(rows, columns, sort).map((r) => (
          <BodyRow key={r.gridId ?? 'total'} cells={cells(r)} keys={keys} testId="grid-table-row" />
        ))}
        <BodyRow cells={cells(total)} keys={keys} total testId="grid-table-total" />
      </View>
    </ScrollView>
  )
}
