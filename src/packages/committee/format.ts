// How the dashboard says its numbers (zod-free).

/** 0.995 → 99.5%; null (nothing to divide by) → —. */
export function percentText(v: number | null): string {
  if (v === null) return '—'
  return `${Math.round(v * 1000) / 10}%`
}

/** 95 → 1 小时 35 分钟; null → —. */
export function minutesText(m: number | null): string {
  if (m === null) return '—'
  if (m < 60) return `${m} 分钟`
  const h = Math.floor(m / 60)
  return m % 60 ? `${h} 小时 ${m % 60} 分钟` : `${h} 小时`
}

/** Hours with at most one decimal: 12.5. */
export const hoursText = (h: number): string => String(Math.round(h * 10) / 10)

/** '2026-03' → 2026年3月 */
export function monthText(month: string): string {
  const [y, m] = month.split('-').map(Number)
  return `${y}年${m}月`
}

/** '2026-03' → 3月 (an axis label). */
export const shortMonth = (month: string): string => `${Number(month.slice(5, 7))}月`
