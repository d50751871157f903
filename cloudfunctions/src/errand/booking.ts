import type { Doc } from '../lib/cloud'
import type { Join } from '../lib/load'
import { holdsOf, joinedList } from './store'

// The open-errand keys a booking reads with the caller and then tries (see store `insertErrand`).

/** Reads the booker's open errands by their keys with the caller (see lib/load). */
export const heldOf = (openid: string): Join => ({
  as: 'held',
  from: 'errands',
  field: 'hold',
  equals: holdsOf(openid),
})

/** The booker's keys no open errand holds (a racing booking may still take one: the insert tells). */
export function freeHolds(openid: string, joined: Record<string, Doc[]>): string[] {
  const taken = new Set(joinedList(joined, 'held').map((e) => e.hold))
  return holdsOf(openid).filter((h) => !taken.has(h))
}
