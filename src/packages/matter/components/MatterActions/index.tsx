import { ItemActions } from '@/components/ItemActions'
import type { ApiError } from '@/contract/errors'
import type { Matter } from '@/contract/matter'
import { ALL_STEPS, EMPTY, STEPS, type MatterStep } from './steps'

export type { MatterStep }

interface MatterActionsProps {
  matter: Matter
  /** Which buttons this place offers (default: all); each still needs its `can`. */
  steps?: MatterStep[]
  /** The action went through: the matter as the server returned it. */
  onChanged: (matter: Matter) => void
  /** The action was refused (taken, gone, no longer allowed): the message was shown. */
  onStale: (id: string, error: ApiError) => void
}

/** The buttons the viewer may press on a matter, each confirmed in a dialog before it is sent. */
export function MatterActions({ matter, ...rest }: MatterActionsProps) {
  return (
    <ItemActions
      item={matter}
      table={STEPS}
      order={ALL_STEPS}
      empty={EMPTY}
      prefix="matter"
      {...rest}
    />
  )
}
