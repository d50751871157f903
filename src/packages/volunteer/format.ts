import type { Activity, MySignup } from '@/contract/volunteer'
import { SIGNUP_STATUS_LABELS } from '@/contract/volunteer.rules'

// Times as residents read them, in Asia/Shanghai whatever the phone's zone, and the few lines
// every activity screen says the same way.

const SHANGHAI = 8 * 3_600_000
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']
const pad = (n: number) => String(n).padStart(2, '0')

/** The Asia/Shanghai wall clock of an instant. */
function wall(iso: string) {
  const d = new Date(Date.parse(iso) + SHANGHAI)
  return {
    y: d.getUTCFullYear(),
    m: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    wd: WEEKDAYS[d.getUTCDay()],
    hm: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  }
}

/** 11月27日 周五 09:00 */
export function timeText(iso: string): string {
  if (Number.isNaN(Date.parse(iso))) return ''
  const w = wall(iso)
  return `${w.m}月${w.d}日 ${w.wd} ${w.hm}`
}

/** 11月27日 周五 09:00–11:00 (the end's date too when it is another day). */
export function spanText(startAt: string, endAt: string): string {
  const a = wall(startAt)
  const b = wall(endAt)
  const sameDay = a.y === b.y && a.m === b.m && a.d === b.d
  return `${timeText(startAt)}–${sameDay ? b.hm : timeText(endAt)}`
}

/** 2026年11月27日 */
export function dateText(iso: string): string {
  const w = wall(iso)
  return `${w.y}年${w.m}月${w.d}日`
}

/** 2.5 → "2.5", 3 → "3". */
export const hoursText = (h: number): string => String(Math.round(h * 10) / 10)

/** 已报名 / 候补第 2 位 / 已取消. */
export function signupText(s: Pick<MySignup, 'status' | 'position'>): string {
  if (s.status === 'waitlisted' && s.position) return `候补第 ${s.position} 位`
  return SIGNUP_STATUS_LABELS[s.status]
}

/** 网格 or community, by the name the server gives it. */
export const scopeText = (a: Activity): string =>
  `${a.scope.type === 'grid' ? '网格活动' : '社区活动'} · ${a.scope.name}`
