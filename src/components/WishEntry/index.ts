import type { Me } from '@/contract/user'
import type { WishStats } from '@/contract/wish'

// Small pieces of 微心愿 that the main package shows (home and grid tabs). Kept free of the
// subpackage's code and of zod: only types and strings.

/** Grid workers, the committee and admins review wishes (the server decides whose). */
export function isWishReviewer(me: Me | null): boolean {
  return (
    !!me &&
    (me.roles.includes('gridWorker') ||
      me.roles.includes('committee') ||
      me.roles.includes('admin'))
  )
}

/** The counts of the viewer's grid, else of their community (committee without a home grid). */
export function wishCounts(stats: WishStats | undefined): { lit: number; open: number } | null {
  const place = stats?.grid ?? stats?.community
  return place ? { lit: place.litThisYear, open: place.openNow } : null
}
