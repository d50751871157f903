import { useEffect, useRef } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Badge } from '@/components/DomainEntry'
import { Button } from '@/components/Button'
import { Tag } from '@/components/Tag'
import { TAB_STOP } from '@/components/a11y'
import { useQuery, type Query } from '@/hooks/useQuery'
import { useReshown } from '@/hooks/useReshown'
import type { QueueItem, QueueSection, WorkQueue } from '@/contract/committee'
import { QUEUE_LABELS } from '@/contract/committee.queue'
import type { Me } from '@/contract/user'
import { itemUrl, SECTION_URL } from '@/packages/committee/queue-links'
import { COMMITTEE_ROUTES } from '@/packages/committee/routes'
import { committeeApi } from '@/services/committee'
import './WorkQueue.scss'

// 待办: every queue the viewer serves in one card (`committee.moderationQueue`, one call), most
// urgent first, each item one tap from the page where it is handled. Shown by `me.can` only.

const go = (url: string) => void Taro.navigateTo({ url })

/** The work queue, loaded for viewers who have one and again whenever 首页 comes back into view. */
export function useWorkQueue(me: Me | null): Query<WorkQueue> & { enabled: boolean } {
  const enabled = !!me?.can['committee.queue']
  const query = useQuery(() => committeeApi.moderationQueue(), [me?.openid], { enabled })
  const reshown = useReshown()
  const seen = useRef(reshown)
  const { refresh } = query
  useEffect(() => {
    if (reshown === seen.current) return
    seen.current = reshown
    if (enabled) void refresh()
  }, [reshown, enabled, refresh])
  return { ...query, enabled }
}

/** 等了 5 分钟 / 3 小时 / 2 天 */
export function waitedText(since: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(since)) / 60_000))
  if (minutes < 60) return `等了 ${minutes} 分钟`
  if (minutes < 24 * 60) return `等了 ${Math.floor(minutes / 60)} 小时`
  return `等了 ${Math.floor(minutes / 1440)} 天`
}

function Item({ item }: { item: QueueItem }) {
  const where = [item.place, waitedText(item.since)].filter(Boolean).join(' · ')
  return (
    <View
      className="todo__item"
      role="link"
      {...TAB_STOP}
      data-testid={`todo-item-${item.kind}`}
      onClick={() => go(itemUrl(item))}
    >
      <View className="todo__item-main">
        <View className="todo__item-title">{item.title}</View>
        <View className="muted">{where}</View>
      </View>
      {item.overdue && <Tag tone="danger">超时</Tag>}
    </View>
  )
}

function Section({ section }: { section: QueueSection }) {
  const label = QUEUE_LABELS[section.kind]
  return (
    <View className="todo__section" data-testid={`todo-${section.kind}`}>
      <View
        className="todo__section-head"
        role="link"
        {...TAB_STOP}
        aria-label={`${label}，${section.count} 项，查看全部`}
        onClick={() => go(SECTION_URL[section.kind])}
      >
        <Text className="todo__section-title">{label}</Text>
        <Badge n={section.count} testId={`todo-${section.kind}-count`} />
        <Text className="todo__go" aria-hidden>
          ›
        </Text>
      </View>
      {section.items.map((item) => (
        <Item key={`${item.kind}-${item.id}`} item={item} />
      ))}
    </View>
  )
}

/** 首页 → 待办: the sections with something waiting; 全部处理完了 when none has. */
export function WorkQueueCard({ query }: { query: Query<WorkQueue> }) {
  const { data, error, loading, refresh } = query
  const waiting = data?.sections.filter((s) => s.count > 0) ?? []
  return (
    <View className="card todo" data-testid="home-todo">
      <View className="todo__head">
        <View className="card__title">待办</View>
        {data && <Badge n={data.total} testId="todo-total" />}
      </View>
      {!data ? (
        error && !loading ? (
          <View className="todo__state" role="alert">
            <Text>{error.message}</Text>
            <Button className="todo__retry" onClick={() => void refresh()}>
              重新加载
            </Button>
          </View>
        ) : (
          <View className="todo__state muted">正在加载…</View>
        )
      ) : waiting.length ? (
        waiting.map((s) => <Section key={s.kind} section={s} />)
      ) : (
        <View className="todo__state todo__done" data-testid="todo-empty">
          全部处理完了
        </View>
      )}
    </View>
  )
}

/** 首页 → 工作台: the committee's pages the viewer may open. */
export function Workbench({ me }: { me: Me }) {
  const links = [
    {
      id: 'dashboard',
      text: '数据看板',
      url: COMMITTEE_ROUTES.dashboard,
      on: me.can['committee.dashboard'],
    },
    {
      id: 'export',
      text: '导出台账',
      url: COMMITTEE_ROUTES.export,
      on: me.can['committee.export'],
    },
  ].filter((l) => l.on)
  if (!links.length) return null
  return (
    <View className="card workbench" data-testid="home-workbench">
      <View className="card__title">工作台</View>
      <View className="workbench__links">
        {links.map((l) => (
          <Button
            key={l.id}
            className="workbench__link"
            testId={`workbench-${l.id}`}
            onClick={() => go(l.url)}
          >
            {l.text}
          </Button>
        ))}
      </View>
    </View>
  )
}
