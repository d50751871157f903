import { ItemActions } from '@/components/ItemActions'
import type { Activity } from '@/contract/volunteer'
import { ALL_STEPS, EMPTY, STEPS, stepsFor } from './steps'

interface ActivityActionsProps {
  activity: Activity
  /** Signed up or cancelled: the activity as it now stands. */
  onChanged: (a: Activity) => void
  /** Refused (full, closed, too late): the message was shown; load it again. */
  onRefresh: () => void
}

/** 报名 and 取消报名 from the activity's `can`, each confirmed before it is sent. */
export function ActivityActions({ activity, onChanged, onRefresh }: ActivityActionsProps) {
  return (
    <ItemActions
      item={activity}
      table={STEPS}
      order={ALL_STEPS}
      steps={stepsFor(activity)}
      empty={EMPTY}
      prefix="activity"
      onChanged={onChanged}
      onStale={onRefresh}
    />
  )
}
