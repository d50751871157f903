import { ItemActions } from '@/components/ItemActions'
import type { ApiError } from '@/contract/errors'
import type { Wish } from '@/contract/wish'
import { ALL_STEPS, EMPTY, STEPS, type WishStep } from './steps'

export type { WishStep }

interface WishActionsProps {
  wish: Wish
  /** Which buttons this place offers (default: all); each still needs its `can`. */
  steps?: WishStep[]
  /** The action went through: the wish as the server returned it. */
  onChanged: (wish: Wish) => void
  /** The action was refused (already taken, gone, no longer allowed): the message was shown. */
  onStale: (id: string, error: ApiError) => void
}

/** The buttons the viewer may press on a wish, each confirmed in a dialog before it is sent. */
export function WishActions({ wish, ...rest }: WishActionsProps) {
  return (
    <ItemActions
      item={wish}
      table={STEPS}
      order={ALL_STEPS}
      empty={EMPTY}
      prefix="wish"
      {...rest}
    />
  )
}
