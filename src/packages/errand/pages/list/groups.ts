import type { Errand } from '@/contract/errand'
import { ERRAND_SLOTS } from '@/contract/errand.rules'
import { whenText } from '../../dates'

// The agent's lists read as a schedule: by date, then slot, urgent first within one. The order
// is of the loaded items only (more pages join in as they load).

const slotIndex = (e: Errand) => ERRAND_SLOTS.indexOf(e.slot)
const key = (e: Errand) => `${e.date}|${e.slot}`

export function byDateAndSlot(items: Errand[]): Errand[] {
  return [...items].sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      slotIndex(a) - slotIndex(b) ||
      Number(b.urgent) - Number(a.urgent)
  )
}

/** The heading above `e` when it starts a new date and slot, else null. */
export function groupTitle(items: Errand[], e: Errand): string | null {
  const i = items.indexOf(e)
  if (i > 0 && key(items[i - 1]) === key(e)) return null
  return whenText(e.date, e.slot, Date.now())
}
