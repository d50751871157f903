import type { COMMITTEE_ABILITIES } from '@/contract/committee'
import type { Actor } from '../lib/actor'
import { isStaff } from '../lib/policy'

// Who may use the committee console. Pure: no database, tested as a table.

type CommitteeAbility = (typeof COMMITTEE_ABILITIES)[number]

/** The committee of a community (or an admin): the ledgers, the whole community's dashboard. */
export const isCommitteeOrAdmin = (a: Actor): boolean => a.isAdmin || !!a.committeeCommunityId

/** The viewer's abilities in the console (`user.me` → `can`). */
export const committeeAbilities = (a: Actor): Record<CommitteeAbility, boolean> => ({
  'committee.queue': isStaff(a),
  'committee.dashboard': isStaff(a),
  'committee.export': isCommitteeOrAdmin(a),
})
