import { COMMUNITY_MESSAGES, type COMMITTEE_ABILITIES } from '@/contract/committee'
import type { Actor } from '../lib/actor'
import type { Doc } from '../lib/cloud'
import type { Join } from '../lib/load'
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

const CHOSEN = 'chosenCommunity'

/** Reads the community an admin names with the caller (the same round trip): does it exist. */
export const chosenCommunity = (input: { communityId?: string }): Join[] =>
  input.communityId
    ? [{ as: CHOSEN, from: 'communities', field: '_id', equals: [input.communityId] }]
    : []

/**
 * The community an admin works on (`communityId` of `dashboard` and `export`): the one named, if
 * it exists, else their own; else the message for field `communityId`.
 */
export function adminCommunity(
  a: Actor,
  input: { communityId?: string },
  joined: Record<string, Doc[]>
): { communityId: string } | { message: string } {
  if (input.communityId) {
    return joined[CHOSEN]?.length
      ? { communityId: input.communityId }
      : { message: COMMUNITY_MESSAGES.missing }
  }
  return a.communityId ? { communityId: a.communityId } : { message: COMMUNITY_MESSAGES.choose }
}
