import { ActivityIdInput } from '@/contract/volunteer'
import { action } from '../lib/router'
import { fail, ok } from '../lib/result'
import { activityById, joinedOne, type ActivityDoc } from './store'
import { NOT_SEEN, activityView, visible } from './view'

/** One activity with where the viewer stands on it: one round trip. */
export const getActivity = action(
  ActivityIdInput,
  async ({ actor, joined }) => {
    const a = joinedOne<ActivityDoc>(joined, 'activity')
    if (!a || !visible(actor, a)) return fail('NOT_FOUND', NOT_SEEN)
    return ok(activityView(actor, a))
  },
  { read: true, load: (input) => [activityById(input.id)] }
)
