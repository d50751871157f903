import { shanghaiDay } from '@/contract/rules'
import {
  ERRAND_BOOK_AHEAD_DAYS,
  ERRAND_SLOT_ENDS,
  ERRAND_SLOT_HOURS,
  ERRAND_SLOT_LABELS,
  type ErrandSlot,
} from '@/contract/errand.rules'

// Days and slots as residents read them, all in Asia/Shanghai whatever the phone's zone.

const DAY = 86_400_000
const SHANGHAI = 8 * 3_600_000
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** 'YYYY-MM-DD' of the Asia/Shanghai day `days` after the one holding `now`. */
export function dayOf(now: number, days = 0): string {
  return new Date(shanghaiDay(now) + days * DAY + SHANGHAI).toISOString().slice(0, 10)
}

/** Today and the next ERRAND_BOOK_AHEAD_DAYS days: the dates a booking may take. */
export const bookableDays = (now: number): string[] =>
  Array.from({ length: ERRAND_BOOK_AHEAD_DAYS + 1 }, (_, i) => dayOf(now, i))

/** The slot of that day has ended (it can no longer be booked). */
export function slotOver(date: string, slot: ErrandSlot, now: number): boolean {
  const [h, m] = ERRAND_SLOT_ENDS[slot].split(':').map(Number)
  return Date.parse(`${date}T00:00:00+08:00`) + (h * 60 + m) * 60_000 <= now
}

/** 今天 / 明天 / 后天, else 周三. */
export function dayName(date: string, now: number): string {
  const offset = Math.round((Date.parse(`${date}T00:00:00+08:00`) - shanghaiDay(now)) / DAY)
  if (offset === 0) return '今天'
  if (offset === 1) return '明天'
  if (offset === 2) return '后天'
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]
}

/** '2026-11-27' → 11月27日. */
export function monthDay(date: string): string {
  const [, m, d] = date.split('-').map(Number)
  return `${m}月${d}日`
}

/** 上午 08:00–12:00 */
export const slotText = (slot: ErrandSlot): string =>
  `${ERRAND_SLOT_LABELS[slot]} ${ERRAND_SLOT_HOURS[slot].start}–${ERRAND_SLOT_HOURS[slot].end}`

/** 11月27日（明天）上午 08:00–12:00 */
export const whenText = (date: string, slot: ErrandSlot, now: number): string =>
  `${monthDay(date)}（${dayName(date, now)}）${slotText(slot)}`
