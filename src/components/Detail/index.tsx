import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@/components/Button'
import { Screen } from '@/components/Screen'
import { ContactPhone } from '@/components/ContactPhone'
import { EmptyState, ErrorState, LoadingState } from '@/components/Status'
import { Stars } from '@/components/Stars'
import { TimeText } from '@/components/TimeText'
import type { ContactCan } from '@/contract/common'
import type { Result } from '@/contract/errors'
import { ROUTES } from '@/pages/routes'
import { useQuery } from '@/hooks/useQuery'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import './index.scss'

// The pieces of a domain's detail page (a wish, an errand, …): the page that loads one item by
// id, label/value rows, a person's contact rows, a labelled note and the item's timeline. The
// classes are `detail__*` (index.scss); a page adds its own for what only it shows.

interface DetailScreenProps<T> {
  /** The page's test id (`page-<domain>-detail`). */
  testId: string
  /** The id from the route; none: `emptyText`. */
  id: string
  emptyText: string
  load: (id: string) => Promise<Result<T>>
  /** The item as loaded, or as the last action returned it (`setItem`). */
  children: (item: T, setItem: (item: T) => void, refresh: () => void) => ReactNode
}

/** One item by id: loading, error with retry, pull to refresh; then what `children` draws. */
export function DetailScreen<T>({ testId, id, emptyText, load, children }: DetailScreenProps<T>) {
  const query = useQuery(() => load(id), [id], { enabled: !!id })
  usePullRefresh(query.refresh)
  const item = query.data
  return (
    <Screen testId={testId}>
      {!id ? (
        <EmptyState text={emptyText} />
      ) : item ? (
        children(item, query.setData, () => void query.refresh())
      ) : query.error && !query.loading ? (
        <ErrorState error={query.error} onRetry={query.refresh} />
      ) : (
        <LoadingState />
      )}
    </Screen>
  )
}

/** A label on the left, its value on the right. */
export function DetailRow({
  label,
  children,
  testId,
}: {
  label: string
  children: ReactNode
  testId?: string
}) {
  return (
    <View className="detail__row">
      <View className="detail__label">{label}</View>
      <View className="detail__value" data-testid={testId}>
        {children}
      </View>
    </View>
  )
}

/** What a person shows: the fields the server left unmasked for this viewer. */
export interface DetailPerson {
  name: string
  nickname?: string | null
  buildingName?: string | null
  room?: string | null
  phone?: string | null
  can: ContactCan
}

/**
 * 称呼, 住址 and 电话 rows of a person, each only when shown (`<testIdPrefix>-name`, `-place`,
 * `-phone`). `name` replaces the 称呼 line where a domain words it its own way.
 */
export function PersonRows({
  person: p,
  testIdPrefix: tid,
  name,
}: {
  person: DetailPerson
  testIdPrefix: string
  name?: string
}) {
  const place = [p.buildingName, p.room ? `${p.room}室` : ''].filter(Boolean).join(' ')
  return (
    <>
      <DetailRow label="称呼" testId={`${tid}-name`}>
        {name ?? `${p.name}${p.nickname ? `（${p.nickname}）` : ''}`}
      </DetailRow>
      {place && (
        <DetailRow label="住址" testId={`${tid}-place`}>
          {place}
        </DetailRow>
      )}
      {p.phone && (
        <DetailRow label="电话">
          <ContactPhone phone={p.phone} can={p.can} testId={`${tid}-phone`} />
        </DetailRow>
      )}
    </>
  )
}

/** A labelled text the people involved wrote (a reason, a note, thanks). */
export function NoteBlock({
  label,
  text,
  tone,
  testId,
}: {
  label: string
  text: string
  tone?: 'bad' | 'good'
  testId: string
}) {
  return (
    <View className="detail__meta">
      <View className="detail__label">{label}</View>
      <View className={`detail__note${tone ? ` detail__note--${tone}` : ''}`} data-testid={testId}>
        {text}
      </View>
    </View>
  )
}

/** What happened to the item, oldest first (nothing while it is empty). */
export function Timeline({
  title,
  entries,
  testId,
}: {
  title: string
  entries: readonly { at: string; type: string; text: string }[]
  testId: string
}) {
  if (!entries.length) return null
  return (
    <View className="card">
      <View className="card__title">{title}</View>
      <View className="detail__timeline" data-testid={testId}>
        {entries.map((e, i) => (
          <View key={`${e.at}-${i}`} className="detail__step" data-type={e.type}>
            <View className="detail__step-time">
              <TimeText value={e.at} />
            </View>
            <View>{e.text}</View>
          </View>
        ))}
      </View>
    </View>
  )
}

/**
 * Just created: what happens next and where to go, as buttons to pages (`links`, the first the
 * main one), then 返回首页 (the item's own buttons stay below).
 */
export function NextSteps({
  testId,
  title,
  children,
  links,
}: {
  testId: string
  title: string
  children: ReactNode
  links: readonly { label: string; testId: string; url: string }[]
}) {
  const go = (url: string) => void Taro.navigateTo({ url })
  return (
    <View className="card detail__next" data-testid={testId}>
      <View className="card__title">{title}</View>
      <View className="muted">{children}</View>
      <View className="detail__next-buttons">
        {links.map((l, i) => (
          <Button
            key={l.testId}
            kind={i === 0 ? 'primary' : 'default'}
            block
            testId={l.testId}
            onClick={() => go(l.url)}
          >
            {l.label}
          </Button>
        ))}
        <Button block testId="next-home" onClick={() => void Taro.switchTab({ url: ROUTES.home })}>
          返回首页
        </Button>
      </View>
    </View>
  )
}

/** The item's round icon and its title, side by side at the top of its summary card. */
export function DetailHead({
  icon,
  title,
  testId,
}: {
  icon: ReactNode
  title: ReactNode
  testId: string
}) {
  return (
    <View className="detail__head">
      {icon}
      <View className="detail__title" data-testid={testId}>
        {title}
      </View>
    </View>
  )
}

/**
 * How the person helped rated it: the stars (`<prefix>-rating`) and what they wrote
 * (`<prefix>-<name>-text`, labelled `label`), each only when there is one.
 */
export function RatingRows({
  rating,
  text,
  prefix,
  name = 'comment',
  label = '评价',
}: {
  rating: number | null
  text: string | null | undefined
  prefix: string
  name?: string
  label?: string
}) {
  return (
    <>
      {rating !== null && (
        <DetailRow label="评分">
          <Stars value={rating} testId={`${prefix}-rating`} />
        </DetailRow>
      )}
      {text && (
        <NoteBlock label={label} tone="good" testId={`${prefix}-${name}-text`} text={text} />
      )}
    </>
  )
}
