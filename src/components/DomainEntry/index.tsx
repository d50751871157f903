import type { ReactNode } from 'react'
import { TAB_STOP } from '@/components/a11y'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import { Button } from '@/components/Button'
import { toast } from '@/components/Feedback'
import type { Me } from '@/contract/user'
import type { Counts } from '@/hooks/useCounts'
import type { DomainEntry, QueueEntry, ServiceTile } from './types'
import './index.scss'

// The registry (src/pages/entries.ts) rendered: the same few shapes for every domain. What shows
// is the server's decision (`me.can`, the keys `user.counts` answers); nothing here knows a role.

const go = (url: string) => void Taro.navigateTo({ url })

const queuesOf = (entries: readonly DomainEntry[], me: Me): QueueEntry[] =>
  entries.flatMap((e) => e.queues ?? []).filter((q) => me.can[q.ability])

/** A small red badge: 1…99, then 99+. Nothing for zero. */
export function Badge({ n, testId }: { n: number | undefined; testId: string }) {
  if (!n) return null
  return (
    <View className="entry-badge" data-testid={testId} aria-label={`${n} 个待处理`} role="status">
      {n > 99 ? '99+' : n}
    </View>
  )
}

/** 您有 N 个心愿待确认: what waits for the viewer themself, one tap from it. */
export function Notices({ entries, counts }: { entries: readonly DomainEntry[]; counts: Counts }) {
  const shown = entries
    .flatMap((e) => e.notices ?? [])
    .map((n) => ({ ...n, value: counts.get(n.count) ?? 0 }))
    .filter((n) => n.value > 0)
  if (!shown.length) return null
  return (
    <View className="entry-notices">
      {shown.map((n) => (
        <View
          key={n.id}
          className="entry-notice"
          role="link"
          {...TAB_STOP}
          data-testid={`notice-${n.id}`}
          onClick={() => go(n.url)}
        >
          <Text>{n.text(n.value)}</Text>
          <Text className="entry-notice__go">去看看 ›</Text>
        </View>
      ))}
    </View>
  )
}

/** One row per queue: `<prefix>-<id>`, its words, and what stands at its end. */
function QueueRows({
  queues,
  prefix,
  extra,
}: {
  queues: QueueEntry[]
  prefix: string
  extra: (q: QueueEntry) => ReactNode
}) {
  return (
    <>
      {queues.map((q) => (
        <View
          key={q.id}
          className="entry-queue"
          role="link"
          {...TAB_STOP}
          data-testid={`${prefix}-${q.id}`}
          onClick={() => go(q.url)}
        >
          <Cell title={q.title} description={q.description} extra={extra(q)} />
        </View>
      ))}
    </>
  )
}

/** The viewer has staff work (a queue the server lets them open). */
export const hasWork = (entries: readonly DomainEntry[], me: Me): boolean =>
  queuesOf(entries, me).length > 0

/** 首页: each domain's other ways in (心愿墙…), one row each. */
export function HomeLinks({ entries }: { entries: readonly DomainEntry[] }) {
  const links = entries.flatMap((e) => e.links ?? [])
  if (!links.length) return null
  return (
    <View className="entry-links">
      {links.map((l) => (
        <View
          key={l.id}
          className="entry-link"
          role="link"
          {...TAB_STOP}
          data-testid={`home-link-${l.id}`}
          onClick={() => go(l.url)}
        >
          <View>
            <View className="entry-link__title">{l.title}</View>
            <View className="muted">{l.desc}</View>
          </View>
          <Text className="entry-link__go" aria-hidden>
            ›
          </Text>
        </View>
      ))}
    </View>
  )
}

/** 首页: the staff queues that have a count, each with its badge. */
export function StaffQueues({
  entries,
  me,
  counts,
}: {
  entries: readonly DomainEntry[]
  me: Me
  counts: Counts
}) {
  const queues = queuesOf(entries, me).filter((q) => q.count)
  if (!queues.length) return null
  return (
    <View className="entry-queues">
      <QueueRows
        queues={queues}
        prefix="entry"
        extra={(q) => <Badge n={q.count && counts.get(q.count)} testId={`entry-${q.id}-count`} />}
      />
    </View>
  )
}

/** 我的 → 工作: every staff page the viewer may open. */
export function WorkList({ entries, me }: { entries: readonly DomainEntry[]; me: Me }) {
  const queues = queuesOf(entries, me)
  if (!queues.length) return null
  return (
    <CellGroup title="工作">
      <QueueRows queues={queues} prefix="mine" extra={() => '去处理'} />
    </CellGroup>
  )
}

function TileCounts({
  tile,
  counts,
  testId,
}: {
  tile: ServiceTile
  counts: Counts
  testId: string
}) {
  const parts = (tile.counts ?? []).flatMap((p) => {
    const n = counts.get(p.key)
    return n === undefined ? [] : [p.text(n)]
  })
  if (!parts.length) return null
  // Parts wrap as wholes on a narrow tile: 今年已点亮 N 个 · 待认领 M 个
  return (
    <View className="entry-tile__stat" data-testid={testId}>
      {parts.map((text, i) => (
        <Text key={text}>
          {i > 0 && ' · '}
          <Text className="entry-tile__stat-part">{text}</Text>
        </Text>
      ))}
    </View>
  )
}

/** 首页 → 社区服务: one tile per domain. */
export function ServiceTiles({
  entries,
  me,
  counts,
}: {
  entries: readonly DomainEntry[]
  me: Me
  counts: Counts
}) {
  const tiles = entries.filter((e) => e.tile && (!e.tile.ability || me.can[e.tile.ability]))
  const open = (tile: ServiceTile) => {
    if (tile.url) go(tile.url)
    else toast(`「${tile.title}」即将上线，敬请期待`)
  }
  return (
    <View className="entry-tiles">
      {tiles.map(({ key, tile }) => (
        <View
          key={key}
          className={`entry-tile entry-tile--${key}`}
          role={tile!.url ? 'link' : 'button'}
          {...TAB_STOP}
          data-testid={`service-${key}`}
          onClick={() => open(tile!)}
        >
          <View className="entry-tile__title">{tile!.title}</View>
          <View className="entry-tile__desc">{tile!.desc}</View>
          <TileCounts tile={tile!} counts={counts} testId={`${key}-stats`} />
          {!tile!.url && <View className="entry-tile__soon">即将上线</View>}
        </View>
      ))}
    </View>
  )
}

/** 网格: each domain's numbers for the viewer's grid, with the ways in. Hidden while unknown. */
export function GridCards({
  entries,
  counts,
}: {
  entries: readonly DomainEntry[]
  counts: Counts
}) {
  return (
    <>
      {entries.map(({ key, grid }) => {
        if (!grid) return null
        const known = grid.counts.filter((c) => counts.get(c.key) !== undefined)
        if (!known.length) return null
        return (
          <View key={key} className="card entry-grid" data-testid={`grid-${grid.id}`}>
            <View className="card__title">
              {grid.title} · {counts.data?.year}年
            </View>
            <View className="entry-grid__stats">
              {known.map((c) => (
                <View key={c.key} className="entry-grid__stat">
                  <View className="entry-grid__value" data-testid={c.testId}>
                    {counts.get(c.key)}
                  </View>
                  <View className="muted">{c.label}</View>
                </View>
              ))}
            </View>
            <View className="entry-grid__links">
              {grid.links.map((l) => (
                <Button
                  key={l.testId}
                  className="entry-grid__link"
                  kind={l.primary ? 'primary' : 'default'}
                  testId={l.testId}
                  onClick={() => go(l.url)}
                >
                  {l.text}
                </Button>
              ))}
            </View>
          </View>
        )
      })}
    </>
  )
}
