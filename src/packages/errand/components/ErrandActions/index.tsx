import { ItemActions } from '@/components/ItemActions'
import type { ApiError } from '@/contract/errors'
import type { Errand } from '@/contract/errand'
import { ALL_STEPS, EMPTY, STEPS, type ErrandStep } from './steps'

export type { ErrandStep }

interface ErrandActionsProps {
  errand: Errand
  /** Which buttons this place offers (default: all); each still needs its `can`. */
  steps?: ErrandStep[]
  /** The action went through: the errand as the server returned it. */
  onChanged: (errand: Errand) => void
  /** The action was refused (taken, gone, no longer allowed, full): the message was shown. */
  onStale: (id: string, error: ApiError) => void
}

/** The buttons the viewer may press on an errand, each confirmed in a dialog before it is sent. */
export function ErrandActions({ errand, ...rest }: ErrandActionsProps) {
  return (
    <ItemActions
      item={errand}
      table={STEPS}
      order={ALL_STEPS}
      empty={EMPTY}
      prefix="errand"
      {...rest}
    />
  )
}
