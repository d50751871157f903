import type { DashboardRow } from '@/contract/committee'
import {
  DASHBOARD_FIGURE_LABELS,
  DASHBOARD_NOW_LABELS,
  type DashboardFigure,
  type DashboardNowFigure,
} from '@/contract/committee.rules'
import { hoursText, minutesText, percentText } from './format'

// Which figures the dashboard shows where: the chart's domains, the table's columns, the cards.

export type DomainId = 'wish' | 'errand' | 'matter' | 'service' | 'deliberation'

/** The chart's domain switcher: each domain's monthly bars. */
export const DOMAINS: readonly { id: DomainId; label: string; figures: DashboardFigure[] }[] = [
  { id: 'wish', label: '微心愿', figures: ['wishesPosted', 'wishesLit'] },
  {
    id: 'errand',
    label: '红色代办',
    figures: ['errandsBooked', 'errandsClosed', 'errandsOverdue'],
  },
  { id: 'matter', label: '居民说事', figures: ['mattersReported', 'mattersResolved'] },
  { id: 'service', label: '志愿服务', figures: ['volunteerHours'] },
  { id: 'deliberation', label: '居民议事', figures: ['topicsClosed', 'votesCast'] },
]

/** A column of the per-grid table (and a summary card): its value sorts, its text shows. */
export interface Column {
  key: string
  label: string
  value: (row: DashboardRow) => number | null
  text: (row: DashboardRow) => string
}

const count = (f: DashboardFigure): Column => ({
  key: f,
  label: DASHBOARD_FIGURE_LABELS[f],
  value: (r) => r.figures[f],
  text: (r) => String(r.figures[f]),
})

const rate = (key: 'satisfaction' | 'turnout' | 'attendanceRate', label: string): Column => ({
  key,
  label,
  value: (r) => r.figures[key],
  text: (r) => percentText(r.figures[key]),
})

const now = (f: DashboardNowFigure): Column => ({
  key: `now.${f}`,
  label: DASHBOARD_NOW_LABELS[f],
  value: (r) => r.now[f],
  text: (r) => String(r.now[f]),
})

export const COLUMNS: readonly Column[] = [
  count('wishesLit'),
  count('errandsClosed'),
  count('mattersResolved'),
  {
    key: 'volunteerHours',
    label: '服务时长（小时）',
    value: (r) => r.figures.volunteerHours,
    text: (r) => hoursText(r.figures.volunteerHours),
  },
  rate('satisfaction', '满意度'),
  {
    key: 'acceptMedianMinutes',
    label: '接单用时（中位）',
    value: (r) => r.figures.acceptMedianMinutes,
    text: (r) => minutesText(r.figures.acceptMedianMinutes),
  },
  rate('turnout', '议事参与率'),
  rate('attendanceRate', '活动到场率'),
  now('wishesOpen'),
  now('errandsOverdue'),
  now('mattersOpen'),
]
