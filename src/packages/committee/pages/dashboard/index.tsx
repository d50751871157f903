import { useMemo, useState } from 'react'
import { View } from '@tarojs/components'
import { FilterChips } from '@/components/FilterChips'
import { StaffGate } from '@/components/NoAccess'
import { EmptyState, ErrorState, LoadingState } from '@/components/Status'
import { formatTime } from '@/components/TimeText'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { useQuery, type Query } from '@/hooks/useQuery'
import type { ApiError } from '@/contract/errors'
import type { Dashboard, DashboardInput } from '@/contract/committee'
import {
  addMonths,
  COMMITTEE_RULES,
  DASHBOARD_FIGURE_LABELS,
  dashboardRangeIssue,
  shanghaiMonth,
} from '@/contract/committee.rules'
import { checkText } from '@/contract/rules'
import { committeeApi } from '@/services/committee'
import { ChartView, type ChartPoint, type ChartSpec } from '../../components/Chart'
import { CommunityField } from '../../components/CommunityField'
import { GridTable } from '../../components/GridTable'
import { PickBox } from '../../components/PickBox'
import { Summary } from '../../components/Summary'
import { COLUMNS, DOMAINS, type DomainId } from '../../figures'
import { hoursText, monthText, shortMonth } from '../../format'
import './index.scss'

// 数据看板: the figures of the months asked (default: the server's last 12) per grid and in
// total, from the pre-aggregated monthly documents (`committee.dashboard`, one call).

export default function DashboardPage() {
  return (
    <StaffGate
      testId="page-committee-dashboard"
      service="数据看板"
      forWhom="社区两委和网格员"
      allowed={(me) => me.can['committee.dashboard']}
    >
      {() => <Loaded />}
    </StaffGate>
  )
}

type Range = { from: string; to: string }
type Errors = Partial<Record<keyof Range, string>>

const PRESETS = [
  { id: '1', label: '本月' },
  { id: '3', label: '近3个月' },
  { id: '6', label: '近半年' },
  { id: '12', label: '近一年' },
] as const
type PresetId = (typeof PRESETS)[number]['id'] | ''

/** The messages the contract's rules give a range, per field (the server's clock decides last). */
export function rangeErrors({ from, to }: Range, currentMonth: string): Errors {
  const errors: Errors = {
    from: checkText(COMMITTEE_RULES.fromMonth, from),
    to: checkText(COMMITTEE_RULES.toMonth, to),
  }
  if (!errors.from && !errors.to)
    errors.to = dashboardRangeIssue(from, to, currentMonth) ?? undefined
  return errors
}

/**
 * The server's refusal where it belongs: next to a month, or next to the community choices (a
 * street admin belongs to no community: the server asks which one).
 */
function fieldMessages(error: ApiError | null): {
  range: Errors
  community?: string
  atField: boolean
} {
  const field = error?.field
  if (!error || !field) return { range: {}, atField: false }
  if (field === 'communityId') return { range: {}, community: error.message, atField: true }
  if (field === 'from' || field === 'to')
    return { range: { [field]: error.message }, atField: true }
  return { range: {}, atField: false }
}

function Loaded() {
  // What was asked: nothing at first (the server's default range), then the months picked.
  const [asked, setAsked] = useState<DashboardInput>({})
  const query = useQuery(
    () => committeeApi.dashboard(asked),
    [asked.from, asked.to, asked.communityId]
  )
  usePullRefresh(query.refresh)
  const [draft, setDraft] = useState<Range | null>(null)
  const current = shanghaiMonth(Date.now())
  const shown = draft ?? (query.data ? { from: query.data.from, to: query.data.to } : null)
  const server = fieldMessages(query.error)
  const own = draft ? rangeErrors(draft, current) : {}
  const errors: Errors = { from: own.from ?? server.range.from, to: own.to ?? server.range.to }
  const communityError = server.community
  const serverField = server.atField

  const pick = (next: Range) => {
    setDraft(next)
    const e = rangeErrors(next, current)
    if (!e.from && !e.to) setAsked({ ...asked, ...next })
  }

  return (
    <>
      {(communityError || asked.communityId) && (
        <CommunityField
          value={asked.communityId}
          error={communityError}
          testId="dashboard-community"
          onPick={(communityId) => setAsked({ ...asked, communityId })}
        />
      )}
      {shown && <RangeCard shown={shown} errors={errors} current={current} onPick={pick} />}
      <Body query={query} serverField={serverField} />
    </>
  )
}

function Body({ query, serverField }: { query: Query<Dashboard>; serverField: boolean }) {
  if (query.data) return <Board data={query.data} updating={query.loading} />
  if (query.error && !query.loading && !serverField)
    return <ErrorState error={query.error} onRetry={query.refresh} />
  return query.loading ? <LoadingState /> : null
}

/** The months shown: quick choices, then the two months, each with its message. */
function RangeCard({
  shown,
  errors,
  current,
  onPick,
}: {
  shown: Range
  errors: Errors
  current: string
  onPick: (range: Range) => void
}) {
  const preset: PresetId =
    shown.to === current
      ? (PRESETS.find((p) => addMonths(current, 1 - Number(p.id)) === shown.from)?.id ?? '')
      : ''
  return (
    <View className="card dashboard__range" data-testid="dashboard-range">
      <FilterChips
        block="dashboard"
        label="快速选择月份"
        options={PRESETS}
        value={preset}
        testId="dashboard-preset"
        onPick={(id) => id && onPick({ from: addMonths(current, 1 - Number(id)), to: current })}
      />
      <View className="dashboard__months">
        <PickBox
          name="from"
          label="起始月份"
          fields="month"
          value={shown.from}
          text={monthText(shown.from)}
          end={current}
          error={errors.from}
          testId="dashboard-from"
          onChange={(from) => onPick({ ...shown, from })}
        />
        <PickBox
          name="to"
          label="结束月份"
          fields="month"
          value={shown.to}
          text={monthText(shown.to)}
          end={current}
          error={errors.to}
          testId="dashboard-to"
          onChange={(to) => onPick({ ...shown, to })}
        />
      </View>
    </View>
  )
}

const isEmpty = (d: Dashboard) =>
  Object.values(d.total.figures).every((v) => !v) && Object.values(d.total.now).every((v) => !v)

function Board({ data, updating }: { data: Dashboard; updating: boolean }) {
  const [domain, setDomain] = useState<DomainId>('wish')
  const span = `${monthText(data.from)}至${monthText(data.to)}`
  return (
    <View className={updating ? 'dashboard--updating' : ''} aria-busy={updating}>
      <View className="dashboard__computed muted" data-testid="dashboard-computed">
        {data.computedAt
          ? `数据更新于 ${formatTime(data.computedAt, 'YYYY年M月D日 HH:mm')}`
          : '数据尚未统计'}
        {updating ? ' · 正在更新…' : ''}
      </View>
      {isEmpty(data) ? (
        <EmptyState text={`${span}还没有数据`}>
          <View className="state__text">居民发布心愿、预约代办、反映问题后，这里会按月统计。</View>
        </EmptyState>
      ) : (
        <>
          <View className="card">
            <View className="card__title">{span} · 合计</View>
            <Summary total={data.total} columns={COLUMNS} />
          </View>
          <View className="card">
            <View className="card__title">按月统计</View>
            <FilterChips
              block="dashboard"
              label="选择领域"
              options={DOMAINS}
              value={domain}
              testId="dashboard-domain"
              onPick={setDomain}
            />
            <Bars data={data} domain={domain} />
          </View>
          <View className="card">
            <View className="card__title">满意度</View>
            <Satisfaction data={data} />
          </View>
          <View className="card">
            <View className="card__title">各网格</View>
            <GridTable rows={data.grids} total={data.total} columns={COLUMNS} />
          </View>
        </>
      )}
    </View>
  )
}

function Bars({ data, domain }: { data: Dashboard; domain: DomainId }) {
  const d = DOMAINS.find((x) => x.id === domain) ?? DOMAINS[0]
  const spec = useMemo<ChartSpec>(() => {
    const points: ChartPoint[] = d.figures.flatMap((f) =>
      data.months.map((m, i) => ({
        month: shortMonth(m),
        series: DASHBOARD_FIGURE_LABELS[f],
        value: data.total.byMonth[i]?.[f] ?? 0,
      }))
    )
    return { kind: 'bars', data: points }
  }, [data, d])
  const summary =
    `${d.label}按月统计（${monthText(data.from)}至${monthText(data.to)}）：` +
    d.figures
      .map((f) => {
        const values = data.total.byMonth.map((b) => b[f])
        const peak = values.indexOf(Math.max(...values))
        const sum =
          f === 'volunteerHours' ? hoursText(data.total.figures[f]) : data.total.figures[f]
        return `${DASHBOARD_FIGURE_LABELS[f]}合计 ${sum}，最多在${monthText(data.months[peak])}（${
          f === 'volunteerHours' ? hoursText(values[peak]) : values[peak]
        }）`
      })
      .join('；')
  return <ChartView key={d.id} id="dashboard-bars" spec={spec} summary={summary} />
}

function Satisfaction({ data }: { data: Dashboard }) {
  const points = useMemo(
    () =>
      data.months.flatMap((m, i) => {
        const s = data.total.byMonth[i]?.satisfaction
        return s === null || s === undefined
          ? []
          : [{ month: shortMonth(m), series: '满意度', value: Math.round(s * 1000) / 10 }]
      }),
    [data]
  )
  const spec = useMemo<ChartSpec>(() => ({ kind: 'line', data: points, unit: '%' }), [points])
  if (!points.length)
    return (
      <View className="muted" data-testid="dashboard-satisfaction-none">
        这段时间还没有评价
      </View>
    )
  const summary = `满意度按月变化：${points.map((p) => `${p.month} ${p.value}%`).join('，')}`
  return <ChartView id="dashboard-satisfaction" spec={spec} summary={summary} />
}
